import ActionPlanFormat
import ActionPlanModel
import Foundation
import Testing

/// The `list` and `summary` tables as a user reads them at 80 and 120 columns and piped: long
/// cells wrap within their column, every column stays, and nothing is cut.
@Suite struct TableWidthTests {
    /// A plan whose cells are long: a revised date, a joint lead of long names, long pillar names.
    static let plan: Plan = {
        let april = Due(written: "April 2015", meaning: .by(Period(first: Day.first(ofMonth: 4, year: 2015), last: Day.last(ofMonth: 4, year: 2015))))
        var revised = Output(id: "1.1", text: "Commission a perpetrator programme for men who use violence in their relationships",
                             leads: ["Children and Families Services", "Probation"],
                             due: Due(written: "December 2015", meaning: .by(Period(first: Day.first(ofMonth: 12, year: 2015), last: Day.last(ofMonth: 12, year: 2015)))),
                             status: .notStarted)
        revised.revision = Revision(original: Due(written: "October 2015", meaning: .by(Period(first: Day.first(ofMonth: 10, year: 2015),
                                                                                                 last: Day.last(ofMonth: 10, year: 2015)))),
                                    by: "coordinator", at: Timestamp(day: june, hour: 9, minute: 0, second: 0), reason: "post vacant")
        return Plan(title: "Long cells", pillars: [
            Pillar(name: "Prevention and early intervention in schools", objectives: [Objective(id: "1", text: "x", outputs: [
                revised,
                Output(id: "1.2", text: "Train staff", leads: ["Police"], due: april),
            ])]),
            Pillar(name: "Provision of services to victims and survivors", objectives: [Objective(id: "2", text: "x", outputs: [
                Output(id: "2.1", text: "Agree the MARAC protocol", due: april, status: .onTrack),
            ])]),
        ])
    }()

    static func list(width: Int?) -> [String] {
        ListText.table(plan.rows(matching: Query(), asOf: june), plan: plan, asOf: june, width: width).components(separatedBy: "\n")
    }

    /// What a wrapped cell says: the text of each of `lines` from the start of the column titled
    /// `title` in `header` to the start of the next, joined as the wrap broke it.
    static func cell(_ title: String, header: String, lines: some Collection<String>) -> String {
        let titles = header.split(separator: " ")
        let starts = titles.compactMap { header.range(of: $0).map { header.distance(from: header.startIndex, to: $0.lowerBound) } }
        guard let place = titles.firstIndex(of: Substring(title)) else { return "" }
        let from = starts[place]
        let to = place + 1 < starts.count ? starts[place + 1] : Int.max
        return lines.map { line in
            String(line.dropFirst(from).prefix(to - from)).trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }.reduce("") { text, piece in
            text.isEmpty ? piece : text.hasSuffix("-") ? text + piece : text + " " + piece
        }
    }

    @Test func at80ColumnsEveryColumnStaysAndLongCellsWrapWhole() {
        let lines = Self.list(width: 80)
        #expect(lines.allSatisfy { TerminalText.width($0) <= 80 }, "\(lines.joined(separator: "\n"))")
        #expect(!lines.joined().contains("…"))
        let header = lines[2]
        #expect(header.split(separator: " ") == ["ID", "RAG", "Output", "Lead", "Due", "Deadline", "Status", "Flags"])
        #expect(lines[3] == "[Prevention and early intervention in schools]")
        // The output's text keeps a readable width (it had 7 columns before it wrapped).
        let outputX = header.distance(from: header.startIndex, to: header.range(of: "Output")?.lowerBound ?? header.startIndex)
        let leadX = header.distance(from: header.startIndex, to: header.range(of: "Lead")?.lowerBound ?? header.startIndex)
        #expect(leadX - outputX >= 20, "\(header)")
        let row = lines.drop { !$0.hasPrefix("1.1") }.prefix { !$0.hasPrefix("1.2") }
        #expect(row.count > 1)
        #expect(Self.cell("Output", header: header, lines: row) == "Commission a perpetrator programme for men who use violence in their relationships")
        #expect(Self.cell("Lead", header: header, lines: row) == "Children and Families Services; Probation")
        #expect(Self.cell("Due", header: header, lines: row) == "December 2015 (was October 2015)")
        #expect(Self.cell("Status", header: header, lines: row) == "not-started")
        #expect(Self.cell("Flags", header: header, lines: row) == "stale")
    }

    @Test func pipedOrAt1000ColumnsNothingIsCutOrWrapped() {
        for lines in [Self.list(width: nil), Self.list(width: 1000)] {
            let row = lines.first { $0.hasPrefix("1.1") } ?? ""
            #expect(row.contains("Commission a perpetrator programme for men who use violence in their relationships"))
            #expect(row.contains("Children and Families Services; Probation  December 2015 (was October 2015)  2015-12-31  not-started"))
            #expect(!lines.joined().contains("…"))
            #expect(lines.filter { $0.hasPrefix("1.") || $0.hasPrefix("2.") }.count == 3)
        }
    }

    @Test func at120ColumnsTheOutputTakesMostOfTheRoomAndNothingIsCut() {
        let lines = Self.list(width: 120)
        #expect(lines.allSatisfy { TerminalText.width($0) <= 120 })
        let row = lines.first { $0.hasPrefix("1.1") } ?? ""
        #expect(row.contains("Commission a perpetrator programme for  "), "\(lines.joined(separator: "\n"))")
        #expect(!lines.joined().contains("…"))
    }

    @Test func theSummaryKeepsEveryColumnAndWholePillarNamesAt80() {
        let text = SummaryText.table(Self.plan.summary(asOf: june), plan: Self.plan, asOf: june, width: 80)
        let lines = text.components(separatedBy: "\n")
        #expect(lines.allSatisfy { TerminalText.width($0) <= 80 }, "\(text)")
        #expect(!text.contains("…"))
        for title in ["Pillar", "B", "G", "A", "R", "-", "Live", "Done%", "overdue", "unowned", "undated", "stale"] {
            #expect(lines[2].split(separator: " ").contains(Substring(title)), "\(title)")
        }
        // The flags' titles break at their hyphens: "due-" over "soon".
        #expect(lines[2].contains("due-") && lines[3].contains("soon") && lines[2].contains("unknown-") && lines[3].contains("lead"))
        let header = lines[2]
        #expect(lines.contains("Prevention    0 0 0 1 1 2    0%    1       0     0       0         0       2"), "\(text)")
        let prevention = lines.drop { !$0.hasPrefix("Prevention") }.prefix { !$0.hasPrefix("Provision") }
        #expect(Self.cell("Pillar", header: header, lines: prevention) == "Prevention and early intervention in schools")
        let provision = lines.drop { !$0.hasPrefix("Provision") }.prefix { !$0.hasPrefix("---") }
        #expect(Self.cell("Pillar", header: header, lines: provision) == "Provision of services to victims and survivors")
    }
}
