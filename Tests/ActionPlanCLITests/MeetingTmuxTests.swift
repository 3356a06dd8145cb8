import Foundation
import Testing

/// A whole review meeting in a real terminal, as the chair runs it on a projector: the real
/// binary on the bundled Harrow plan, at the smallest size it is laid out for and a larger one.
@Suite(.serialized) struct MeetingTmuxTests {
    /// The note pasted into the meeting: three lines, as copied from a panel's summary.
    static let pasted = "Summary of CSE panel:\nsix referrals received\nall allocated"

    @Test(arguments: [(80, 24), (120, 40)])
    func aReviewMeetingOnAPastQuarter(width: Int, height: Int) throws {
        let folder = try JournalCommandTests.copyOfPlans()
        defer { try? FileManager.default.removeItem(at: folder) }
        let journalPath = folder.appendingPathComponent("plans/harrow-vawg-2014-17.journal")
        // The quarter under review has ended: records made now must still show as of its end.
        let tmux = try Tmux(["harrow", "--as-of", "2016-03-31"], in: folder, width: width, height: height)
        tmux.waitFor("RAG by pillar")

        // Filter to one pillar; the review takes it.
        try tmux.send("Tab", "P", "P")
        tmux.waitFor("Filter: pillar Provision")
        try tmux.send("r")
        tmux.waitFor("Review of pillar Provision · item 1 of")
        #expect(tmux.screen.contains("On the agenda:"))
        try tmux.send("Right")
        tmux.waitFor("item 2 of")

        // Opens a decision's form with `key`, fills it, records it, and waits for its journal line.
        func decide(_ key: String, on field: String, line: Int, fill: () throws -> Void) throws {
            try tmux.send(key)
            tmux.waitFor("▸ " + field)
            try fill()
            try tmux.send("Enter")
            tmux.waitFor("Recorded line \(line) for 31 March 2016:")
        }
        // Types each text into a field of its own.
        func type(_ texts: String...) throws {
            for (index, text) in texts.enumerated() {
                if index > 0 { try tmux.send("Tab") }
                try tmux.send(text, literal: true)
            }
        }

        // A status, with the note it needs.
        try decide("u", on: "Status", line: 1) {
            try tmux.send("Right", "Right", "Right", "Tab")
            try type("Behind: the provider changed")
        }
        // The item shows what was just decided, although it was recorded after the as-of day.
        tmux.waitFor("status at risk")

        // A note pasted from elsewhere, line breaks and all.
        try decide("n", on: "Progress note", line: 2) {
            // Bracketed paste: the line breaks arrive as text, not as Enter.
            try tmux.paste(Self.pasted)
        }

        // A revised date with its reason.
        try decide("t", on: "Revised date", line: 3) { try type("September 2016", "provider changed") }

        // A lead, by the register's name (a pick-list filters to it as it is typed).
        try decide("L", on: "Lead agency", line: 4) { try type("Police") }
        tmux.waitFor("Lead          Police")

        // Leave, come back: the same item.
        try tmux.send("Escape")
        tmux.waitFor("Filter: pillar Provision")
        try tmux.send("r")
        tmux.waitFor("Resumed at item 2 of")
        #expect(tmux.screen.contains("Review of pillar Provision · item 2 of"))

        // The end: the decisions, saved as the minutes.
        try tmux.send("End")
        tmux.waitFor("4 decisions recorded in this meeting:")
        try tmux.send("x")
        let minutesPath = "plans/reports/harrow-vawg-2014-17-2015-16-Q4-minutes.md"
        tmux.waitFor("Saved the minutes to " + minutesPath)
        // Esc and q apart: an Esc followed at once by a key is read as an Alt key.
        try tmux.send("Escape")
        tmux.waitFor("Filter: pillar Provision")
        try tmux.send("q")
        #expect(tmux.exitStatus() == 0)

        // The journal holds the four decisions, each speaking for the quarter's end.
        let journal = try String(contentsOf: journalPath, encoding: .utf8).split(separator: "\n")
        #expect(journal.count == 4, "\(journal)")
        #expect(journal.allSatisfy { $0.contains(#""effective":"2016-03-31""#) })
        let records = journal.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let output = records.first?["output"] as? String
        #expect(records.allSatisfy { $0["output"] as? String == output })
        #expect(records.first?["status"] as? String == "at-risk")
        let note = (records.dropFirst().first?["note"] as? String)?.replacingOccurrences(of: "\n", with: " ")
        #expect(note == Self.pasted.replacingOccurrences(of: "\n", with: " "))
        #expect(records.dropFirst(2).first?["due"] as? String == "September 2016")
        #expect(records.dropFirst(3).first?["lead"] as? [String] == ["Police"])

        // The minutes: a Markdown action log of the same four, by journal line.
        let minutes = try String(contentsOf: folder.appendingPathComponent(minutesPath), encoding: .utf8)
        #expect(minutes.hasPrefix("# Review meeting: Harrow"))
        #expect(minutes.contains("agenda of pillar Provision"))
        #expect(minutes.contains("Each decision is recorded for 31 March 2016, the as-of day"))
        let rows = minutes.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| #") }
        #expect(rows.count == 4, "\(minutes)")
        #expect(rows.first?.contains("status at risk; note: Behind: the provider changed") == true)
        #expect(rows.dropFirst().first?.contains("note: Summary of CSE panel:") == true)
        #expect(rows.dropFirst(3).first?.contains("lead Police") == true)
        for (index, row) in rows.enumerated() { #expect(row.contains("| \(index + 1) |")) }
    }
}
