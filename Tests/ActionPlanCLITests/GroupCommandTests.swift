import Foundation
import Testing

/// Delivery groups through the real binary: rights, filters, rollups and the group's report.
@Suite struct GroupCommandTests {
    @Test func aGroupChairUpdatesTheirGroupsOutputsAndNoOthers() throws {
        let folder = try GroupPlan.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
            service_account: \(ProcessInfo.processInfo.userName)
            people:
              - account: og.chair
                role: group-chair
                groups: [HPOG]

            """.write(to: folder.appendingPathComponent("plans/access.yaml"), atomically: true, encoding: .utf8)
        // 2.3 is led by WISH, and sits under objective 2, which HPOG owns.
        let revise = try Runner.run(["update", "2.3", "--plan", "harrow", "--due", "March 2016", "--reason", "venue lost", "--as", "og.chair"], in: folder)
        #expect(revise.status == 0, "\(revise.stderr)")
        let own = try Runner.run(["update", "1.1", "--plan", "harrow", "--status", "on-track", "--as", "og.chair"], in: folder)
        #expect(own.status == 0, "\(own.stderr)")
        let other = try Runner.run(["note", "4.1", "hello", "--plan", "harrow", "--as", "og.chair"], in: folder)
        #expect(other.status == 1)
        #expect(other.stderr == "actionplan: not recorded: output 4.1 belongs to the Children's Operational Group, and og.chair updates for HPOG only\n")
        let lead = try Runner.run(["update", "2.3", "--plan", "harrow", "--lead", "Police", "--as", "og.chair"], in: folder)
        #expect(lead.status == 1 && lead.stderr.contains("only the chair or the coordinator may assign a lead"))
    }
}
