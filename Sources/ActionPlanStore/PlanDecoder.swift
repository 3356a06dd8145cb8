internal import Yams
import ActionPlanModel
import Foundation

/// Builds a `Plan` from a composed YAML tree, checking every key and value as it goes.
///
/// It records every problem it can find, each at its line and column, rather than stopping at the
/// first: a coordinator fixing a transcribed plan wants the whole list at once.
struct PlanDecoder {
    let file: String
    let lines: [Substring]
    private(set) var diagnostics: [Diagnostic] = []
    /// Nodes it may visit before it concludes that aliases are multiplying the tree.
    private var budget: Int
    private var ids: [String: SourceLocation] = [:]
    private var calendar = ReportingCalendar()
    private var register = AgencyRegister()

    init(file: String, text: String) {
        self.file = file
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // Every node written out takes at least a character, so a tree with more nodes than the
        // file has bytes can only come from aliases.
        self.budget = text.utf8.count + 64
    }

    private enum Keys {
        static let plan = ["plan", "partnership", "starts", "ends", "year_starts", "overdue_rag", "agencies", "pillars"]
        static let agency = ["name", "short", "aliases"]
        static let pillar = ["pillar", "aim", "objectives"]
        static let objective = ["id", "objective", "outcomes", "outputs"]
        static let output = ["id", "output", "lead", "due", "measures", "outcomes", "status", "note"]
        /// Words people reach for, and the key this format uses for them.
        static let synonyms = [
            "title": "plan", "name": "pillar", "deadline": "due", "date": "due", "completion_date": "due",
            "completion": "due", "lead_agency": "lead", "owner": "lead", "leads": "lead", "measurement": "measures",
            "evidence": "measures", "notes": "note", "comment": "note", "text": "output", "description": "output",
            "actions": "outputs", "priorities": "pillars", "year_start": "year_starts",
        ]
    }

    // MARK: The plan

    mutating func decode(_ root: Node) -> Plan? {
        guard let fields = fields(of: root, what: "a plan", allowed: Keys.plan) else { return nil }
        let title = requiredText(fields, "plan", in: root, what: "a plan", hint: "its title")

        if let field = fields["year_starts"], let text = text(field) {
            if let month = Month.number(named: text) {
                calendar = ReportingCalendar(firstMonth: month)
            } else {
                error(at: field.value, "year_starts takes a month name, such as 'April'; found '\(text)'")
            }
        }
        var overdueRAG = OverdueRAG.byDate
        if let field = fields["overdue_rag"], let text = text(field) {
            if let value = OverdueRAG(rawValue: text.lowercased()) {
                overdueRAG = value
            } else {
                error(at: field.value, "overdue_rag is 'by-date' or 'as-rated'; found '\(text)'")
            }
        }
        let starts = period(fields["starts"])
        let ends = period(fields["ends"])
        if let starts, let ends, ends.last < starts.first, let field = fields["ends"] {
            error(at: field.value, "the plan ends (\(ends.last)) before it starts (\(starts.first)); check 'starts' and 'ends'")
        }
        if let field = fields["agencies"] {
            register = AgencyRegister(items(field, what: "agencies").compactMap { agency($0) })
        }
        var pillars: [Pillar] = []
        if let field = fields["pillars"] {
            let nodes = items(field, what: "pillars")
            if nodes.isEmpty, budget > 0 {
                error(at: field.value, "'pillars' is empty; list at least one, such as '- pillar: Prevention'")
            }
            pillars = nodes.compactMap { pillar($0) }
        } else if !has(root, key: "pillars") {
            error(at: root, "a plan needs 'pillars:', a list such as '- pillar: Prevention' (see docs/plan-format.md)")
        }
        guard let title, !diagnostics.contains(where: { $0.severity == .error }) else { return nil }
        warnAboutLeads(in: pillars, fields: fields)
        return Plan(title: title, partnership: fields["partnership"].flatMap { text($0) }, starts: starts, ends: ends,
                    calendar: calendar, overdueRAG: overdueRAG, register: register, pillars: pillars)
    }

    private mutating func period(_ field: Field?) -> Period? {
        guard let field, let text = text(field) else { return nil }
        switch Due.parse(text, calendar: calendar) {
        case .success(let due):
            if case .by(let period) = due.meaning { return period }
            error(at: field.value, "'\(field.name)' takes a date, such as 'April 2014' or '2014-04-01'; found '\(text)'")
        case .failure(let problem):
            error(at: field.value, problem.message)
        }
        return nil
    }

    private mutating func agency(_ node: Node) -> Agency? {
        if node.scalar != nil {
            return scalarText(node).map { Agency(name: $0) }
        }
        guard let fields = fields(of: node, what: "an agency", allowed: Keys.agency),
              let name = requiredText(fields, "name", in: node, what: "an agency", hint: "its full name") else { return nil }
        let aliases = fields["aliases"].map { texts($0) } ?? []
        return Agency(name: name, short: fields["short"].flatMap { text($0) }, aliases: aliases)
    }

    // MARK: Pillars, objectives, outputs

