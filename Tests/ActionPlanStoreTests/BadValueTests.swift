import ActionPlanModel
import ActionPlanStore
import Foundation
import Testing

/// Well-formed YAML that is not a right plan: each problem is an error (or a warning) at the
/// value that causes it, saying what to write instead.
@Suite struct BadValueTests {
    // MARK: Ids

    @Test func twoOutputsWithOneIdAreAnErrorAtTheSecondThatNamesBothLines() throws {
        let loaded = Loaded(Fixture.plan(outputs: Fixture.output("1.1") + Fixture.output("1.1")))
        let first = try loaded.place(of: "\"1.1\"")
        let second = try loaded.place(of: "\"1.1\"", occurrence: 2)
        expectOnlyProblem(loaded, .error, at: second,
                          saying: "id '1.1' is used twice", "line \(first.line)", "line \(second.line)", "its own id")
    }

    @Test func anOutputWithTheIdOfAnEarlierObjectiveIsAnError() throws {
        let loaded = Loaded(Fixture.plan(outputs: Fixture.output("1")))
        let objective = try loaded.place(of: "\"1\"")
        let output = try loaded.place(of: "\"1\"", occurrence: 2)
        expectOnlyProblem(loaded, .error, at: output,
                          saying: "id '1' is used twice", "line \(objective.line)", "line \(output.line)")
    }

    @Test func anObjectiveWithTheIdOfAnEarlierOutputIsAnError() throws {
        let text = Fixture.plan(outputs: Fixture.output("2")) + """
                  - id: "2"
                    objective: Support every victim.
                    outputs:
                      - id: "2.1"
                        output: Commission an advocacy service.

            """
        let loaded = Loaded(text)
        let output = try loaded.place(of: "\"2\"")
        let objective = try loaded.place(of: "\"2\"", occurrence: 2)
        expectOnlyProblem(loaded, .error, at: objective,
                          saying: "id '2' is used twice", "line \(output.line)", "line \(objective.line)")
    }

    @Test(arguments: ["1 2", "-1", "1.2?", "é1"])
    func anIdWithOtherCharactersIsAnError(id: String) throws {
        let loaded = Loaded(Fixture.plan(outputs: Fixture.output(id)))
        expectOnlyProblem(loaded, .error, at: try loaded.place(of: "\"\(id)\""),
                          saying: "id '\(id)' may hold only letters, digits", "such as '1.2'")
    }

    // MARK: Wrong kinds of value

    @Test func textWhereAListBelongsIsAnErrorShowingTheListForm() throws {
        let loaded = Loaded(Fixture.plan(outputs: Fixture.output("1.1", "measures: one thing")))
        expectOnlyProblem(loaded, .error, at: try loaded.place(of: "one thing"),
                          saying: "'measures' takes a list", "measures: [TEXT]", "'- TEXT'")
    }

    @Test func aMappingWhereTextBelongsIsAnError() throws {
        let text = Fixture.plan(outputs: Fixture.output("1.1")).replacingOccurrences(
            of: "output: Develop a communications plan.", with: "output: {a: b}")
        let loaded = Loaded(text)
        expectOnlyProblem(loaded, .error, at: try loaded.place(of: "{a: b}"),
                          saying: "'output' takes text", "a mapping", "on the same line", "'output: |'")
    }

    @Test func aListWhereTextBelongsIsAnError() throws {
        let loaded = Loaded(Fixture.plan(outputs: Fixture.output("1.1", "note: [a, b]")))
        expectOnlyProblem(loaded, .error, at: try loaded.place(of: "[a, b]"), saying: "'note' takes text", "a list")
    }

    @Test func pillarsThatAreNotMappingsAreAnErrorEach() throws {
        let loaded = Loaded("plan: Test Plan\npillars: [Prevention, Provision]\n")
        #expect(loaded.diagnostics.count == 2, "\(describe(loaded.diagnostics))")
        for name in ["Prevention", "Provision"] {
            expectProblem(loaded, .error, at: try loaded.place(of: name),
                          saying: ["expected a pillar as a mapping", "pillar, aim, objectives", "the text '\(name)'"])
        }
    }

    @Test func pillarsWrittenAsTextIsOneErrorSayingItTakesAList() throws {
        let loaded = Loaded("plan: Test Plan\npillars: Prevention\n")
        // Only the error that says what is wrong: the list is not empty, it is text.
        expectOnlyProblem(loaded, .error, at: Place(2, 10),
                          saying: "'pillars' takes a list", "one '- ' item a line", "the text 'Prevention'")
    }

    @Test func emptyPillarsIsAnErrorAskingForOne() throws {
        let loaded = Loaded("plan: Test Plan\npillars: []\n")
        expectOnlyProblem(loaded, .error, at: Place(2, 10), saying: "'pillars' is empty", "'- pillar: Prevention'")
    }

    @Test func aPlanThatIsNotAMappingIsAnError() throws {
        let loaded = Loaded("- plan: Test Plan\n")
        expectOnlyProblem(loaded, .error, at: Place(1, 1), saying: "expected a plan as a mapping", "a list")
    }

    @Test func anItemOfAListOfTextsThatIsAMappingIsAnError() throws {
        let loaded = Loaded(Fixture.plan(outputs: Fixture.output("1.1", "lead: [Police, {name: CPS}]")))
        expectOnlyProblem(loaded, .error, at: try loaded.place(of: "{name: CPS}"),
                          saying: "each item of 'lead' is text", "a mapping")
    }

    // MARK: Unknown keys

