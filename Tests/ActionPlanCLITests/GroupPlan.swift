import Foundation

/// A copy of the real plans in which the Harrow plan has two delivery groups: HPOG owns
/// objective 2 and output 1.1 (work across objectives), CHOG owns objective 4.
enum GroupPlan {
    static let groups = """
        groups:
          - name: Harmful Practices Operational Group
            short: HPOG
            chair: Head of Community Safety
            coordinator: VAWG Coordinator
            members: [Public Health, Police]
          - name: Children's Operational Group
            short: CHOG
            reports: exception

        """

    /// A temporary folder holding `plans/` with the grouped Harrow plan; the caller removes it.
    static func folder() throws -> URL {
        try grouping(JournalCommandTests.copyOfPlans())
    }

    /// `folder` with groups added to its Harrow plan.
    static func grouping(_ folder: URL) throws -> URL {
        let plan = folder.appendingPathComponent("plans/harrow-vawg-2014-17.yaml")
        var text = try String(contentsOf: plan, encoding: .utf8)
        guard let pillars = text.range(of: "\npillars:\n") else { throw CocoaError(.fileReadCorruptFile) }
        text.insert(contentsOf: groups, at: text.index(after: pillars.lowerBound))
        for (after, line) in [("\n      - id: \"2\"\n", "        group: HPOG\n"), ("\n      - id: \"4\"\n", "        group: chog\n"),
                              ("\n          - id: \"1.1\"\n", "            group: HPOG\n")] {
            guard let range = text.range(of: after) else { throw CocoaError(.fileReadCorruptFile) }
            text.insert(contentsOf: line, at: range.upperBound)
        }
        try text.write(to: plan, atomically: true, encoding: .utf8)
        return folder
    }
}
