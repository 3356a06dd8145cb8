import ActionPlanModel
import ActionPlanStore
import Foundation
import Testing

/// Plans that are right, or only doubtful, load, with their values as written.
@Suite struct PlanLoaderTests {
    @Test func aMinimalPlanLoadsWithNoDiagnostics() throws {
        let loaded = Loaded(Fixture.plan())
        #expect(loaded.diagnostics.isEmpty, "\(describe(loaded.diagnostics))")
        let plan = try #require(loaded.plan)
        #expect(plan.title == "Test Plan")
        #expect(plan.pillars.map(\.name) == ["Prevention"])
        #expect(plan.pillars[0].objectives.map(\.id) == ["1"])
        #expect(plan.entries.map(\.output.id) == ["1.1"])
    }

    @Test func everyFieldOfAPlanAndItsOutputsIsRead() throws {
        let text = """
            plan: Harrow VAWG Strategy and Action Plan 2014-17   # the title
            partnership: Safer Harrow
            pillars:
              - pillar: Prevention
                aim: Prevent violence from happening.
                objectives:
                  - id: "1"
                    objective: Make every resident aware of the services.
                    outcomes:
                      - Public are informed about what constitutes violence.
                    outputs:
                      - id: "1.1"
                        output: Develop a partnership communications plan.
                        lead: Harrow Council
                        due: October 2014
                        measures:
                          - Communications plan in place.
                        outcomes: [Victims access services more quickly.]
                        status: on-track
                        note: Communications Plan completed October 2014.
                      - id: "1.2"
                        output: Prosecute and disrupt those who exploit children.
                        lead: [Police, CPS]
                        due: Ongoing
              - pillar: Provision
                aim: Provide adequate support.
                objectives: []
              - pillar: Partnership
              - pillar: Perpetrators
            """
        let loaded = Loaded(text)
        #expect(loaded.diagnostics.isEmpty, "\(describe(loaded.diagnostics))")
        let plan = try #require(loaded.plan)
        #expect(plan.title == "Harrow VAWG Strategy and Action Plan 2014-17")
        #expect(plan.partnership == "Safer Harrow")
        #expect(plan.pillars.map(\.name) == ["Prevention", "Provision", "Partnership", "Perpetrators"])
        #expect(plan.pillars[0].aim == "Prevent violence from happening.")
        #expect(plan.pillars[0].objectives[0].outcomes == ["Public are informed about what constitutes violence."])
        #expect(plan.calendar.firstMonth == 4)
        #expect(plan.overdueRAG == .byDate)

        let outputs = plan.entries.map(\.output)
        try #require(outputs.count == 2)
        let first = outputs[0]
        #expect(first.id == "1.1")
        #expect(first.text == "Develop a partnership communications plan.")
        #expect(first.leads == ["Harrow Council"])
        #expect(first.due.written == "October 2014")
        #expect(first.due.deadline == (try isoDay("2014-10-31")))
        #expect(first.measures == ["Communications plan in place."])
        #expect(first.outcomes == ["Victims access services more quickly."])
        #expect(first.status == .onTrack)
        #expect(first.note == "Communications Plan completed October 2014.")

        let second = outputs[1]
        #expect(second.leads == ["Police", "CPS"])
        #expect(second.due.meaning == .ongoing)
        #expect(second.status == nil)
        #expect(second.note == nil)
        #expect(second.measures.isEmpty)
    }

    @Test func aFileStartingWithAByteOrderMarkLoads() throws {
        let loaded = Loaded(bytes: [0xEF, 0xBB, 0xBF] + Array(Fixture.plan().utf8))
        #expect(loaded.diagnostics.isEmpty, "\(describe(loaded.diagnostics))")
        #expect(loaded.plan?.title == "Test Plan")
    }

