import ActionPlanModel
import ActionPlanStore
import Foundation
import Testing

/// Text the YAML parser refuses, or that YAML allows and plans do not (anchors and aliases):
/// each is one located error and no plan.
@Suite struct BadYAMLTests {
    // MARK: Tabs

    @Test func aTabIndentingAListItemIsAnErrorAtTheTabSayingToUseSpaces() throws {
        let loaded = Loaded("plan: Test Plan\npillars:\n\t- pillar: Prevention\n")
        expectOnlyProblem(loaded, .error, at: Place(3, 1), saying: "a tab character", "replace the tab with spaces")
    }

    @Test func aTabAfterSpacesInAnOutputIsAnErrorAtTheTab() throws {
        let loaded = Loaded(Fixture.plan(outputs: Fixture.output("1.1") + ["            \tdue: April 2015"]))
        expectOnlyProblem(loaded, .error, at: try loaded.place(of: "\t"), saying: "a tab character", "with spaces")
    }

    @Test func aTabInsideTextIsKept() throws {
        let loaded = Loaded(Fixture.plan(outputs: Fixture.output("1.1", "note: \"Agreed\\tin May\"")))
        #expect(loaded.diagnostics.isEmpty, "\(describe(loaded.diagnostics))")
        #expect(try loaded.onlyOutput().note == "Agreed\tin May")
    }

    // MARK: Syntax

    @Test func aColonInUnquotedTextIsAnErrorAdvisingQuotes() throws {
        let loaded = Loaded(Fixture.plan(outputs: Fixture.output("1.1", "note: Agreed: by the board")))
        expectOnlyProblem(loaded, .error, at: try loaded.place(of: ": by the board"),
                          saying: "YAML syntax", "in double quotes")
    }

