import ActionPlanFormat
import ActionPlanModel

/// The only code that changes the interface's state: an event in, the effects to perform out.
public func update(_ state: inout TUIState, _ event: Event) -> [Effect] {
    switch event {
    case .resize(let width, let height):
        state.resize(width: width, height: height)
        return []
    case .journalChanged(let journal):
        state.replace(journal: journal)
        return []
    case .written(.success(let record)):
        // Leaving the form drops it.
        state.goBack()
        state.noteDecision(line: record.line, at: record.at, by: record.by, text: record.change.summary(wording: Form.wording))
        state.message = "Recorded line \(record.line)\(record.effective.map(RecordText.speaksFor) ?? ""): \(record.change.outputID) \(record.change.summary(wording: Form.wording))"
        // Said once, with the plan's first record, as the CLI says it.
        if case .rules(let access) = state.rights, access.isOpen, record.line == 1 { state.message? += ". Note: " + Access.openNotice }
        return []
    case .figureRecorded(.success(let record)):
        state.goBack()
        // Back on the indicator's figures, the one just recorded is in view at the foot.
        if case .indicator(let id, _) = state.screen { state.screen = .indicator(id: id, top: state.clampedSeriesTop(id, .max)) }
        state.noteDecision(line: record.line, at: record.at, by: record.by, text: state.summary(of: record.figure))
        state.message = "Recorded line \(record.line): \(state.summary(of: record.figure))"
        return []
    case .figureRecorded(.failure(let failure)):
        state.changeForm { $0.message = failure.message }
        return []
    case .exported(let quarter, .success(let path)):
        state.overlay = nil
        state.message = "Saved the \(quarter) report to \(path)"
        return []
    case .exported(let quarter, .failure(let failure)):
        state.overlay = nil
        state.message = "The \(quarter) report was not saved: \(failure.message)"
        return []
    case .reportExists(let quarter, let path):
        guard var choice = state.reportChoice, choice.quarter == quarter else { return [] }
        choice.replacing = true
        state.overlay = .report(choice)
        state.message = "A \(quarter) report was saved before, at \(path). Enter again replaces it; Esc keeps it."
        return []
    case .minutesSaved(.success(let path)):
        state.message = "Saved the minutes to \(path)"
        return []
    case .minutesSaved(.failure(let failure)):
        state.message = "The minutes were not saved: \(failure.message)"
        return []
    case .written(.failure(let failure)):
        state.changeForm { form in
            form.message = failure.message
            if failure.isConflict {
                form.knowingly = true
                form.message = "Not recorded: \(failure.message). Enter again records yours over that update; Esc cancels, writing nothing."
            }
        }
        return []
    case .key(let key):
        return state.handle(key)
    case .paste(let text):
        state.paste(text)
        return []
    case .edited(let field, .success(let text)):
        state.changeForm { form in form.texts[field]?.replace(with: text) }
        return []
    case .edited(_, .failure(let failure)):
        state.changeForm { $0.message = failure.message }
        return []
    case .rightsRead(let rights):
        state.rights = rights
        return []
    }
}

extension TUIState {
    /// Routes a key through the table of the mode it arrives in; help, an overlay, closes on any
    /// key it does not take.
    mutating func handle(_ key: Key) -> [Effect] {
        // After Esc on a form with something typed, a second Esc discards it; any other key keeps it.
        if let form, form.confirmingDiscard {
            if key == .escape {
                goBack()
                message = "Discarded what was typed; nothing was recorded"
                return []
            }
            changeForm { form in
                form.confirmingDiscard = false
                form.message = nil
            }
        }
        guard let command = Command.command(for: key, in: mode, field: form?.focused.kind) else {
            if showHelp { overlay = nil }
            return []
        }
        message = nil
        return perform(command.action, key: key)
    }