    private mutating func pillar(_ node: Node) -> Pillar? {
        guard let fields = fields(of: node, what: "a pillar", allowed: Keys.pillar),
              let name = requiredText(fields, "pillar", in: node, what: "a pillar", hint: "its name, such as Prevention")
        else { return nil }
        if !Pillar.fourPs.contains(name), let meant = Suggestion.nearest(to: name, among: Pillar.fourPs),
           let field = fields["pillar"] {
            warning(at: field.value, "pillar '\(name)' is not one of the four Ps; did you mean '\(meant)'?")
        }
        let objectives = fields["objectives"].map { items($0, what: "objectives").compactMap { objective($0) } } ?? []
        return Pillar(name: name, aim: fields["aim"].flatMap { text($0) } ?? "", objectives: objectives)
    }

    private mutating func objective(_ node: Node) -> Objective? {
        guard let fields = fields(of: node, what: "an objective", allowed: Keys.objective) else { return nil }
        let id = identifier(fields, in: node, what: "an objective")
        let words = requiredText(fields, "objective", in: node, what: "an objective", hint: "its text")
        let outcomes = fields["outcomes"].map { texts($0) } ?? []
        let outputs = fields["outputs"].map { items($0, what: "outputs").compactMap { output($0) } } ?? []
        guard let id, let words else { return nil }
        if fields["outputs"] == nil || outputs.isEmpty {
            warning(at: fields["outputs"]?.value ?? node, "objective '\(id)' has no outputs, so nothing under it can be tracked")
        }
        return Objective(id: id, text: words, outcomes: outcomes, outputs: outputs)
    }

    private mutating func output(_ node: Node) -> Output? {
        guard let fields = fields(of: node, what: "an output", allowed: Keys.output) else { return nil }
        let id = identifier(fields, in: node, what: "an output")
        let words = requiredText(fields, "output", in: node, what: "an output", hint: "what will be done")
        var due = Due.none
        if let field = fields["due"], let written = text(field) {
            switch Due.parse(written, calendar: calendar) {
            case .success(let parsed): due = parsed
            case .failure(let problem): error(at: field.value, problem.message)
            }
        }
        var status: Status?
        if let field = fields["status"], let written = text(field) {
            status = Status(written: written)
            if status == nil {
                let names = Status.allCases.map(\.rawValue)
                let hint = Suggestion.nearest(to: written, among: names).map { "did you mean '\($0)'? " } ?? ""
                error(at: field.value, "unknown status '\(written)'; \(hint)write one of: \(names.joined(separator: ", "))")
            }
        }
        let leads = fields["lead"].map { texts($0, scalarAllowed: true) } ?? []
        guard let id, let words else { return nil }
        return Output(id: id, text: words, leads: leads, due: due, measures: fields["measures"].map { texts($0) } ?? [],
                      outcomes: fields["outcomes"].map { texts($0) } ?? [], status: status,
                      note: fields["note"].flatMap { text($0) })
    }