    @Test func aFileWithWindowsLineEndingsLoads() throws {
        let loaded = Loaded(Fixture.plan(outputs: Fixture.output("1.1", "note: Agreed.")).replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(loaded.diagnostics.isEmpty, "\(describe(loaded.diagnostics))")
        #expect(try loaded.onlyOutput().note == "Agreed.")
    }

    // MARK: YAML 1.1's implicit types

    @Test func valuesThatYAML11WouldRetypeKeepTheirTextExactly() throws {
        let text = Fixture.plan(outputs: [
            "          - id: 017",
            "            output: no",
            "            note: on",
            "            due: 2017",
            "          - id: 1.10",
            "            output: yes",
            "            lead: null",
            "            note: \"null\"",
        ])
        let loaded = Loaded(text)
        #expect(loaded.diagnostics.isEmpty, "\(describe(loaded.diagnostics))")
        let outputs = try #require(loaded.plan).entries.map(\.output)
        try #require(outputs.count == 2)
        #expect(outputs[0].id == "017")
        #expect(outputs[0].text == "no")
        #expect(outputs[0].note == "on")
        #expect(outputs[0].due.written == "2017")
        #expect(outputs[0].due.deadline == (try isoDay("2017-12-31")))
        #expect(outputs[1].id == "1.10")
        #expect(outputs[1].text == "yes")
        #expect(outputs[1].leads.isEmpty, "a plain null is no lead")
        #expect(outputs[1].note == "null", "a quoted \"null\" is the text null")
    }

    // MARK: Statuses

    @Test(arguments: [
        ("on-track", Status.onTrack), ("On Track", .onTrack), ("off_track", .offTrack), ("AT RISK", .atRisk),
        ("complete", .complete), ("dropped", .dropped), ("Not started", .notStarted),
    ])
    func statusesAreReadForgivingCaseSpacesAndUnderscores(written: String, status: Status) throws {
        let loaded = Loaded(Fixture.plan(outputs: Fixture.output("1.1", "status: \(written)")))
        #expect(loaded.diagnostics.isEmpty, "\(describe(loaded.diagnostics))")
        #expect(try loaded.onlyOutput().status == status)
    }

    // MARK: Plan-level settings

    @Test func startsAndEndsAreTheFirstAndLastDaysOfWhatTheyName() throws {
        let loaded = Loaded(Fixture.plan(header: ["starts: April 2014", "ends: 2016/17", "overdue_rag: As-Rated"]))
        #expect(loaded.diagnostics.isEmpty, "\(describe(loaded.diagnostics))")
        let plan = try #require(loaded.plan)
        #expect(plan.starts?.first == (try isoDay("2014-04-01")))
        #expect(plan.ends?.last == (try isoDay("2017-03-31")))
        #expect(plan.overdueRAG == .asRated)
    }

    @Test func yearStartsSetsTheReportingCalendar() throws {
        let loaded = Loaded(Fixture.plan(header: ["year_starts: Jan"]))
        #expect(loaded.diagnostics.isEmpty, "\(describe(loaded.diagnostics))")
        #expect(try #require(loaded.plan).calendar.firstMonth == 1)
    }

    // MARK: The agency register

    @Test(arguments: [
        "Harrow Council", "harrow  council", "LSCB", "lscb", "Local Safeguarding Children Board",
        "LCSB", "Met Police", "met police.", "POLICE",
    ])
    func aLeadMatchesTheRegisterByNameShortFormOrAlias(lead: String) throws {
        let loaded = Loaded(Fixture.plan(header: Fixture.register, outputs: Fixture.output("1.1", "lead: \(lead)")))
        #expect(loaded.diagnostics.isEmpty, "\(describe(loaded.diagnostics))")
        let output = try loaded.onlyOutput()
        #expect(output.leads == [lead.trimmingCharacters(in: .whitespaces)])
        #expect(try #require(loaded.plan).register.agency(named: lead) != nil)
    }

    @Test func anUnknownLeadIsAWarningThatNamesTheNearestRegisterSpellingAndThePlanStillLoads() throws {
        let loaded = Loaded(Fixture.plan(header: Fixture.register, outputs: Fixture.output("1.1", "lead: [Police, Met Polcie]")))
        // The warning sits on the output it is about, at its id.
        expectOnlyProblem(loaded, .warning, at: try loaded.place(of: "\"1.1\""),
                          saying: "'Met Polcie'", "not in the agency register", "did you mean 'Met Police'?", "agencies:")
        let output = try loaded.onlyOutput()
        #expect(output.leads == ["Police", "Met Polcie"])
    }

    @Test func aLeadFarFromEveryRegisterSpellingIsWarnedAboutWithoutAGuess() throws {
        let loaded = Loaded(Fixture.plan(header: Fixture.register, outputs: Fixture.output("1.1", "lead: Youth Offending Team")))
        let warning = expectOnlyProblem(loaded, .warning, at: try loaded.place(of: "\"1.1\""),
                                        saying: "'Youth Offending Team'", "add it to 'agencies:'")
        #expect(warning?.message.contains("did you mean") == false)
        #expect(loaded.plan != nil)
    }

    @Test func withoutARegisterAnyLeadIsAccepted() {
        let loaded = Loaded(Fixture.plan(outputs: Fixture.output("1.1", "lead: Met Polcie")))
        #expect(loaded.diagnostics.isEmpty, "\(describe(loaded.diagnostics))")
    }

    // MARK: Pillars

    @Test func aPillarNameThatLooksLikeAMisspeltPIsAWarningAndThePlanStillLoads() throws {
        let loaded = Loaded(Fixture.plan().replacingOccurrences(of: "pillar: Prevention", with: "pillar: Prevnetion"))
        expectOnlyProblem(loaded, .warning, at: try loaded.place(of: "Prevnetion"),
                          saying: "'Prevnetion'", "did you mean 'Prevention'?")
        #expect(loaded.plan?.pillars.map(\.name) == ["Prevnetion"])
    }

    @Test func aPlanWithSevenPillarsOfItsOwnNamesHasNoWarnings() throws {
        let names = ["Safeguarding", "Justice", "Support", "Education", "Health", "Housing", "Community"]
        let text = "plan: Our Own Priorities\npillars:\n" + names.map { "  - pillar: \($0)\n" }.joined()
        let loaded = Loaded(text)
        #expect(loaded.diagnostics.isEmpty, "\(describe(loaded.diagnostics))")
        #expect(loaded.plan?.pillars.map(\.name) == names)
    }

    // MARK: Size

    @Test func aLargeValidPlanLoadsEveryOutput() throws {
        let count = 20_000
        var outputs: [String] = []
        outputs.reserveCapacity(count * 3)
        for number in 1...count {
            outputs += Fixture.output("1.\(number)", "due: April 2015")
        }
        let loaded = Loaded(Fixture.plan(outputs: outputs))
        #expect(loaded.diagnostics.isEmpty, "\(describe(Array(loaded.diagnostics.prefix(5))))")
        let entries = try #require(loaded.plan).entries
        #expect(entries.count == count)
        #expect(entries.last?.output.id == "1.\(count)")
    }
}
