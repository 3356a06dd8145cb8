import ActionPlanModel

/// The only code that changes the interface's state: an event in, the effects to perform out.
public func update(_ state: inout TUIState, _ event: Event) -> [Effect] {
    switch event {
    case .resize(let width, let height):
        state.width = width
        state.height = height
        state.scrollToSelection()
        return []
    case .journalChanged(let journal):
        state.replace(journal: journal)
        return []
    case .written(.success(let record)):
        state.form = nil
        state.goBack()
        state.message = "Recorded line \(record.line): \(record.change.outputID) \(record.summary)"
        return []
    case .exported(let quarter, .success(let path)):
        state.message = "Saved the \(quarter) report to \(path)"
        return []
    case .exported(let quarter, .failure(let failure)):
        state.message = "The \(quarter) report was not saved: \(failure.message)"
        return []
    case .written(.failure(let failure)):
        state.form?.message = failure.message
        if failure.isConflict {
            state.form?.knowingly = true
            state.form?.message = failure.message + ". Enter records yours anyway; Esc cancels."
        }
        return []
    case .key(let key):
        return state.handle(key)
    }
}

extension TUIState {
    mutating func handle(_ key: Key) -> [Effect] {
        if showHelp {
            // Any key closes help; it is an overlay, not a place.
            showHelp = false
            return []
        }
        if searching != nil { return handleSearch(key) }
        if screen == .form, form != nil, let effects = handleFormEditing(key) { return effects }
        guard let command = Command.command(for: key, on: screen) else { return [] }
        message = nil
        return perform(command.action)
    }

    private mutating func handleSearch(_ key: Key) -> [Effect] {
        switch key {
        case .enter:
            searching = nil
        case .escape:
            searching = nil
            filter.search = ""
            refilter()
        default:
            if searching?.handle(key) == true {
                filter.search = searching?.text ?? ""
                refilter()
            }
        }
        return []
    }

    /// Keys the focused field takes before the command table sees them; nil when it does not.
    private mutating func handleFormEditing(_ key: Key) -> [Effect]? {
        guard var form else { return nil }
        defer { self.form = form }
        if form.focused == .status {
            switch key {
            case .left: form.cycleStatus(by: -1)
            case .right, .character(" "): form.cycleStatus(by: 1)
            default: return nil
            }
            return []
        }
        if case .character = key, form.texts[form.focused]?.handle(key) == true { return [] }
        switch key {
        case .left, .right, .home, .end, .backspace, .delete, .control("a"), .control("e"), .control("u"):
            _ = form.texts[form.focused]?.handle(key)
            return []
        default:
            return nil
        }
    }

    mutating func perform(_ action: Action) -> [Effect] {
        switch action {
        case .quit:
            return [.quit]
        case .help:
            showHelp = true
        case .back:
            if screen == .list, !filter.isEmpty {
                filter = ListFilter()
                refilter()
            } else {
                form = nil
                goBack()
            }
        case .showOverview:
            go(to: .overview)
        case .showList:
            go(to: .list)
        case .open:
            guard let row = selected else { break }
            detailID = row.output.id
            go(to: .detail)
        case .update:
            openForm([.status, .note, .due, .reason], title: "Update")
        case .note:
            openForm([.note], title: "Note")
        case .assignLead:
            openForm([.lead, .note], title: "Assign a lead")
        case .reviseDate:
            openForm([.due, .reason], title: "Revise the date")
        case .review:
            review = Review(rows: current.rows(matching: Query(), asOf: asOf))
            go(to: .review)
        case .exportReport:
            return [.export(current.calendar.quarter(containing: asOf), asOf: asOf)]
        case .up: move(by: -1)
        case .down: move(by: 1)
        case .pageUp: move(by: -max(1, listHeight - 1))
        case .pageDown: move(by: max(1, listHeight - 1))
        case .top: move(by: -rows.count)
        case .bottom: move(by: rows.count)
        case .search:
            searching = TextField(filter.search)
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
        case .cycleStatus:
            filter.query.status = Self.after(filter.query.status, in: Status.allCases)
            refilter()
        case .clearFilters:
            filter = ListFilter()
            refilter()
        case .next:
            if let review, review.index + 1 < review.items.count { self.review?.index += 1 }
        case .previous:
            if let review, review.index > 0 { self.review?.index -= 1 }
        case .submit:
            return submit()
        case .nextField:
            if let form { self.form?.focus = (form.focus + 1) % form.fields.count }
        case .previousField:
            if let form { self.form?.focus = (form.focus + form.fields.count - 1) % form.fields.count }
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
        case .review: review?.current?.outputID
        case .detail: detailID
        default: selected?.output.id
        }
    }

    private mutating func openForm(_ fields: [Form.Field], title: String) {
        guard let id = subjectID, let found = output(id) else { return }
        form = Form(outputID: id, title: title, fields: fields, status: found.entry.output.status, seen: journal.head(of: id))
        go(to: .form)
    }

    private mutating func submit() -> [Effect] {
        guard let form, let found = output(form.outputID) else { return [] }
        let change = form.change(from: found.entry.output.status)
        if let problem = change.problem(calendar: current.calendar) {
            self.form?.message = problem
            return []
        }
        return [.write(change, seen: form.knowingly ? nil : form.seen)]
    }

    private mutating func move(by step: Int) {
        guard !rows.isEmpty else { return }
        selection = max(0, min(rows.count - 1, selection + step))
        scrollToSelection()
    }

    mutating func go(to next: ScreenKind) {
        guard next != screen else { return }
        backStack.append(screen)
        screen = next
    }

    mutating func goBack() {
        screen = backStack.popLast() ?? .overview
    }
}
