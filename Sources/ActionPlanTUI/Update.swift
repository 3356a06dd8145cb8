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
        state.noteDecision(line: record.line, at: record.at, by: record.by, text: record.summary)
        state.message = "Recorded line \(record.line)\(record.effective.map(RecordText.speaksFor) ?? ""): \(record.change.outputID) \(record.summary)"
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
        state.message = "Saved the \(quarter) report to \(path)"
        return []
    case .exported(let quarter, .failure(let failure)):
        state.message = "The \(quarter) report was not saved: \(failure.message)"
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
                form.message = failure.message + ". Enter records yours anyway; Esc cancels."
            }
        }
        return []
    case .key(let key):
        return state.handle(key)
    }
}

extension TUIState {
    /// Routes a key through the table of the mode it arrives in; help, an overlay, closes on any key.
    mutating func handle(_ key: Key) -> [Effect] {
        if showHelp {
            overlay = nil
            return []
        }
        guard let command = Command.command(for: key, in: mode, field: form?.focused.kind) else { return [] }
        message = nil
        return perform(command.action, key: key)
    }

    /// Does what `action` means; `key` is the key that asked, for the actions that edit with it.
    mutating func perform(_ action: Action, key: Key) -> [Effect] {
        switch action {
        case .quit:
            return [.quit]
        case .help:
            overlay = .help
        case .back:
            if screen == .list, !filter.isEmpty {
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
            if case .indicators = screen {
                guard let id = subjectIndicatorID else { break }
                go(to: .indicator(id: id, top: 0))
            } else if case .review(let review) = screen {
                if let id = review.current?.outputID { go(to: .detail(id: id)) }
                if let id = review.current?.indicatorID { go(to: .indicator(id: id, top: 0)) }
            } else {
                guard let row = selected else { break }
                go(to: .detail(id: row.output.id))
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
            // In the review, what is saved is the meeting's minutes.
            if let review { return [.saveMinutes(MinutesText.markdown(self, review: review), current.calendar.quarter(containing: asOf))] }
            return [.export(current.calendar.quarter(containing: asOf), asOf: asOf)]
        case .showIndicators:
            go(to: .indicators(IndicatorPage(scope: firstIndicatorScope)))
        case .figure:
            openFigureForm()
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
        case .cycleLead:
            filter.query.lead = Self.after(filter.query.lead, in: current.leadAgencies)
            refilter()
        case .cycleGroup:
            filter.query.group = Self.after(filter.query.group, in: current.groups.map(\.name))
            refilter()
        case .cycleStatus:
            filter.query.status = Self.after(filter.query.status, in: Status.allCases)
            refilter()
        case .clearFilters:
            filter = ListFilter()
            refilter()
        case .next:
            changeReview { if $0.index < $0.items.count { $0.index += 1 } }
            stepIndicatorScope(by: 1)
        case .previous:
            changeReview { if $0.index > 0 { $0.index -= 1 } }
            stepIndicatorScope(by: -1)
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
        case .detail(let id): id
        default: selected?.output.id
        }
    }

    private mutating func openForm(_ fields: [Form.Field], title: String) {
        guard let id = subjectID, let found = output(id) else { return }
        go(to: .form(Form(subject: .output(id: id, seen: journal.head(of: id, in: plan)), title: title, fields: fields, status: found.entry.output.status)))
    }

    private mutating func submit() -> [Effect] {
        guard let form else { return [] }
        switch form.subject {
        case .output(let id, let seen):
            guard let found = output(id) else { return [] }
            let change = form.change(outputID: id, from: found.entry.output.status)
            if let problem = change.problem(calendar: current.calendar) {
                changeForm { $0.message = problem }
                return []
            }
            return [.write(change, seen: form.knowingly ? nil : seen)]
        case .indicator(let id):
            return submitFigure(form, indicatorID: id)
        }
    }

    /// Moves the selection, or on an indicator's figures scrolls them, by `step` lines.
    private mutating func move(by step: Int) {
        switch screen {
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