    @Test(arguments: [("leed", "lead"), ("deadline", "due"), ("Status", "status"), ("notes", "note"), ("owner", "lead")])
    func anUnknownOutputKeySuggestsTheKeyMeant(written: String, meant: String) throws {
        let loaded = Loaded(Fixture.plan(outputs: Fixture.output("1.1", "\(written): x")))
        expectOnlyProblem(loaded, .error, at: try loaded.place(of: "\(written):"),
                          saying: "unknown key '\(written)' in an output", "did you mean '\(meant)'?",
                          "id, output, lead, due, measures, outcomes, status, note")
    }

    @Test func anUnknownPlanKeySuggestsTheKeyMeant() throws {
        let loaded = Loaded(Fixture.plan(header: ["partnershp: Safer Harrow"]))
        expectOnlyProblem(loaded, .error, at: Place(2, 1),
                          saying: "unknown key 'partnershp' in a plan", "did you mean 'partnership'?")
    }

    @Test func anUnknownKeyCloseToNoneListsTheKeysAllowed() throws {
        let loaded = Loaded(Fixture.plan(header: ["budget: 1000"]))
        let error = expectOnlyProblem(loaded, .error, at: Place(2, 1),
                                      saying: "unknown key 'budget' in a plan", "a plan takes: plan, partnership")
        #expect(error?.message.contains("did you mean") == false)
    }

    @Test func aTitleKeyIsToldToBePlanAndThePlanStillNeedsOne() throws {
        let loaded = Loaded(Fixture.plan().replacingOccurrences(of: "plan: Test Plan", with: "title: Test Plan"))
        #expect(loaded.diagnostics.count == 2, "\(describe(loaded.diagnostics))")
        expectProblem(loaded, .error, at: Place(1, 1), saying: ["unknown key 'title'", "did you mean 'plan'?"])
        expectProblem(loaded, .error, at: Place(1, 1), saying: ["a plan needs 'plan: '", "its title"])
    }

    // MARK: Missing keys

    @Test func aPlanWithoutATitleIsAnErrorAtItsStart() throws {
        let loaded = Loaded("# Harrow plan\npartnership: Safer Harrow\n" + Fixture.plan().replacingOccurrences(of: "plan: Test Plan\n", with: ""))
        expectOnlyProblem(loaded, .error, at: Place(2, 1), saying: "a plan needs 'plan: '", "its title")
    }

    @Test func anEmptyTitleIsAnErrorAtTheKey() throws {
        let loaded = Loaded(Fixture.plan().replacingOccurrences(of: "plan: Test Plan", with: "plan:"))
        expectOnlyProblem(loaded, .error, at: Place(1, 6), saying: "a plan needs 'plan: '")
    }

    @Test func aPlanWithoutPillarsIsAnErrorAskingForThem() throws {
        let loaded = Loaded("plan: Test Plan\npartnership: Safer Harrow\n")
        expectOnlyProblem(loaded, .error, at: Place(1, 1), saying: "a plan needs 'pillars:'", "'- pillar: Prevention'")
    }

    @Test func anOutputWithoutAnIdIsAnErrorAtTheOutput() throws {
        let lines = Fixture.output("1.1", "due: April 2015").dropFirst()
        let text = Fixture.plan(outputs: ["          - lead: Police"] + lines)
        let loaded = Loaded(text)
        expectOnlyProblem(loaded, .error, at: try loaded.place(of: "lead: Police"), saying: "an output needs 'id: '", "such as 1.2")
    }

    @Test func anOutputWithoutItsTextIsAnErrorAtTheOutput() throws {
        let text = Fixture.plan(outputs: ["          - id: \"1.1\"", "            due: April 2015"])
        let loaded = Loaded(text)
        expectOnlyProblem(loaded, .error, at: try loaded.place(of: "id: \"1.1\""),
                          saying: "an output needs 'output: '", "what will be done")
    }

    /// Its outputs are there; they are wrong, which their own errors say.
    @Test func anObjectiveWhoseOutputsHaveErrorsIsNotAlsoSaidToHaveNone() throws {
        let text = Fixture.plan(outputs: ["          - id: \"1.1\"", "            due: April 2015"])
        let loaded = Loaded(text)
        #expect(loaded.result.warnings.isEmpty, "\(describe(loaded.result.warnings))")
    }

    @Test func anObjectiveWithNoOutputsIsAWarning() throws {
        let loaded = Loaded(Fixture.plan(outputs: []).replacingOccurrences(of: "outputs:\n", with: "outputs: []\n"))
        expectOnlyProblem(loaded, .warning, at: try loaded.place(of: "[]"), saying: "objective '1' has no outputs")
        #expect(loaded.plan != nil)
    }

    // MARK: Statuses and plan settings

    @Test func aMisspeltStatusIsAnErrorSuggestingTheStatusMeant() throws {
        let loaded = Loaded(Fixture.plan(outputs: Fixture.output("1.1", "status: on trak")))
        expectOnlyProblem(loaded, .error, at: try loaded.place(of: "on trak"),
                          saying: "unknown status 'on trak'", "did you mean 'on-track'?",
                          "not-started, on-track, at-risk, off-track, complete, dropped")
    }

    @Test func aYearStartThatIsNotAMonthIsAnError() throws {
        let loaded = Loaded(Fixture.plan(header: ["year_starts: Foo"]))
        expectOnlyProblem(loaded, .error, at: Place(2, 14), saying: "year_starts takes a month name", "'April'", "'Foo'")
    }

    @Test func anUnknownOverdueRuleIsAnErrorNamingTheTwoRules() throws {
        let loaded = Loaded(Fixture.plan(header: ["overdue_rag: bad"]))
        expectOnlyProblem(loaded, .error, at: Place(2, 14), saying: "'by-date' or 'as-rated'", "'bad'")
    }
}
