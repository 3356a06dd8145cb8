import ActionPlanModel
@testable import ActionPlanTUI
import Testing

/// The review as a meeting uses it: it resumes, takes the list's filters, records every kind of
/// decision, explains its counts against the overview's, and ends with minutes.
@Suite struct ReviewMeetingTests {
    @Test func leftAndOpenedAgainItResumesAtTheSameItem() {
        var state = Fixture.state()
        Fixture.press(.character("r"), .right, .right, .escape, on: &state)
        #expect(state.screen == .overview)
        Fixture.press(.character("r"), on: &state)
        #expect(state.review?.current?.id == "1.2")
        #expect(render(state).lines[2] == "  Review of all actions · item 3 of 3 · 0 left after this")
        #expect(render(state).lines[22] == " Resumed at item 3 of 3 where the review was left")
    }

    @Test func itTakesThePillarLeadAndGroupFiltersAndSaysWhichItDoesNotTake() {
        var state = Fixture.state()
        Fixture.press(.tab, .character("P"), .character("r"), on: &state)
        #expect(state.review?.items.map(\.id) == ["1.1", "1.2"])
        #expect(render(state).lines[2] == "  Review of pillar Prevention · item 1 of 2 · 1 left after this")
        // Under another filter, a new agenda; the overdue filter does not narrow it, and it says so.
        Fixture.press(.escape, .character("P"), .character("O"), .character("r"), on: &state)
        #expect(state.review?.items.map(\.id) == ["2.1"])
        #expect(render(state).lines[2] == "  Review of pillar Perpetrators · item 1 of 1 · 0 left after this")
        #expect(render(state).lines[22] == " The agenda takes the pillar, lead and group filters only, not overdue")
    }

    @Test func itsCountsSayWhyTheOverviewsAreHigher() {
        var state = Fixture.state()
        Fixture.press(.character("r"), on: &state)
        let lines = render(state).lines
        #expect(lines[3] == "  On the agenda: 1 overdue, 1 unowned, 0 red, 1 stale")
        #expect(lines[4] == "  Each action once, under its first reason; every flag counted, as the overview")
        #expect(lines[5] == "  does: 1 red, 3 no update this quarter.")
        #expect(lines[7] == "    OVERDUE    R! red: overdue, whatever the status says · status on track · ov…")
    }

    @Test func itSetsAStatusShowsTheHistoryAndEndsWithTheDecisions() {
        var state = Fixture.state()
        Fixture.press(.character("r"), .character("u"), .right, .tab, on: &state)
        Fixture.type("Launch moved | see “minutes”", on: &state)
        let effects = Fixture.press(.enter, on: &state)
        let change = Change(outputID: "1.1", status: .atRisk, note: "Launch moved | see “minutes”")
        #expect(effects == [.write(change, seen: 0)])
        let record = Fixture.record(1, change, by: "chair", at: "2015-06-20T10:00:00Z")
        _ = update(&state, .journalChanged(Journal([record])))
        _ = update(&state, .written(.success(record)))
        #expect(state.review?.current?.id == "1.1")
        let text = render(state).lines.joined(separator: "\n")
        #expect(text.contains(" History\n   line 1 · 2015-06-20 10:00 UTC · chair: status at risk; note: Launch moved |\n   see “minutes”"))

        Fixture.press(.end, on: &state)
        let summary = render(state).lines
        #expect(summary[2] == "  Review of all actions · end of the agenda (3 items)")
        #expect(summary[4] == "  1 decision recorded in this meeting:")
        #expect(summary[6] == "  1.1 (overdue) · line 1 · chair: status at risk; note: Launch moved | see")
        #expect(summary[21] == "  x saves them as the minutes' action log (reports/) · ← the last item")
        // ← goes back to the last item; the summary is past it.
        Fixture.press(.left, on: &state)
        #expect(state.review?.current?.id == "1.2")
    }

    @Test func theMinutesAreMarkdownWithEveryNoteEscaped() {
        var state = Fixture.state()
        Fixture.press(.character("r"), .character("n"), on: &state)
        let change = Change(outputID: "1.1", note: "Summary of CSE panel:\n# six referrals | received\nall <b>allocated</b>")
        let record = Fixture.record(4, change, by: "chair", at: "2015-06-20T10:00:00Z")
        _ = update(&state, .journalChanged(Journal([record])))
        _ = update(&state, .written(.success(record)))
        Fixture.press(.end, on: &state)
        let effects = Fixture.press(.character("x"), on: &state)
        guard case .saveMinutes(let text, let quarter) = effects.first else {
            Issue.record("no minutes to save: \(effects)")
            return
        }
        #expect(quarter == Fixture.plan.calendar.quarter(containing: Fixture.asOf))
        #expect(text == """
            # Review meeting: Test VAWG plan

            Quarter \(quarter), judged as of 2015-06-30; agenda of all actions, 3 items; chaired from the account pc.jones.

            ## Action log

            | # | Item | On the agenda as | Decision | By | Journal line | Recorded |
            |---|---|---|---|---|---|---|
            | 1 | 1.1 Run the “White Ribbon” campaign – £2,000 | overdue | note: Summary of CSE panel:<br># six referrals \\| received<br>all \\<b\\>allocated\\</b\\> | chair | 4 | 2015-06-20 10:00 UTC |

            """)
        _ = update(&state, .minutesSaved(.success("plans/reports/test-2015-16-Q1-minutes.md")))
        #expect(render(state).lines[22] == " Saved the minutes to plans/reports/test-2015-16-Q1-minutes.md")
    }

    /// With the as-of day in the past, what the meeting records speaks for that day: the status
    /// line says so, and so do the minutes.
    @Test func aPastAsOfDaySaysTheDecisionsSpeakForIt() {
        var state = TUIState(plan: Fixture.plan, journal: Journal(), asOf: Fixture.asOf, foldThrough: Fixture.asOf, recordsSpeakFor: Fixture.asOf,
                             account: "chair", agencies: [], width: 80, height: 24)
        Fixture.press(.character("r"), .character("n"), on: &state)
        let written = Fixture.record(1, Change(outputID: "1.1", note: "Agreed"), by: "chair", at: "2026-12-02T10:00:00Z")
        let record = Record(line: 1, at: written.at, by: "chair", change: written.change, effective: Fixture.asOf)
        _ = update(&state, .written(.success(record)))
        #expect(render(state).lines.contains { $0.hasPrefix(" Recorded line 1 for 30 June 2015: 1.1 note: Agreed.") })
        guard case .saveMinutes(let text, _) = Fixture.press(.character("x"), on: &state).first else {
            Issue.record("no minutes")
            return
        }
        #expect(text.contains("Each decision is recorded for 30 June 2015, the as-of day, so the plan as of then shows it."))
    }
}

extension ReviewMeetingTests {
    @Test func leftByWayOfTheDetailItStillResumes() {
        var state = Fixture.state()
        Fixture.press(.character("r"), .right, .enter, on: &state)
        #expect(state.detailID == "2.1")
        Fixture.press(.character("v"), .character("r"), on: &state)
        #expect(state.review?.current?.id == "2.1")
    }
}
