import ActionPlanModel
import ActionPlanStore
import Foundation
import Testing

/// `retired:`, `was:` and `follows:` in a plan file, and `check`'s warning about deadlines outside
/// the plan's own dates: each problem where it is written, with what to write instead.
@Suite struct PlanLifeFileTests {
    @Test func retiredWasAndFollowsAreRead() throws {
        let loaded = Loaded(Fixture.plan(header: ["follows: last-year.yaml"], outputs:
            Fixture.output("1.1", "was: [\"2.1\", \"2.2\"]", "retired: {on: March 2016, reason: Merged into 1.4}")))
        let output = try loaded.onlyOutput()
        #expect(output.was == ["2.1", "2.2"])
        #expect(output.retired == Retirement(on: try #require(Day(iso: "2016-03-31")), written: "March 2016", reason: "Merged into 1.4"))
        #expect(loaded.plan?.follows == "last-year.yaml")
        let single = Loaded(Fixture.plan(outputs: Fixture.output("1.1", "was: 2.1")))
        #expect(try single.onlyOutput().was == ["2.1"])
    }

    @Test func retiredWithoutAReasonIsAnErrorSayingWhatToWrite() throws {
        let loaded = Loaded(Fixture.plan(outputs: Fixture.output("1.1", "retired: {on: 2016-03-31}")))
        expectOnlyProblem(loaded, .error, at: try loaded.place(of: "{on"), saying: "reason", "why it left the plan")
    }

    @Test func retiredAsABareDateIsAnErrorWithAnExample() throws {
        let loaded = Loaded(Fixture.plan(outputs: Fixture.output("1.1", "retired: 2016-03-31")))
        expectOnlyProblem(loaded, .error, at: try loaded.place(of: "2016-03-31"),
                          saying: "write 'retired: {on: 2016-03-31, reason: Merged into 1.4}'")
    }

    @Test func retiredOnSomethingNotADateIsAnError() throws {
        let loaded = Loaded(Fixture.plan(outputs: Fixture.output("1.1", "retired: {on: Ongoing, reason: Gone}")))
        expectOnlyProblem(loaded, .error, at: try loaded.place(of: "Ongoing"), saying: "'on' takes the day the output left the plan")
    }

    @Test func twoOutputsClaimingOneOldIdIsAnError() throws {
        let loaded = Loaded(Fixture.plan(outputs: Fixture.output("1.1", "was: \"2.1\"") + Fixture.output("1.2", "was: \"2.1\"")))
        expectOnlyProblem(loaded, .error, at: try loaded.place(of: "\"2.1\"", occurrence: 2),
                          saying: "outputs 1.1 and 1.2 both say they 'was' 2.1")
    }

    @Test func anOutputThatWasItselfIsAnError() throws {
        let loaded = Loaded(Fixture.plan(outputs: Fixture.output("1.1", "was: \"1.1\"")))
        expectOnlyProblem(loaded, .error, at: try loaded.place(of: "\"1.1\"", occurrence: 2), saying: "lists its own id under 'was'")
    }

    @Test func followsTakesAPlanFileInTheSameFolder() throws {
        let loaded = Loaded(Fixture.plan(header: ["follows: /etc/passwd"]))
        expectOnlyProblem(loaded, .error, at: try loaded.place(of: "/etc/passwd"), saying: "'follows' names the previous year's plan file")
    }

    @Test func aDeadlineOutsideThePlansDatesIsAdviceForCheckAtTheDate() throws {
        let loaded = Loaded(Fixture.plan(header: ["starts: April 2015", "ends: March 2016"], outputs:
            Fixture.output("1.1", "due: 2017") + Fixture.output("1.2", "due: March 2015") + Fixture.output("1.3", "due: March 2016")))
        #expect(loaded.diagnostics.isEmpty, "other commands say nothing: \(describe(loaded.diagnostics))")
        let advice = loaded.result.advice.map { "\($0.location.line):\($0.location.column) \($0.severity): \($0.message)" }
        let after = try loaded.place(of: "2017")
        let before = try loaded.place(of: "March 2015")
        let file = Shell.quote(loaded.result.advice.first?.location.file ?? "")
        #expect(advice == [
            "\(after.line):\(after.column) warning: output 1.1 is due 2017-12-31, after the plan ends (2016-03-31); check the year, or carry it into the next plan with 'actionplan rollover'",
            "\(before.line):\(before.column) warning: output 1.2 is due 2015-03-31, before the plan starts (2015-04-01); if it was carried over late, revise its date ('actionplan update 1.2 --plan \(file) --due DATE --reason TEXT'), otherwise check the year",
        ])
    }

    @Test func aWrittenPlanReadsBackAsItWasWithCommentsKeptToTheirLines() throws {
        let tricky = ["no", "2017", "- not a list", "a: b # not a comment", "'quoted' \"twice\"", "£2k for Women’s Aid", "line one\nline two"]
        let plan = Plan(title: "no", partnership: "2017", register: AgencyRegister([Agency(name: "Police", short: "MPS", aliases: ["Met"])]), pillars: [
            Pillar(name: "Prevention", aim: "- aim", objectives: [Objective(id: "1", text: "on", outputs: tricky.enumerated().map { index, text in
                Output(id: "1.\(index + 10)", text: text, leads: ["Police", text], due: Due(written: "April 2015", meaning: .ongoing),
                       measures: [text], status: .atRisk, note: text)
            })]),
        ], follows: "old.yaml")
        let text = try #require(PlanYAML.text(plan, comments: ["Reason: a\nplan: injected\u{7}", ""]))
        #expect(text.hasPrefix("# Reason: a plan: injected \n#\nplan: no\n"))
        let loaded = PlanLoader.load(data: Data(text.utf8), path: "written.yaml")
        let read = try #require(loaded.plan, "\(describe(loaded.diagnostics))\n\(text)")
        #expect(read.title == "no" && read.partnership == "2017" && read.follows == "old.yaml")
        #expect(read.register.agencies == plan.register.agencies)
        #expect(read.pillars.first?.aim == "- aim" && read.pillars.first?.objectives.first?.text == "on")
        #expect(read.entries.map(\.output.id) == plan.entries.map(\.output.id))
        #expect(read.entries.map(\.output.text) == tricky && read.entries.map(\.output.note) == tricky)
        #expect(read.entries.map(\.output.leads) == tricky.map { ["Police", $0] })
    }
}
