import ActionPlanModel
import ActionPlanStore
@testable import ActionPlanTUI
import Testing

@Suite struct UpdateTests {
    @Test func theListMovesAndKeepsTheSelectionOnScreen() {
        var state = Fixture.state(height: 16)
        Fixture.press(.tab, on: &state)
        #expect(state.screen == .list)
        #expect(state.selected?.output.id == "1.1")
        Fixture.press(.down, .character("j"), on: &state)
        #expect(state.selected?.output.id == "2.1")
        Fixture.press(.end, on: &state)
        #expect(state.selected?.output.id == "2.2")
        Fixture.press(.character("k"), .home, on: &state)
        #expect(state.selected?.output.id == "1.1")
        Fixture.press(.pageDown, on: &state)
        #expect(state.selected?.output.id == "2.2")
        Fixture.press(.pageUp, on: &state)
        #expect(state.selected?.output.id == "1.1")
        #expect(state.top == 0)
    }

    @Test func filtersCombineAndClear() {
        var state = Fixture.state()
        Fixture.press(.tab, .character("O"), on: &state)
        #expect(state.rows.map(\.output.id) == ["1.1"])
        Fixture.press(.character("O"), .character("U"), on: &state)
        #expect(state.rows.map(\.output.id) == ["2.1"])
        Fixture.press(.character("c"), .character("m"), on: &state)
        #expect(state.rows.map(\.output.id) == ["1.1", "2.2"])
        Fixture.press(.character("P"), .character("P"), on: &state)
        #expect(state.rows.map(\.output.id) == ["2.2"])
        Fixture.press(.escape, on: &state)
        #expect(state.filter.isEmpty && state.rows.count == 4)
        Fixture.press(.character("T"), .character("T"), on: &state)
        #expect(state.filter.query.status == .onTrack && state.rows.map(\.output.id) == ["1.1"])
    }

    @Test func searchNarrowsAsYouTypeAndEscapeClearsIt() {
        var state = Fixture.state()
        Fixture.press(.tab, .character("/"), on: &state)
        Fixture.type("REFUGE", on: &state)
        #expect(state.rows.map(\.output.id) == ["1.2"])
        Fixture.press(.enter, on: &state)
        #expect(state.searching == nil && state.filter.search == "REFUGE")
        Fixture.press(.character("/"), .escape, on: &state)
        #expect(state.rows.count == 4)
    }

    @Test func anUpdateIsAWriteEffectMadeFromWhatWasSeen() {
        let journal = Journal([Fixture.record(1, Change(outputID: "1.2", note: "earlier"))])
        var state = Fixture.state(journal: journal)
        Fixture.press(.tab, .down, .enter, .character("u"), on: &state)
        #expect(state.mode == .form)
        Fixture.press(.right, .tab, on: &state)
        Fixture.type("Venue “lost” – £450", on: &state)
        Fixture.press(.left, .backspace, .right, on: &state)
        #expect(state.form?.texts[.note]?.text == "Venue “lost” – £40")
        let effects = Fixture.press(.enter, on: &state)
        #expect(effects == [.write(Change(outputID: "1.2", status: .offTrack, note: "Venue “lost” – £40"), seen: 1)])
    }

    @Test func anIncompleteUpdateIsExplainedAndNotSent() {
        var state = Fixture.state()
        Fixture.press(.tab, .character("u"), .right, on: &state)
        #expect(state.form?.status == .atRisk)
        #expect(Fixture.press(.enter, on: &state).isEmpty)
        #expect(state.form?.message == "a status of at risk needs a progress note saying why (type it under Progress note)")
    }

    @Test func escapeDiscardsTheFormWritingNothing() {
        var state = Fixture.state()
        Fixture.press(.tab, .character("n"), on: &state)
        Fixture.type("half a thought", on: &state)
        // Something was typed: the first Esc asks, the second discards.
        #expect(Fixture.press(.escape, .escape, on: &state).isEmpty)
        #expect(state.form == nil && state.screen == .list)
    }

    @Test func aConflictSaysTheOtherUpdateInTheInterfacesWords() {
        let newer = Fixture.record(1, Change(outputID: "1.1", status: .atRisk, note: "theirs"), by: "pc.smith", at: "2015-06-01T10:00:00Z")
        // The command line keeps its spelling; the interface says the status as its screens do.
        #expect(WriteRefusal.conflict(newer).message.hasSuffix("pc.smith: status at-risk; note: theirs"))
        #expect(WriteRefusal.conflict(newer).message(wording: Form.wording).hasSuffix("pc.smith: status at risk; note: theirs"))
    }

