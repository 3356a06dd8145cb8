import ActionPlanFormat
import Foundation
import Testing

/// `list` and `summary` on the bundled Harrow plan through the real binary, as a coordinator
/// reads them at 80 and 120 columns and piped into another tool: no column dropped, no cell cut.
@Suite struct TableWidthCommandTests {
    static let harrow = "plans/harrow-vawg-2014-17.yaml"

    /// The text of column `place` (by its title's start in `header`) on each of `lines`, joined.
    static func column(_ place: Int, header: String, lines: some Collection<String>) -> String {
        let starts = header.indices.filter { index in
            header[index] != " " && (index == header.startIndex || header[header.index(before: index)] == " ")
        }.map { header.distance(from: header.startIndex, to: $0) }
        let from = starts[place]
        let to = place + 1 < starts.count ? starts[place + 1] : Int.max
        return lines.map { String($0.dropFirst(from).prefix(to - from)).trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.reduce("") { $0.isEmpty ? $1 : $0.hasSuffix("-") ? $0 + $1 : $0 + " " + $1 }
    }

    @Test(arguments: [80, 120])
    func listKeepsEveryColumnAndWrapsTheOutputText(width: Int) throws {
        let run = try Runner.run(["list", Self.harrow, "--as-of", "2016-03-31", "--width", String(width)])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.components(separatedBy: "\n")
        #expect(lines.allSatisfy { TerminalText.width($0) <= width })
        #expect(!run.stdout.contains("…"))
        let header = lines[2]
        #expect(header.split(separator: " ") == ["ID", "RAG", "Output", "Lead", "Due", "Deadline", "Status", "Flags"])
        // Before, the output's text had 7 columns at 80: "Develo…".
        let output = try #require(header.range(of: "Output")), lead = try #require(header.range(of: "Lead"))
        #expect(header.distance(from: output.lowerBound, to: lead.lowerBound) >= (width == 80 ? 20 : 40), "\(header)")
        let first = lines.drop { !$0.hasPrefix("1.1 ") }.prefix { !$0.hasPrefix("2.1 ") }
        #expect(Self.column(2, header: header, lines: first).hasPrefix("Develop a partnership cross-agency communications plan which will include"))
    }

    @Test func aJointLeadShowsTheAgencyTheListIsNarrowedToFirst() throws {
        // 5.1 is led by CFS, NHS – NPH, LSCB and Police, written in that order.
        let all = try Runner.run(["list", Self.harrow, "--as-of", "2016-03-31"])
        #expect(all.stdout.components(separatedBy: "\n").contains { $0.hasPrefix("5.1 ") && $0.contains("CFS; NHS – NPH; LSCB; Police") })
        let police = try Runner.run(["list", Self.harrow, "--as-of", "2016-03-31", "--lead", "Met Police"])
        #expect(police.status == 0, "\(police.stderr)")
        #expect(police.stdout.components(separatedBy: "\n").contains { $0.hasPrefix("5.1 ") && $0.contains("Police; CFS; NHS – NPH; LSCB") })
    }

    @Test func pipedTheListIsNeitherWrappedNorCut() throws {
        let run = try Runner.run(["list", Self.harrow, "--as-of", "2016-03-31"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stdout.contains("…"))
        let rows = run.stdout.components(separatedBy: "\n").filter { $0.range(of: #"^[0-9]+\.[0-9]+ "#, options: .regularExpression) != nil }
        #expect(rows.count == 55)
    }

    @Test func summaryAt80KeepsEveryColumnAndWholePillarNames() throws {
        let run = try Runner.run(["summary", Self.harrow, "--as-of", "2016-03-31", "--width", "80"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.components(separatedBy: "\n")
        #expect(lines.allSatisfy { TerminalText.width($0) <= 80 }, "\(run.stdout)")
        #expect(!run.stdout.contains("…"))
        let header = lines[2]
        #expect(Set(header.split(separator: " ")).isSuperset(of: ["Pillar", "B", "G", "A", "R", "-", "Live", "Done%", "overdue", "due-", "unowned",
                                                                 "unknown-", "undated", "stale"]), "\(header)")
        let json = try Runner.run(["list", Self.harrow, "--as-of", "2016-03-31", "--format", "json"])
        let rows = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        var pillars: [String] = []
        for case let pillar as String in rows.map({ $0["pillar"] }) where !pillars.contains(pillar) { pillars.append(pillar) }
        #expect(pillars.count > 1)
        // Each pillar's row: its name wrapped within the first column, down to the next name.
        let body = Array(lines.dropFirst(4))
        let starts = body.indices.filter { body[$0].contains(where: \.isNumber) && body[$0].range(of: #"^\S.*\s\d+\s"#, options: .regularExpression) != nil }
        let names = starts.map { start in
            Self.column(0, header: header, lines: body[start...].prefix { !$0.hasPrefix("---") && !$0.isEmpty }
                .enumerated().prefix { $0.offset == 0 || !$0.element.contains(where: \.isNumber) }.map(\.element))
        }
        for pillar in pillars { #expect(names.contains(pillar), "\(pillar) in \(names)") }
    }
}
