import Foundation
import Testing

/// Updates through the real binary on a temporary copy of the bundled plans.
@Suite struct JournalCommandTests {
    /// A copy of `plans/` in a fresh folder.
    static func copyOfPlans() throws -> URL {
        let folder = try Runner.temporaryFolder()
        try FileManager.default.copyItem(at: Runner.root.appendingPathComponent("plans"), to: folder.appendingPathComponent("plans"))
        return folder
    }

    @Test func anOfficerUpdatesNotesAndTheHistoryShowsIt() throws {
        let folder = try Self.copyOfPlans()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missingNote = try Runner.run(["update", "1.1", "--plan", "harrow", "--status", "at-risk"], in: folder)
        #expect(missingNote.status == 1)
        #expect(missingNote.stderr.contains("a status of at-risk needs a progress note saying why (--note TEXT)"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("plans/harrow-vawg-2014-17.journal").path))

        let update = try Runner.run(["update", "1.1", "--plan", "harrow", "--status", "at-risk", "--note", "Comms post vacant; £2k underspend"], in: folder)
        #expect(update.status == 0, "\(update.stderr)")
        #expect(update.stdout.hasPrefix("recorded line 1: 1.1 status at-risk; note: Comms post vacant; £2k underspend ("))
        #expect(update.stderr.contains("there is no access.yaml beside this plan, so whoever owns its folder may change anything, until a second account has recorded an update"))

        let revise = try Runner.run(["update", "1.1", "--plan", "harrow", "--due", "December 2015", "--reason", "post vacant until June"], in: folder)
        #expect(revise.status == 0, "\(revise.stderr)")
        #expect(!revise.stderr.contains("no access.yaml"), "the open-access notice is said once")
        let note = try Runner.run(["note", "1.1", "Interim cover from Police comms", "--plan", "harrow"], in: folder)
        #expect(note.status == 0)

        let history = try Runner.run(["history", "1.1", "--plan", "harrow"], in: folder)
        let lines = history.stdout.split(separator: "\n")
        #expect(lines[2] == "  plan: lead Harrow Council, due October 2014")
        #expect(lines[3].hasSuffix("due December 2015 (was October 2014; revised by \(ProcessInfo.processInfo.userName): post vacant until June), status at-risk"))
        #expect(lines[4].hasPrefix("  line 1  ") && lines[4].hasSuffix("status at-risk; note: Comms post vacant; £2k underspend"))
        #expect(lines[6].hasSuffix("note: Interim cover from Police comms"))

        // The day of the updates the revised date stands beside the original; before them, the plan as written.
        let today = try Runner.run(["list", "harrow", "--format", "json", "--as-of", try note.recordedDay()], in: folder)
        let row = try #require((try JSONSerialization.jsonObject(with: Data(today.stdout.utf8)) as? [[String: Any]])?.first)
        #expect(row["due"] as? String == "December 2015" && row["original_due"] as? String == "October 2014")
        #expect(row["status"] as? String == "at-risk" && row["revision_reason"] as? String == "post vacant until June")
        #expect((row["flags"] as? [String])?.contains("stale") == false)
        let past = try Runner.run(["list", "harrow", "--format", "json", "--as-of", "2015-06-30"], in: folder)
        let old = try #require((try JSONSerialization.jsonObject(with: Data(past.stdout.utf8)) as? [[String: Any]])?.first)
        #expect(old["due"] as? String == "October 2014" && old["status"] is NSNull)

        let verify = try Runner.run(["verify", "plans"], in: folder)
        #expect(verify.status == 0)
        #expect(verify.stdout == """
            plans/barnet-vawg-2017-20.journal: no journal yet: nothing recorded
            plans/harrow-vawg-2014-17.journal: intact: 3 records
            plans/hillingdon-da-2018-21.journal: no journal yet: nothing recorded
            plans/shared-services-vawg-2015-18.journal: no journal yet: nothing recorded

            """)
    }

    @Test func verifyNamesTheFirstBrokenLineAndExitsOne() throws {
        let folder = try Self.copyOfPlans()
        defer { try? FileManager.default.removeItem(at: folder) }
        for n in 1...3 {
            #expect(try Runner.run(["note", "2.1", "note \(n)", "--plan", "harrow"], in: folder).status == 0)
        }
        let journal = folder.appendingPathComponent("plans/harrow-vawg-2014-17.journal")
        let edited = try String(contentsOf: journal, encoding: .utf8).replacingOccurrences(of: "note 1", with: "note 7")
        try edited.write(to: journal, atomically: true, encoding: .utf8)
        let verify = try Runner.run(["verify", "plans/harrow-vawg-2014-17.yaml"], in: folder)
        #expect(verify.status == 1)
        #expect(verify.stdout.contains("plans/harrow-vawg-2014-17.journal:2:1: error: the history was edited"))
        #expect(verify.stdout.hasSuffix("plans/harrow-vawg-2014-17.journal: broken: the history was altered at line 2\n"))
        // Reading still works, and says where to look.
        let list = try Runner.run(["list", "harrow"], in: folder)
        #expect(list.status == 0)
        #expect(list.stderr.contains("Run 'actionplan verify plans/harrow-vawg-2014-17.yaml'"))
    }

    @Test func theAccessFileDecidesWhoMayChangeWhat() throws {
        let folder = try Self.copyOfPlans()
        defer { try? FileManager.default.removeItem(at: folder) }
        let me = ProcessInfo.processInfo.userName
        // The running account is the service account, so --as stands for each officer in turn.
        try """
            service_account: \(me)
            people:
              - account: chair
                role: chair
              - account: pc.jones
                role: lead
                agencies: [Police]
              - account: board
                role: viewer

            """.write(to: folder.appendingPathComponent("plans/access.yaml"), atomically: true, encoding: .utf8)
        let journal = folder.appendingPathComponent("plans/harrow-vawg-2014-17.journal").path

        let own = try Runner.run(["update", "16.1", "--plan", "harrow", "--status", "on-track", "--as", "pc.jones"], in: folder)
        #expect(own.status == 0, "\(own.stderr)")
        #expect(own.stdout.contains("(pc.jones, "))
        let size = try #require(FileManager.default.attributesOfItem(atPath: journal)[.size] as? Int)

        let other = try Runner.run(["update", "1.1", "--plan", "harrow", "--status", "on-track", "--as", "pc.jones"], in: folder)
        #expect(other.status == 1)
        #expect(other.stderr == "actionplan: not recorded: output 1.1 is led by Harrow Council, and pc.jones updates for Police only\n")
        let date = try Runner.run(["update", "16.1", "--plan", "harrow", "--due", "2016", "--reason", "x", "--as", "pc.jones"], in: folder)
        #expect(date.status == 1 && date.stderr.contains("only the chair or the coordinator"))
        let viewer = try Runner.run(["note", "16.1", "hello", "--plan", "harrow", "--as", "board"], in: folder)
        #expect(viewer.status == 1 && viewer.stderr.contains("board is a viewer"))
        #expect(try FileManager.default.attributesOfItem(atPath: journal)[.size] as? Int == size)

        let chair = try Runner.run(["update", "1.1", "--plan", "harrow", "--lead", "Police", "--as", "chair"], in: folder)
        #expect(chair.status == 0, "\(chair.stderr)")
        let now = try Runner.run(["update", "1.1", "--plan", "harrow", "--status", "on-track", "--as", "pc.jones"], in: folder)
        #expect(now.status == 0, "a reassigned output is the new lead's to update: \(now.stderr)")
        // The list and history are readable by anyone.
        #expect(try Runner.run(["history", "1.1", "--plan", "harrow"], in: folder).stdout.contains("chair: lead Police"))
    }

    @Test func asIsRefusedToAnyoneButTheServiceAccount() throws {
        let folder = try Self.copyOfPlans()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "service_account: not-\(ProcessInfo.processInfo.userName)\npeople: []\n"
            .write(to: folder.appendingPathComponent("plans/access.yaml"), atomically: true, encoding: .utf8)
        let run = try Runner.run(["note", "1.1", "x", "--plan", "harrow", "--as", "chair"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.contains("--as is honoured only for the service account named in the access file"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("plans/harrow-vawg-2014-17.journal").path))
    }
}
