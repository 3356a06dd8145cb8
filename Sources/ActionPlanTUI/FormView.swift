import ActionPlanFormat
import ActionPlanModel

/// A form: the output or indicator it is about, then its fields, the focused one marked.
func drawForm(_ state: TUIState, into grid: inout Grid) {
    guard let form = state.form, let about = state.formHeading(form) else { return }
    var y = 2
    grid.put("\(form.title): \(about.title)", x: 1, y: y, style: .heading)
    y += 1
    grid.put(about.subtitle, x: 1, y: y, style: .dim)
    y += 2
    let labelWidth = 15
    for (index, field) in form.fields.enumerated() where y < grid.height - 3 {
        let focused = index == form.focus
        grid.put((focused ? "▸ " : "  ") + field.label, x: 1, y: y, style: focused ? .bold : .plain)
        let x = labelWidth + 3
        if field == .status {
            let value = Status.words(form.status)
            grid.put("◀ \(value) ▶", x: x, y: y, style: focused ? Style(bold: true, reverse: true) : .plain)
            if focused { grid.put(hints(field: .choice), x: x + TerminalText.width(value) + 6, y: y, style: .dim) }
        } else if let text = form.texts[field] {
            drawField(text, x: x, y: y, width: grid.width - x - 2, focused: focused, into: &grid)
        } else if let picker = form.pickers[field] {
            if focused {
                drawField(picker.query, x: x, y: y, width: grid.width - x - 2, focused: true, into: &grid)
                // The matches take the room under the field that the fields after it can spare.
                let room = grid.height - 3 - (y + 1) - 2 * (form.fields.count - index - 1) - 2
                y += drawMatches(picker, x: x, y: y + 1, width: grid.width - x - 2, rows: min(8, room), into: &grid)
            } else {
                grid.put(picker.picked?.label ?? "type to pick from the register", x: x, y: y, style: picker.picked == nil ? .dim : .plain)
            }
        }
        y += 2
    }
    if let notice = form.notice {
        for line in wrap(notice, width: grid.width - 2).prefix(2) where y < grid.height - 3 {
            grid.put(line, x: 1, y: y, style: .bold)
            y += 1
        }
        y += 1
    }
    if y < grid.height - 3 {
        grid.put(hints(field: nil), x: 1, y: y, style: .dim)
    }
}

/// What a form's own instructions say, worded by its commands: under the fields, how to record,
/// move on or leave, in that order; beside a focused choice, how to change it.
private func hints(field kind: Form.Field.Kind?) -> String {
    let commands = Command.table(for: .form).filter { $0.field == kind }
    let order: [Action] = [.submit, .nextField, .back, .changeChoice]
    return order.compactMap { action in commands.first { $0.action == action } }
        .compactMap { command in command.hint.map { "\(command.shortKey) \($0)" } }
        .joined(separator: " · ")
}

extension TUIState {
    /// What a form's first two lines say it is about: the output or indicator, and how it stands.
    func formHeading(_ form: Form) -> (title: String, subtitle: String)? {
        switch form.subject {
        case .output(let id, _):
            guard let found = output(id) else { return nil }
            return ("\(id)  \(found.entry.output.text)", describe(found.assessment, output: found.entry.output))
        case .indicator(let id):
            return indicatorFormHeading(id)
        }
    }
}