    /// Does what `action` means; `key` is the key that asked, for the actions that edit with it.
    mutating func perform(_ action: Action, key: Key) -> [Effect] {
        switch action {
        case .quit:
            return [.quit]
        case .help:
            overlay = .help(top: 0)
        case .closeOverlay:
            overlay = nil
        case .back:
            if let form, form.hasInput {
                changeForm { form in
                    form.confirmingDiscard = true
                    form.message = "Discard what you typed? Esc again discards it; any other key goes back to the form."
                }
            } else if screen == .list, !filter.isEmpty {
                filter = ListFilter()
                refilter()
            } else {
                goBack()
            }
        case .showOverview:
            go(to: .overview)
        case .showList:
            go(to: .list)
        case .open:
            if screen == .overview {
                filter = overviewCursor.filter(pillars: summary.pillars.count)
                refilter()
                go(to: .list)
            } else if case .indicators = screen {
                guard let id = subjectIndicatorID else { break }
                go(to: .indicator(id: id, top: 0))
            } else if case .review(let review) = screen {
                if let id = review.current?.outputID { go(to: .detail(id: id, top: 0)) }
                if let id = review.current?.indicatorID { go(to: .indicator(id: id, top: 0)) }
            } else {
                guard let row = selected else { break }
                go(to: .detail(id: row.output.id, top: 0))
            }
        case .update:
            openForm([.status, .note, .due, .reason], title: "Update")
        case .note:
            openForm([.note], title: "Note")
        case .assignLead:
            openForm([.lead, .note], title: "Assign a lead")
        case .reviseDate:
            openForm([.due, .reason], title: "Revise the date")
        case .review:
            openReview()
        case .exportReport:
            overlay = .report(ReportChoice(plan: current, asOf: asOf))
        case .changeQuarter:
            guard case .report(var choice) = overlay else { break }
            choice.step(by: key == .left ? -1 : 1)
            overlay = .report(choice)
        case .saveReport:
            guard let choice = reportChoice else { break }
            return [.export(choice.quarter, asOf: choice.asOf(asOf), replacing: choice.replacing)]
        case .saveMinutes:
            guard let review else { break }
            return [.saveMinutes(MinutesText.markdown(self, review: review), current.calendar.quarter(containing: asOf))]
        case .showIndicators:
            go(to: .indicators(IndicatorPage(scope: firstIndicatorScope)))
        case .figure:
            openFigureForm()
        case .redraw:
            return [.redraw]
        case .toggleContrast:
            highContrast.toggle()
        case .up where screen == .overview && overlay == nil, .down where screen == .overview && overlay == nil:
            overviewCursor.move(action, pillars: summary.pillars.count)
        case .up: move(by: -1)
        case .down: move(by: 1)
        case .pageUp: move(by: -max(1, pageHeight - 1))
        case .pageDown: move(by: max(1, pageHeight - 1))
        case .top: move(by: -rows.count)
        case .bottom:
            if review != nil {
                changeReview { $0.index = $0.items.count }
            } else {
                move(by: rows.count)
            }
        case .search:
            overlay = .search(TextField(filter.search))
        case .mine:
            filter.mine.toggle()
            refilter()
        case .flag(let flag):
            if let index = filter.query.flags.firstIndex(of: flag) {
                filter.query.flags.remove(at: index)
            } else {
                filter.query.flags.append(flag)
            }
            refilter()
        case .cyclePillar:
            filter.query.pillar = Self.after(filter.query.pillar, in: Array(current.pillars.indices))
            refilter()
        case .pickLead:
            overlay = .pick(Picker(leadFilterChoices))
        case .editPick:
            changePicker { $0.edit(key) }
        case .movePick:
            changePicker { $0.move(by: key == .up ? -1 : 1) }
        case .choosePick:
            guard let picked = picking?.picked ?? picking?.matches.first else { break }
            overlay = nil
            filter.query.lead = picked.value
            refilter()
        case .closePick:
            overlay = nil
        case .editInEditor:
            guard let form, let text = form.texts[form.focused]?.text else { break }
            return [.edit(form.focused, text: text)]
        case .cycleGroup:
            filter.query.group = Self.after(filter.query.group, in: current.groups.map(\.name))
            refilter()
        case .cycleStatus:
            filter.query.status = Self.after(filter.query.status, in: Status.allCases)
            refilter()
        case .clearFilters:
            filter = ListFilter()
            refilter()
        case .cycleSort:
            sort = sort.next
            refilter()
        case .next:
            changeReview { if $0.index < $0.items.count { $0.index += 1 } }
            stepIndicatorScope(by: 1)
            stepDetail(by: 1)
            if screen == .overview { overviewCursor.move(action, pillars: summary.pillars.count) }
        case .previous:
            changeReview { if $0.index > 0 { $0.index -= 1 } }
            stepIndicatorScope(by: -1)
            stepDetail(by: -1)
            if screen == .overview { overviewCursor.move(action, pillars: summary.pillars.count) }
        case .submit:
            return submit()
        case .nextField:
            changeForm { $0.focus = ($0.focus + 1) % $0.fields.count }
        case .previousField:
            changeForm { $0.focus = ($0.focus + $0.fields.count - 1) % $0.fields.count }
        case .changeChoice:
            changeForm { $0.cycleStatus(by: key == .left ? -1 : 1) }
        case .editField:
            changeForm { form in _ = form.texts[form.focused]?.handle(key) }
        case .editSearch:
            guard case .search(var field) = overlay, field.handle(key) else { break }
            overlay = .search(field)
            filter.search = field.text
            refilter()
        case .keepSearch:
            overlay = nil
        case .clearSearch:
            overlay = nil
            filter.search = ""
            refilter()
        }
        return []
    }