    @Test func aListLeftOpenSaysWhatWasBeingReadAndFromWhichLine() throws {
        let loaded = Loaded(Fixture.plan(outputs: Fixture.output("1.1", "note: [a, b")))
        let error = expectOnlyProblem(loaded, .error, at: Place(12, 1), saying: "YAML syntax")
        #expect(error?.message == "YAML syntax: did not find expected ',' or ']' (while parsing a flow sequence, from line 11); "
            + "check the indentation, and put text that holds ': ' or starts with a symbol in double quotes")
    }

    @Test func aSecondDocumentIsAnErrorAtItsStart() throws {
        let loaded = Loaded("---\nplan: A\n---\nplan: B\n")
        let error = expectOnlyProblem(loaded, .error, at: Place(3, 1), saying: "YAML syntax")
        #expect(error?.message == "YAML syntax: but found another document (expected a single document in the stream, from line 1); "
            + "check the indentation, and put text that holds ': ' or starts with a symbol in double quotes")
    }

    @Test func aControlCharacterIsLocatedInCharactersAfterWideOnesAndWindowsLineEnds() throws {
        let loaded = Loaded("plan: x\r\npillars:\r\n  - pillar: Pr\u{E9}vention \u{A3}\u{02}b\r\n")
        expectOnlyProblem(loaded, .error, at: Place(3, 25), saying: "a control character (U+2), which a YAML file may not hold; delete it")
    }

    // MARK: Duplicate keys

    @Test func aKeyTwiceInOneOutputIsAnErrorNamingTheKey() throws {
        let loaded = Loaded(Fixture.plan(outputs: Fixture.output("1.1", "due: April 2015", "due: May 2015")))
        expectOnlyProblem(loaded, .error, at: try loaded.place(of: "due:"),
                          saying: "the key 'due' appears more than once", "keep one")
    }

    @Test func thePlanKeyWrittenTwiceIsAnError() throws {
        let loaded = Loaded(Fixture.plan(header: ["plan: Another Title"]))
        expectOnlyProblem(loaded, .error, at: Place(1, 1), saying: "the key 'plan' appears more than once")
    }

    @Test func twoKeysWrittenTwiceAreNamedInOrderAtTheFirstWrittenOfTheFirstName() throws {
        let loaded = Loaded(Fixture.plan(outputs: Fixture.output("1.1", "status: on-track", "note: a", "status: at-risk", "note: b")))
        let error = expectOnlyProblem(loaded, .error, at: try loaded.place(of: "note: a"), saying: "keep one")
        #expect(error?.message == "the key 'note', 'status' appears more than once in the same mapping; keep one")
    }

    @Test func aKeyQuotedOnceAndPlainOnceIsTheSameKey() throws {
        let loaded = Loaded(Fixture.plan(outputs: Fixture.output("1.1", "due: April 2015", "\"due\": May 2015")))
        expectOnlyProblem(loaded, .error, at: try loaded.place(of: "due: April"), saying: "the key 'due' appears more than once")
    }

    @Test func aKeyTwiceAmongManyIsFound() throws {
        let keys = (1...40).map { "extra\($0): 1" } + ["extra30: 2", "extra4: 2"]
        let loaded = Loaded("plan: Test Plan\n" + keys.joined(separator: "\n") + "\n")
        let error = expectOnlyProblem(loaded, .error, at: Place(31, 1), saying: "keep one")
        #expect(error?.message == "the key 'extra30', 'extra4' appears more than once in the same mapping; keep one")
    }

    @Test func aListWrittenTwiceAsAKeyIsADuplicateToo() throws {
        let loaded = Loaded(Fixture.plan(outputs: Fixture.output("1.1", "? [a, b]", ": 1", "? [a, b]", ": 2")))
        let error = expectOnlyProblem(loaded, .error, at: try loaded.place(of: "[a, b]"), saying: "appears more than once")
        let line = try loaded.place(of: "[a, b]").line
        #expect(error?.message == "the key a list or mapping (line \(line)) appears more than once in the same mapping; keep one")
    }

    // MARK: Nesting

    @Test func twentyThousandOpeningBracketsAreOneLocatedErrorAboutNesting() throws {
        let loaded = Loaded("plan: Test Plan\npillars: " + String(repeating: "[", count: 20_000) + "\n")
        // libyaml reads ahead before it checks the depth, so it stops at the second bracket.
        let bracket = try loaded.place(of: "[")
        expectOnlyProblem(loaded, .error, at: Place(bracket.line, bracket.column + 1),
                          saying: "nested deeper than YAML allows", "check the brackets")
    }

    @Test func indentationNestedAThousandDeepIsALocatedErrorAboutNesting() throws {
        let lines = (0..<1_100).map { String(repeating: " ", count: $0) + "k:" }
        let loaded = Loaded("plan: Test Plan\n" + lines.joined(separator: "\n") + "\n")
        expectOnlyProblem(loaded, .error, at: Place(1_001, 1_000), saying: "nested deeper than YAML allows")
    }

    // MARK: Anchors and aliases

    @Test func anAliasAsAValueIsAnErrorSayingToWriteTheValueOut() throws {
        let text = Fixture.plan(header: ["partnership: &who Safer Harrow"], outputs: Fixture.output("1.1", "note: *who"))
        let loaded = Loaded(text)
        expectOnlyProblem(loaded, .error, at: try loaded.place(of: "note:"),
                          saying: "repeats the value from line 2 through an alias (*)", "write the value out")
    }

    @Test func anAliasAsAListItemIsAnError() throws {
        let loaded = Loaded(Fixture.plan(outputs: Fixture.output("1.1", "measures: [&m Training delivered, *m]")))
        expectOnlyProblem(loaded, .error, at: try loaded.place(of: "measures:"), saying: "through an alias (*)")
    }

    @Test func anAliasAsAKeyIsAnError() throws {
        let text = Fixture.plan(outputs: Fixture.output("1.1", "&n note: Agreed.") + Fixture.output("1.2", "*n : Also agreed."))
        let loaded = Loaded(text)
        // The key is a copy of the anchored one and carries its place; its value is where the alias stands.
        expectOnlyProblem(loaded, .error, at: try loaded.place(of: "Also agreed."), saying: "alias")
    }

    @Test func anAliasAsATargetForAYearIsAnError() throws {
        let loaded = Loaded("plan: Test Plan\nindicators:\n  - id: I1\n    indicator: Referrals\n"
            + "    target: {2015/16: &t 400, 2016/17: *t}\npillars:\n  - pillar: Prevention\n")
        expectOnlyProblem(loaded, .error, at: try loaded.place(of: "2016/17"), saying: "repeats the value from line 5 through an alias (*)")
    }

    @Test func anAliasToNothingIsASyntaxErrorAtTheAlias() throws {
        let loaded = Loaded(Fixture.plan(outputs: Fixture.output("1.1", "note: *nowhere")))
        let error = expectOnlyProblem(loaded, .error, at: try loaded.place(of: "*nowhere"), saying: "YAML syntax")
        #expect(error?.message == "YAML syntax: found undefined alias; check the indentation, and put text that holds ': ' or starts with a symbol in double quotes")
    }

    @Test func anAliasInsideTheValueItNamesIsAnAliasToNothing() throws {
        let loaded = Loaded("plan: Test Plan\npillars: &p [*p]\n")
        expectOnlyProblem(loaded, .error, at: try loaded.place(of: "*p"), saying: "found undefined alias")
    }

    /// "Billion laughs": ten levels of ten aliases would be 10^10 values if expanded.
    @Test func anAliasBombIsRefusedWithoutExpandingIt() throws {
        var lines = ["plan: Test Plan", "agencies: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...9 {
            let aliases = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            lines.append("partnership\(level): &a\(level) [\(aliases)]")
        }
        lines.append("pillars: *a9")
        let loaded = Loaded(lines.joined(separator: "\n") + "\n")
        #expect(loaded.plan == nil)
        expectProblem(loaded, .error, at: Place(12, 1),
                      saying: ["repeats the value from line 11 through an alias (*)", "anchors and aliases"])
    }
}
