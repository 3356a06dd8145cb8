// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "actionplan",
    products: [
        .executable(name: "actionplan", targets: ["actionplan"]),
        // For the benchmark package in Benchmarks/ (its own Package.swift), which measures them in the process.
        .library(name: "ActionPlanLibraries", targets: ["ActionPlanModel", "ActionPlanStore", "ActionPlanFormat", "ActionPlanTUI"]),
    ],
    dependencies: [
        // 6.2.2, not 5.x: it rejects duplicate mapping keys.
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        // The zip container of .xlsx workbooks, read within size limits and written for the
        // report; a maintained library rather than a zip reader of our own (zlib underneath).
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // The pure model: values in, values out; no terminal, no files.
        .target(name: "ActionPlanModel"),
        // Reading plan files from disk into the model, with located diagnostics.
        .target(
            name: "ActionPlanStore",
            dependencies: [
                "ActionPlanModel", .product(name: "Yams", package: "Yams"), "CLibcrypto",
            ]
        ),
        // Turning model values into text: tables, CSV, JSON, safe terminal text.
        .target(
            name: "ActionPlanFormat",
            dependencies: ["ActionPlanModel", .product(name: "CSV", package: "CSV.swift")]
        ),
        // Spreadsheets in and out: tracker workbooks and CSV files read for `import`, the
        // report written as a workbook. XML through Foundation's streaming XMLParser (libxml2).
        .target(
            name: "ActionPlanWorkbook",
            dependencies: [
                "ActionPlanModel", "ActionPlanStore", "ActionPlanFormat",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"), .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        // The full-screen interface as pure state, events and views: no terminal needed to test it.
        .target(name: "ActionPlanTUI", dependencies: ["ActionPlanModel", "ActionPlanFormat"]),
        // SHA-256 for the journal's hash chain, from the system's OpenSSL rather than a copy
        // compiled with the tool (BoringSSL through swift-crypto was most of a first build).
        // Linked from its static archive (libssl-dev has it; see the module map): the shared
        // library cost every start 3.4 k symbol look-ups and its constructors.
        .systemLibrary(name: "CLibcrypto", providers: [.apt(["libssl-dev"])]),
        // ncursesw, and the C shim for what Swift cannot import from it. No pkg-config: its
        // feature macros are flags SwiftPM refuses, and the shim sets the one it needs.
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"])]),
        // The one place that talks to the terminal: copies the TUI's grid to ncurses, reads keys.
        .target(name: "ActionPlanTerminal", dependencies: ["ActionPlanTUI", "ActionPlanStore", "ActionPlanModel", "ActionPlanFormat", "CNcursesw"]),
        .executableTarget(
            name: "actionplan",
            dependencies: [
                "ActionPlanModel", "ActionPlanStore", "ActionPlanFormat", "ActionPlanTUI", "ActionPlanTerminal", "ActionPlanWorkbook",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The release binary carries the Swift runtime and Foundation in itself: the dynamic
            // loader then looks up 10 k symbols instead of 31 k at each start (--version: 35 M
            // instructions down to 21 M; see docs/performance.md, "Start-up"). The
            // libraries after -static-stdlib are the ones static Foundation and FoundationXML need
            // (as a module compiled with -static-stdlib would autolink them), in an order the linker
            // can resolve; libxml2 by its runtime file, so that no -dev package is needed for it. Release only: the test bundle, which links this target too, cannot link
            // the test frameworks against a static runtime.
            linkerSettings: [.unsafeFlags(["-static-stdlib", "-l_CFXMLInterface", "-lCoreFoundation", "-l_FoundationCShims", "-l_FoundationCollections",
                                           "-lswiftSynchronization", "-l_FoundationICU", "-l:libxml2.so.2"], .when(configuration: .release))]
        ),
        // Writes synthetic plans and journals of any size, for the benchmark.
        .executableTarget(
            name: "plan-generator",
            dependencies: [
                "ActionPlanModel", "ActionPlanStore", .product(name: "Yams", package: "Yams"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ActionPlanModelTests", dependencies: ["ActionPlanModel"]),
        .testTarget(name: "ActionPlanWorkbookTests", dependencies: ["ActionPlanWorkbook", "ActionPlanModel", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "ActionPlanTUITests", dependencies: ["ActionPlanTUI", "ActionPlanTerminal", "ActionPlanModel", "ActionPlanFormat", "ActionPlanStore"]),
        .testTarget(name: "ActionPlanStoreTests", dependencies: ["ActionPlanStore", "ActionPlanModel", "ActionPlanFormat", "journal-stress"]),
        // Test support: appends records from a separate process, for the concurrency and kill tests.
        .executableTarget(name: "journal-stress", dependencies: ["ActionPlanStore", "ActionPlanModel"], path: "Tests/JournalStress"),
        .testTarget(
            name: "ActionPlanFormatTests",
            dependencies: ["ActionPlanFormat", "ActionPlanModel", .product(name: "CSV", package: "CSV.swift")]
        ),
        // Runs the real `actionplan` binary, as a user would.
        .testTarget(name: "ActionPlanCLITests", dependencies: ["actionplan", "ActionPlanStore", "ActionPlanModel"]),
    ]
)