    /// The choice after `choice` for a filter that steps through `all`: the first after none,
    /// and none (the filter off) after the last.
    private static func after<Choice: Equatable>(_ choice: Choice?, in all: [Choice]) -> Choice? {
        let next = choice.flatMap { all.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
        return next < all.count ? all[next] : nil
    }

    /// The output a command acts on: the review's current item, the detail's, or the selection.
    var subjectID: String? {
        switch screen {
        case .review(let review): review.current?.outputID
        case .detail(let id, _): id
        default: selected?.output.id
        }
    }

    /// Opens a form with the fields of `fields` this account may fill, saying what it may not do
    /// before anything is typed; when it may not fill the first, what the form is for, only says why.
    private mutating func openForm(_ fields: [Form.Field], title: String) {
        guard let id = subjectID, let found = output(id) else { return }
        let output = found.entry.output
        // A note is the least a form records: refused that, the account may change nothing here.
        if let why = rights.refusal(of: Change(outputID: id, note: "-"), to: output, in: current, by: account) {
            message = why
            return
        }
        var allowed = fields
        var withheld: [String] = []
        let probes: [(fields: [Form.Field], change: Change)] = [
            ([.due, .reason], Change(outputID: id, due: "-", reason: "-")),
            ([.lead], Change(outputID: id, lead: ["-"])),
        ]
        for probe in probes where probe.fields.contains(where: allowed.contains) {
            guard let why = rights.refusal(of: probe.change, to: output, in: current, by: account) else { continue }
            allowed.removeAll { probe.fields.contains($0) }
            if !withheld.contains(why) { withheld.append(why) }
        }
        guard let first = fields.first, allowed.contains(first) else {
            message = withheld.joined(separator: "; ")
            return
        }
        var form = Form(subject: .output(id: id, seen: journal.head(of: id, in: plan)), title: title, fields: allowed, status: output.status,
                        choices: allowed.contains(.lead) ? leadChoices : [])
        form.notice = withheld.isEmpty ? nil : "Not on this form: " + withheld.joined(separator: "; ")
        go(to: .form(form))
    }

    /// Pasted text: into the field or search being typed, as text; anywhere else it is not
    /// taken at all, so a paste can never run as commands.
    mutating func paste(_ text: String) {
        switch overlay {
        case .search(var field):
            field.insert(text)
            overlay = .search(field)
            filter.search = field.text
            refilter()
            return
        case .pick:
            changePicker { $0.insert(text) }
            return
        case .help, .report, nil:
            break
        }
        guard let form, form.focused.kind != .choice else {
            message = "Pasted text goes into a field being typed; it was not taken here, and nothing was run"
            return
        }
        changeForm { form in
            form.confirmingDiscard = false
            form.message = nil
            if form.texts[form.focused] != nil {
                form.texts[form.focused]?.insert(text)
            } else {
                form.changePicker { $0.insert(text) }
            }
        }
    }

    /// Changes the picker on screen: the list's lead filter, or a form's focused lead field.
    private mutating func changePicker(_ change: (inout Picker) -> Void) {
        if case .pick(var picker) = overlay {
            change(&picker)
            overlay = .pick(picker)
        } else {
            changeForm { $0.changePicker(change) }
        }
    }

    private mutating func submit() -> [Effect] {
        guard let form else { return [] }
        switch form.subject {
        case .output(let id, let seen):
            guard let found = output(id) else { return [] }
            if let unpicked = form.unpicked {
                changeForm { $0.message = "No agency in the plan's register matches “\(unpicked.text)”; type part of a name from the list, or pick it with ↑/↓" }
                return []
            }
            let change = form.change(outputID: id, from: found.entry.output.status)
            if let problem = change.problem(calendar: current.calendar, wording: Form.wording) {
                changeForm { $0.message = problem }
                return []
            }
            return [.write(change, seen: form.knowingly ? nil : seen)]
        case .indicator(let id):
            return submitFigure(form, indicatorID: id)
        }
    }

    /// Moves the selection, or on help, a detail or an indicator's figures scrolls them, by `step` lines.
    private mutating func move(by step: Int) {
        if case .help(let top) = overlay {
            overlay = .help(top: Help.clampedTop(top + step, mode: screen.mode, width: width, height: height))
            return
        }
        switch screen {
        case .detail(let id, let top):
            screen = .detail(id: id, top: clampedDetailTop(id, top + step))
            return
        case .indicators(var page):
            page.selection = max(0, min(indicatorLines(page.scope).count - 1, page.selection + step))
            screen = .indicators(page)
            return
        case .indicator(let id, let top):
            screen = .indicator(id: id, top: clampedSeriesTop(id, top + step))
            return
        default:
            break
        }
        guard !rows.isEmpty else { return }
        selection = max(0, min(rows.count - 1, selection + step))
        scrollToSelection()
    }

    /// Opens `next`, remembering where Esc returns to; going where one already is replaces what it
    /// shows and adds no step back.
    mutating func go(to next: Screen) {
        leaveReview()
        if next.mode != screen.mode { backStack.append(screen) }
        screen = next
    }

    /// Returns to the screen before, as it was left; the overview when there is none.
    mutating func goBack() {
        leaveReview()
        screen = backStack.popLast() ?? .overview
    }

    /// Changes the form on screen; nothing when there is none.
    mutating func changeForm(_ change: (inout Form) -> Void) {
        guard case .form(var form) = screen else { return }
        change(&form)
        screen = .form(form)
    }

    /// Changes the review on screen; nothing when there is none.
    private mutating func changeReview(_ change: (inout Review) -> Void) {
        guard case .review(var review) = screen else { return }
        change(&review)
        screen = .review(review)
    }
}