    /// An objective's or output's id: well formed, and not used before in this file.
    private mutating func identifier(_ fields: [String: Field], in node: Node, what: String) -> String? {
        guard let id = requiredText(fields, "id", in: node, what: what, hint: "an id such as 1.2"),
              let field = fields["id"] else { return nil }
        let allowed = id.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || "._-".unicodeScalars.contains($0)) }
        guard allowed, id.first?.isLetter == true || id.first?.isNumber == true else {
            error(at: field.value, "id '\(id)' may hold only letters, digits, '.', '-' and '_', starting with a letter or digit, such as '1.2' or 'PV-3'")
            return nil
        }
        let here = location(of: field.value)
        if let first = ids[id] {
            error(at: field.value, "id '\(id)' is used twice: at line \(first.line) and here at line \(here.line); give each objective and output its own id")
            return nil
        }
        ids[id] = here
        return id
    }

    /// With a register, warn about each lead it does not know, suggesting the nearest spelling.
    private mutating func warnAboutLeads(in pillars: [Pillar], fields: [String: Field]) {
        guard !register.isEmpty else { return }
        let spellings = register.agencies.flatMap(\.spellings)
        for output in pillars.flatMap(\.objectives).flatMap(\.outputs) {
            for lead in output.leads where register.agency(named: lead) == nil {
                let hint = Suggestion.nearest(to: lead, among: spellings).map { "did you mean '\($0)'? " } ?? ""
                let place = ids[output.id] ?? SourceLocation(file: file, line: 1, column: 1)
                diagnostics.append(Diagnostic(.warning, at: place,
                    "output \(output.id): lead '\(lead)' is not in the agency register; \(hint)add it to 'agencies:' (with 'aliases:' for other spellings)",
                    excerpt: YAMLDiagnostics.excerpt(lines, place.line)))
            }
        }
    }

    // MARK: Reading values

    /// A key of a mapping, with its value.
    struct Field {
        let name: String
        let key: Node
        let value: Node
    }

    /// The keys of a mapping, each checked against those this part of a plan takes.
    private mutating func fields(of node: Node, what: String, allowed: [String]) -> [String: Field]? {
        guard visit(node) else { return nil }
        guard let mapping = node.mapping else {
            error(at: node, "expected \(what) as a mapping of keys (\(allowed.joined(separator: ", "))), but found \(kind(node))")
            return nil
        }
        var fields: [String: Field] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                error(at: key, "a key must be a plain word, such as '\(allowed[0])'")
                continue
            }
            guard allowed.contains(name) else {
                let meant = Keys.synonyms[name.lowercased()].flatMap { allowed.contains($0) ? $0 : nil }
                    ?? Suggestion.nearest(to: name, among: allowed)
                let hint = meant.map { "did you mean '\($0)'? " } ?? ""
                error(at: key, "unknown key '\(name)' in \(what); \(hint)\(what) takes: \(allowed.joined(separator: ", "))")
                continue
            }
            if let valueMark = value.mark, let keyMark = key.mark, before(valueMark, keyMark) {
                aliasError(at: key, from: valueMark)
                continue
            }
            fields[name] = Field(name: name, key: key, value: value)
        }
        return fields
    }

    /// The items of a list, or an error saying the key takes one.
    private mutating func items(_ field: Field, what: String) -> [Node] {
        guard visit(field.value) else { return [] }
        if isNull(field.value) { return [] }
        guard let sequence = field.value.sequence else {
            error(at: field.value, "'\(field.name)' takes a list, with one '- ' item a line, but found \(kind(field.value))")
            return []
        }
        // Items follow the list's start and one another; an alias brings back an earlier position.
        var previous = field.value.mark
        var nodes: [Node] = []
        for item in sequence {
            if let mark = item.mark, let previous, nodes.isEmpty ? before(mark, previous) : !before(previous, mark) {
                aliasError(at: field.key, from: mark)
                continue
            }
            previous = item.mark
            nodes.append(item)
        }
        return nodes
    }

    /// A list of texts; with `scalarAllowed`, a single text is taken as a list of one.
    private mutating func texts(_ field: Field, scalarAllowed: Bool = false) -> [String] {
        if field.value.scalar != nil {
            guard scalarAllowed || isNull(field.value) else {
                error(at: field.value, "'\(field.name)' takes a list: write '\(field.name): [TEXT]', or one '- TEXT' a line below it")
                return []
            }
            return text(field).map { [$0] } ?? []
        }
        return items(field, what: field.name).compactMap { node in
            guard node.scalar != nil else {
                error(at: node, "each item of '\(field.name)' is text, but this one is \(kind(node))")
                return nil
            }
            return scalarText(node)
        }
    }

    /// A text value, or nil when it is empty or null; an error when it is a list or mapping.
    private mutating func text(_ field: Field) -> String? {
        guard field.value.scalar != nil else {
            visit(field.value)
            error(at: field.value, "'\(field.name)' takes text, but found \(kind(field.value)); write the text on the same line, or as a block after '\(field.name): |'")
            return nil
        }
        return scalarText(field.value)
    }

    private mutating func requiredText(_ fields: [String: Field], _ key: String, in node: Node, what: String, hint: String) -> String? {
        if let field = fields[key], let value = text(field) { return value }
        if fields[key] == nil || fields[key].map({ $0.value.scalar != nil }) == true {
            error(at: fields[key]?.value ?? node, "\(what) needs '\(key): ' with \(hint)")
        }
        return nil
    }

    /// A scalar's text exactly as written, trimmed; nil for YAML's null forms.
    private mutating func scalarText(_ node: Node) -> String? {
        guard visit(node), !isNull(node), let scalar = node.scalar else { return nil }
        let trimmed = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Whether a mapping holds `key` at all, even where its value was refused.
    private func has(_ node: Node, key: String) -> Bool {
        node.mapping?.contains { $0.key.scalar?.string == key } ?? false
    }

    private func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    // MARK: Aliases, locations, messages

    /// Counts a node against the budget; false once the budget is spent.
    @discardableResult
    private mutating func visit(_ node: Node) -> Bool {
        budget -= 1
        if budget == 0 {
            error(at: node, "the file expands to more values than it has characters, which only anchors and aliases (& and *) can do; write each value out instead")
        }
        return budget > 0
    }

    private mutating func aliasError(at key: Node, from mark: Mark) {
        error(at: key, "this repeats the value from line \(mark.line) through an alias (*); plans do not use anchors and aliases: write the value out")
    }

    private func before(_ a: Mark, _ b: Mark) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    private func kind(_ node: Node) -> String {
        switch node {
        case .mapping: "a mapping (key: value lines)"
        case .sequence: "a list"
        case .scalar(let scalar): "the text '\(scalar.string)'"
        case .alias: "an alias"
        }
    }

    private func location(of node: Node) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    private mutating func error(at node: Node, _ message: String) {
        report(.error, at: node, message)
    }

    private mutating func warning(at node: Node, _ message: String) {
        report(.warning, at: node, message)
    }

    private mutating func report(_ severity: Diagnostic.Severity, at node: Node, _ message: String) {
        let place = location(of: node)
        diagnostics.append(Diagnostic(severity, at: place, message, excerpt: YAMLDiagnostics.excerpt(lines, place.line)))
    }
}
