import ActionPlanModel
import ActionPlanStore
import Foundation
import Testing

/// Plan texts for the loader's tests: one small valid plan, varied a line at a time.
enum Fixture {
    /// The file name every test loads its text as, as a user would name it.
    static let path = "plans/test.yaml"

    /// A minimal valid plan: title, `header` lines (plan-level keys, written as they sit in the
    /// file), then one pillar (Prevention) with one objective (id "1") holding `outputs`.
    ///
    /// With the defaults it loads with no diagnostics.
    static func plan(header: [String] = [], outputs: [String] = output()) -> String {
        let lines = ["plan: Test Plan"] + header + [
            "pillars:",
            "  - pillar: Prevention",
            "    aim: Prevent violence from happening.",
            "    objectives:",
            "      - id: \"1\"",
            "        objective: Make every resident aware of the services.",
            "        outputs:",
        ] + outputs
        return lines.joined(separator: "\n") + "\n"
    }

    /// The lines of one output as they sit under `outputs:`: its `id`, its `output` text, and
    /// then `fields` (such as `"due: April 2015"`), each indented as an output's keys are.
    static func output(_ id: String = "1.1", _ fields: String...) -> [String] {
        ["          - id: \"\(id)\"", "            output: Develop a communications plan."]
            + fields.map { "            " + $0 }
    }

    /// Lines for a plan-level `agencies:` register of three agencies: a plain name, one with a
    /// short form and an alias, and one with an alias of two words.
    static let register = [
        "agencies:",
        "  - Harrow Council",
        "  - name: Local Safeguarding Children Board",
        "    short: LSCB",
        "    aliases: [LCSB]",
        "  - name: Police",
        "    aliases: [Met Police]",
    ]
}

/// A line and column as an editor shows them: both from 1, columns counting characters.
struct Place: Equatable, CustomStringConvertible {
    let line: Int
    let column: Int

    init(_ line: Int, _ column: Int) {
        self.line = line
        self.column = column
    }

    init(_ location: ActionPlanModel.SourceLocation) {
        self.init(location.line, location.column)
    }

    var description: String { "\(line):\(column)" }
}

/// A plan file's contents and what the loader made of them.
struct Loaded {
    /// The file's lines as an editor shows them: no byte-order mark, no line-break characters.
    let lines: [String]
    let result: LoadedPlan

    /// Loads `text` as a UTF-8 plan file.
    init(_ text: String) {
        self.init(bytes: Array(text.utf8))
    }

    /// Loads `bytes` as the contents of a plan file.
    init(bytes: [UInt8]) {
        var text = String(decoding: bytes, as: UTF8.self)
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(String.UnicodeScalarView(line.last == "\r" ? line.dropLast() : line))
        }
        result = PlanLoader.load(data: Data(bytes), path: Fixture.path)
    }

    var plan: Plan? { result.plan }
    var diagnostics: [Diagnostic] { result.diagnostics }

    /// Where the `occurrence`th `needle` starts (the first by default); the test stops if the
    /// text does not hold it.
    func place(of needle: String, occurrence: Int = 1) throws -> Place {
        var seen = 0
        for (index, line) in lines.enumerated() {
            var rest = Substring(line)
            while let range = rest.range(of: needle) {
                seen += 1
                if seen == occurrence {
                    return Place(index + 1, line[..<range.lowerBound].unicodeScalars.count + 1)
                }
                rest = line[range.upperBound...]
            }
        }
        throw FixtureError.notFound(needle)
    }

    /// The only output of a plan that loaded; the test stops if it did not load.
    func onlyOutput() throws -> Output {
        let plan = try #require(plan, "the plan did not load: \(describe(diagnostics))")
        let entries = plan.entries
        try #require(entries.count == 1)
        return entries[0].output
    }
}

/// Why a fixture could not be used as a test meant.
enum FixtureError: Error {
    case notFound(String)
}

/// The diagnostics as `line:column severity: message`, one a line, for failure messages.
func describe(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.isEmpty ? "no diagnostics" : diagnostics.map {
        "\($0.location.line):\($0.location.column) \($0.severity): \($0.message)"
    }.joined(separator: "\n")
}

/// Checks that `loaded` reports exactly one diagnostic of `severity`, and that it is as
/// `expectProblem` says.
///
/// Diagnostics of the other severity are left to other tests, so that one stray warning does
/// not fail every test of an error.
@discardableResult
func expectOnlyProblem(
    _ loaded: Loaded, _ severity: Diagnostic.Severity, at place: Place, saying phrases: String...,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> Diagnostic? {
    let count = loaded.diagnostics.filter { $0.severity == severity }.count
    #expect(count == 1, "expected one \(severity), found:\n\(describe(loaded.diagnostics))", sourceLocation: sourceLocation)
    return expectProblem(loaded, severity, at: place, saying: phrases, sourceLocation: sourceLocation)
}

/// Checks that `loaded` reports a `severity` diagnostic at `place` whose message holds every
/// one of `phrases` (ignoring case), that its excerpt (when it has one) is the line it points
/// at, and that an error leaves no plan. Returns that diagnostic.
@discardableResult
func expectProblem(
    _ loaded: Loaded, _ severity: Diagnostic.Severity, at place: Place, saying phrases: [String],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> Diagnostic? {
    let here = loaded.diagnostics.filter { Place($0.location) == place && $0.severity == severity }
    // Where several share the place, the one that says everything asked for, else the first.
    let saying = here.first { found in phrases.allSatisfy { found.message.localizedCaseInsensitiveContains($0) } }
    guard let found = saying ?? here.first else {
        Issue.record("no \(severity) at \(place); found:\n\(describe(loaded.diagnostics))", sourceLocation: sourceLocation)
        return nil
    }
    #expect(found.location.file == Fixture.path, sourceLocation: sourceLocation)
    for phrase in phrases {
        #expect(found.message.localizedCaseInsensitiveContains(phrase),
                "message lacks '\(phrase)': \(found.message)", sourceLocation: sourceLocation)
    }
    if let excerpt = found.excerpt, loaded.lines.indices.contains(place.line - 1) {
        #expect(excerpt == loaded.lines[place.line - 1], sourceLocation: sourceLocation)
    }
    if severity == .error {
        #expect(loaded.plan == nil, "a plan with an error must not load", sourceLocation: sourceLocation)
    }
    return found
}

/// The day an ISO date names; the test stops if it is not a date.
func isoDay(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Day {
    try #require(Day(iso: text), sourceLocation: sourceLocation)
}