    @Test func aConflictIsShownAndOnlyAKnowingRepeatOverwrites() {
        var state = Fixture.state()
        Fixture.press(.tab, .character("n"), on: &state)
        Fixture.type("mine", on: &state)
        #expect(Fixture.press(.enter, on: &state) == [.write(Change(outputID: "1.1", note: "mine"), seen: 0)])
        let newer = "output 1.1 changed since you looked: line 1, 2015-06-01 10:00 UTC, pc.smith: note: theirs"
        _ = update(&state, .written(.failure(WriteFailure(message: newer, isConflict: true))))
        let message = "Not recorded: \(newer). Enter again records yours over that update; Esc cancels, writing nothing."
        #expect(state.form?.message == message)
        // In full, however long, on the lines above the key line.
        let lines = render(state).lines
        #expect(lines[20...22].joined(separator: " ") == " Not recorded: output 1.1 changed since you looked: line 1, 2015-06-01 10:00"
            + "  UTC, pc.smith: note: theirs. Enter again records yours over that update; Esc  cancels, writing nothing.")
        #expect(Fixture.press(.enter, on: &state) == [.write(Change(outputID: "1.1", note: "mine"), seen: nil)])
        _ = update(&state, .written(.success(Fixture.record(2, Change(outputID: "1.1", note: "mine")))))
        #expect(state.form == nil && state.screen == .list)
        #expect(state.message == "Recorded line 2: 1.1 note: mine")
    }

    @Test func anotherSessionsUpdateChangesWhatIsShown() {
        var state = Fixture.state()
        Fixture.press(.tab, on: &state)
        #expect(state.rows[0].assessment.rating.symbol == "R!")
        _ = update(&state, .journalChanged(Journal([Fixture.record(1, Change(outputID: "1.1", status: .complete))])))
        #expect(state.rows[0].assessment.rating.symbol == "B")
        #expect(state.selected?.output.id == "1.1")
    }

    @Test func aGrowingJournalFoldsOnlyItsNewRecordsToTheSamePlanAsAFullFold() {
        let first = Fixture.record(1, Change(outputID: "1.2", due: "March 2016", reason: "trainer left"), by: "chair")
        let second = Fixture.record(2, Change(outputID: "1.2", status: .offTrack, note: "No trainer"), at: "2015-06-02T10:00:00Z")
        let third = Fixture.record(3, Change(outputID: "1.2", due: "June 2016", reason: "still no trainer"), by: "chair", at: "2015-06-03T10:00:00Z")
        let late = Fixture.record(4, Change(outputID: "2.1", lead: ["Police"]), by: "chair", at: "2015-07-01T10:00:00Z")
        var state = Fixture.state(journal: Journal([first]))
        _ = update(&state, .journalChanged(Journal([first, second])))
        _ = update(&state, .journalChanged(Journal([first, second, third, late])))
        let full = Fixture.plan.folded(with: Journal([first, second, third, late]), through: Fixture.asOf)
        #expect(state.current == full)
        // Revised twice, the original is still the plan's own date; a record after the as-of day is left out.
        #expect(state.current.entry("1.2")?.output.revision?.original.written == "2016")
        #expect(state.current.entry("1.2")?.output.due.written == "June 2016")
        #expect(state.current.entry("2.1")?.output.leads == [])

        // A journal replaced by another (restored from a backup) is folded from the plan again.
        _ = update(&state, .journalChanged(Journal([second])))
        #expect(state.current == Fixture.plan.folded(with: Journal([second]), through: Fixture.asOf))
        #expect(state.current.entry("1.2")?.output.revision == nil)
    }

    @Test func reviewTakesOverdueThenUnownedThenRedThenStale() {
        var state = Fixture.state()
        Fixture.press(.character("r"), on: &state)
        #expect(state.review?.items.map(\.outputID) == ["1.1", "2.1", "1.2"])
        #expect(state.review?.items.map(\.reason) == [.action(.overdue), .action(.unowned), .action(.stale)])
        Fixture.press(.right, .right, on: &state)
        #expect(state.review?.index == 2)
        let effects = Fixture.press(.character("t"), on: &state)
        #expect(effects.isEmpty && state.form?.fields == [.due, .reason] && state.form?.outputID == "1.2")
    }

    @Test func helpClosesOnAnyKeyItDoesNotTakeWithoutActingOnIt() {
        var state = Fixture.state()
        Fixture.press(.character("?"), on: &state)
        #expect(state.showHelp)
        #expect(Fixture.press(.character("x"), on: &state).isEmpty && state.reportChoice == nil)
        #expect(!state.showHelp)
        Fixture.press(.character("?"), on: &state)
        #expect(Fixture.press(.character("q"), on: &state).isEmpty)
        #expect(!state.showHelp)
        #expect(Fixture.press(.character("q"), on: &state) == [.quit])
    }

    @Test func everyCommandKeyIsUniqueInItsMode() {
        for mode in Mode.allCases {
            // A form's keys depend on its focused field: a choice steps, a text field types, a
            // picked field narrows its list. A field's own rows come first, so their keys are theirs.
            for field in mode == .form ? [Form.Field.Kind.choice, .text, .pick] : [nil] {
                let own = Command.table(for: mode).filter { $0.field != nil && $0.field == field }
                let taken = Set(own.flatMap(\.keys))
                let commands = own + Command.table(for: mode).filter { $0.field == nil }.map { command in
                    Command(command.keys.filter { !taken.contains($0) }, typing: command.typing, command.action, command.label, command.help, on: command.modes)
                }
                let keys = commands.flatMap(\.keys)
                #expect(Set(keys).count == keys.count, "\(mode) \(String(describing: field))")
                // Where typing goes into a field, no character is a command as well.
                if commands.contains(where: \.typing) {
                    #expect(!keys.contains { if case .character = $0 { true } else { false } }, "\(mode)")
                }
            }
        }
    }
}
