import ActionPlanModel
@testable import ActionPlanTUI
import Testing

/// Typing in a real meeting: pastes, an editor for long notes, leads picked from the register,
/// typing never thrown away without asking, and the account's rights said before typing.
@Suite struct InputTests {
    /// A state whose account has `member`'s standing under an access file.
    static func state(_ member: Member?, width: Int = 80, height: Int = 24) -> TUIState {
        let access = Access(members: member.map { [$0] } ?? [])
        return TUIState(plan: Fixture.plan, journal: Journal(), asOf: Fixture.asOf, foldThrough: Fixture.asOf, account: "pc.jones",
                        agencies: member?.agencies ?? [], rights: .rules(access), width: width, height: height)
    }

    @Test func aMultiLinePasteIsTakenAsTextWithItsLineBreaksAsSpacesAndRunsNothing() {
        var state = Fixture.state()
        Fixture.press(.tab, .character("n"), on: &state)
        #expect(update(&state, .paste("Summary of CSE panel:\nsix referrals received\r\nall allocated\n")).isEmpty)
        #expect(state.form?.texts[.note]?.text == "Summary of CSE panel: six referrals received all allocated ")
        #expect(state.mode == .form)
        #expect(Fixture.press(.enter, on: &state) == [.write(Change(outputID: "1.1", note: "Summary of CSE panel: six referrals received all allocated"), seen: 0)])
    }

    @Test func aPasteOffAFieldIsNotTakenAndRunsNoCommand() {
        var state = Fixture.state()
        Fixture.press(.tab, on: &state)
        #expect(update(&state, .paste("xrt")).isEmpty)
        #expect(state.screen == .list && state.overlay == nil)
        #expect(state.message == "Pasted text goes into a field being typed; it was not taken here, and nothing was run")
        #expect(render(state).lines.contains { $0.hasPrefix(" Pasted text goes into a field being typed") })
    }

    @Test func aPasteIntoTheSearchNarrowsTheList() {
        var state = Fixture.state()
        Fixture.press(.tab, .character("/"), on: &state)
        _ = update(&state, .paste("refuge\n"))
        #expect(state.filter.search == "refuge " && state.rows.map(\.output.id) == ["1.2"])
    }

    @Test func ctrlXAsksForTheEditorAndItsTextReplacesTheField() {
        var state = Fixture.state()
        Fixture.press(.tab, .character("n"), on: &state)
        Fixture.type("Draft", on: &state)
        #expect(Fixture.press(.control("x"), on: &state) == [.edit(.note, text: "Draft")])
        _ = update(&state, .edited(.note, .success("Panel met twice.\nSix referrals.")))
        #expect(state.form?.texts[.note]?.text == "Panel met twice. Six referrals.")
        _ = update(&state, .edited(.note, .failure(EditorFailure(message: "the editor (vi) ended with status 1; the field is as it was"))))
        #expect(render(state).lines[22] == " the editor (vi) ended with status 1; the field is as it was")
        #expect(state.form?.texts[.note]?.text == "Panel met twice. Six referrals.")
    }

    @Test func theLeadIsPickedFromTheRegisterByTypingPartOfItsName() {
        var state = Fixture.state()
        Fixture.press(.character("r"), on: &state)
        // The review's unowned item, 2.1, has no lead.
        while state.review?.current?.outputID != "2.1", state.review.map({ $0.index + 1 < $0.items.count }) == true { Fixture.press(.right, on: &state) }
        Fixture.press(.character("L"), on: &state)
        #expect(state.form?.focused == .lead)
        var lines = render(state).lines
        #expect(lines.contains { $0.contains("Police") } && lines.contains { $0.contains("Children & Families (C&F)") })
        Fixture.type("famil", on: &state)
        lines = render(state).lines
        #expect(lines.contains { $0.contains("▸ Children & Families (C&F)") } && !lines.contains { $0.contains("Police") })
        #expect(Fixture.press(.enter, on: &state) == [.write(Change(outputID: "2.1", lead: ["Children & Families"]), seen: 0)])
    }

    @Test func aLeadTheRegisterDoesNotKnowIsRefusedOnTheForm() {
        var state = Fixture.state()
        Fixture.press(.tab, .enter, .character("L"), on: &state)
        Fixture.type("Polise", on: &state)
        #expect(Fixture.press(.enter, on: &state).isEmpty)
        #expect(render(state).lines.contains { $0.hasPrefix(" No agency in the plan's register matches “Polise”") })
        // The short form finds it too, and ↑/↓ move through what matches.
        Fixture.press(.control("u"), on: &state)
        Fixture.type("c&f", on: &state)
        #expect(state.form?.pickers[.lead]?.picked?.value == "Children & Families")
    }

    @Test func theLeadFilterIsPickedTheSameWay() {
        var state = Fixture.state()
        Fixture.press(.tab, .character("A"), on: &state)
        #expect(state.mode == .pick)
        Fixture.type("child", on: &state)
        #expect(render(state).lines[1].hasPrefix(" Lead agency: child"))
        Fixture.press(.enter, on: &state)
        #expect(state.filter.query.lead == "C&F" && state.rows.map(\.output.id) == ["1.2"])
        #expect(render(state).lines[1].hasPrefix(" Filter: lead C&F · 1 of 4"))
        // The first entry turns the filter off; Esc leaves it as it was.
        Fixture.press(.character("A"), .escape, on: &state)
        #expect(state.filter.query.lead == "C&F")
        Fixture.press(.character("A"), .down, .enter, on: &state)
        #expect(state.filter.query.lead == nil && state.rows.count == 4)
    }

