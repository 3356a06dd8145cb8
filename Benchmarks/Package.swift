// swift-tools-version: 6.1
import PackageDescription

// The in-process benchmarks of actionplan: a package of its own, beside the product's, so that
// building and testing the tool never builds the benchmark framework. Run from this folder:
//   ACTIONPLAN_BENCH_PLAN=/tmp/bench/plan.yaml swift package benchmark
// (scripts/benchmark makes the plan and runs it; docs/performance.md has the figures).
let package = Package(
    name: "actionplan-benchmarks",
    dependencies: [
        .package(name: "actionplan", path: ".."),
        // Wall and CPU time, allocations and peak memory per benchmark, with baselines to compare.
        // Only the malloc interposer: the runtime interposer is not needed for these metrics.
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "ActionPlanBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ActionPlanLibraries", package: "actionplan"),
            ],
            path: "Benchmarks/ActionPlanBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