    @Test func escapeWithSomethingTypedAsksBeforeDiscardingIt() {
        var state = Fixture.state()
        Fixture.press(.tab, .character("n"), on: &state)
        Fixture.type("Panel met", on: &state)
        #expect(Fixture.press(.escape, on: &state).isEmpty)
        #expect(state.mode == .form)
        #expect(state.form?.message == "Discard what you typed? Esc again discards it; any other key goes back to the form.")
        #expect(render(state).lines.contains { $0.hasPrefix(" Discard what you typed? Esc again discards it") })
        // Any other key keeps the form, and is taken as usual.
        Fixture.type("!", on: &state)
        #expect(state.form?.texts[.note]?.text == "Panel met!" && state.form?.message == nil)
        Fixture.press(.escape, .escape, on: &state)
        #expect(state.screen == .list)
        #expect(render(state).lines.contains(" Discarded what was typed; nothing was recorded"))
        // With nothing typed, Esc simply closes it.
        Fixture.press(.character("n"), .escape, on: &state)
        #expect(state.screen == .list)
    }

    @Test func qInTheDetailOrTheReviewGoesBackInsteadOfQuitting() {
        var state = Fixture.state()
        Fixture.press(.tab, .enter, on: &state)
        #expect(Fixture.press(.character("q"), on: &state).isEmpty)
        #expect(state.screen == .list)
        Fixture.press(.character("r"), on: &state)
        #expect(Fixture.press(.character("q"), on: &state).isEmpty)
        #expect(state.screen == .list)
        #expect(Fixture.press(.character("q"), on: &state) == [.quit])
    }

    @Test func altKeysMoveByWordsInAField() {
        var field = TextField("six referrals received")
        _ = field.handle(.alt("b"))
        _ = field.handle(.alt("b"))
        _ = field.handle(.character("X"))
        #expect(field.text == "six Xreferrals received")
        _ = field.handle(.alt("f"))
        _ = field.handle(.alt("d"))
        #expect(field.text == "six Xreferrals")
        _ = field.handle(.control("w"))
        #expect(field.text == "six ")
    }

    @Test func theHeaderSaysTheRoleAndAViewerIsToldBeforeTyping() {
        var state = Self.state(Member(account: "pc.jones", role: .viewer))
        #expect(render(state).lines[0].hasSuffix(" pc.jones, viewer"))
        Fixture.press(.tab, .character("n"), on: &state)
        #expect(state.screen == .list)
        #expect(state.message == "pc.jones is a viewer of this plan and may not change it; the access file lists who may")
        #expect(render(state).lines.contains { $0.hasPrefix(" pc.jones is a viewer of this plan and may not change it") })
    }

    @Test func aLeadOfficersUpdateFormLeavesOffTheDateAndSaysWhy() {
        var state = Self.state(Member(account: "pc.jones", role: .lead, agencies: ["Police"]))
        #expect(render(state).lines[0].hasSuffix(" pc.jones, lead (Police)"))
        Fixture.press(.tab, .character("u"), on: &state)
        #expect(state.form?.fields == [.status, .note])
        let lines = render(state).lines
        #expect(lines[9] == " Not on this form: only the chair or the coordinator may revise a deadline or")
        #expect(lines[10] == " assign a lead; ask them, or record a note")
        // Not their output: said before the form opens.
        Fixture.press(.escape, .down, .character("n"), on: &state)
        #expect(state.screen == .list)
        #expect(render(state).lines.contains { $0.hasPrefix(" output 1.2 is led by C&F, and pc.jones updates for Police only") })
        // Assigning a lead is not theirs at all.
        Fixture.press(.up, .enter, .character("L"), on: &state)
        #expect(state.mode == .detail)
        #expect(render(state).lines.contains { $0.hasPrefix(" only the chair or the coordinator may revise a deadline or assign a lead") })
    }

    @Test func withNoAccessFileTheFirstRecordSaysAnyoneMayChangeThePlan() {
        var state = Fixture.state()
        #expect(render(state).lines[0].hasSuffix(" pc.jones, no access file"))
        Fixture.press(.tab, .character("n"), on: &state)
        _ = update(&state, .written(.success(Fixture.record(1, Change(outputID: "1.1", note: "x")))))
        #expect(state.message?.hasSuffix("Note: there is no access.yaml beside this plan, so whoever owns its folder may change anything, "
            + "until a second account has recorded an update (see docs/access.md)") == true)
        Fixture.press(.character("n"), on: &state)
        _ = update(&state, .written(.success(Fixture.record(2, Change(outputID: "1.1", note: "y")))))
        #expect(state.message == "Recorded line 2: 1.1 note: y")
    }

    @Test func rightsReadForAWriteChangeWhatTheFormsOffer() {
        var state = Fixture.state()
        _ = update(&state, .rightsRead(.refused("plans/access.yaml has errors, so nothing can be changed until they are fixed")))
        #expect(render(state).lines[0].hasSuffix(" pc.jones, read only"))
        Fixture.press(.tab, .character("n"), on: &state)
        #expect(state.screen == .list)
        #expect(state.message == "Changes are refused: plans/access.yaml has errors, so nothing can be changed until they are fixed")
    }

    @Test func aLongNoteShowsItsEndAroundTheCursor() {
        var state = Fixture.state()
        Fixture.press(.tab, .character("n"), on: &state)
        _ = update(&state, .paste(String(repeating: "abcdefghij", count: 200) + "END"))
        let line = render(state).lines[5]
        #expect(line.hasSuffix("ghijabcdefghijEND"))
        Fixture.press(.home, on: &state)
        #expect(render(state).lines[5].hasPrefix(" ▸ Progress note  abcdefghij"))
    }
}
