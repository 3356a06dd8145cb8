import ActionPlanModel
import Foundation

/// Builds a `Plan` from a composed YAML tree, checking every key and value as it goes.
///
/// It records every problem it can find, each at its line and column, rather than stopping at the
/// first: a coordinator fixing a transcribed plan wants the whole list at once.
struct PlanDecoder {
    private(set) var reader: NodeReader
    private var ids: [String: SourceLocation] = [:]
    private var calendar = ReportingCalendar() {
        didSet { dues = DueReader(calendar: calendar) }
    }
    private var register = AgencyRegister()
    private var groups: [DeliveryGroup] = []
    /// Where each output's `was` and `due` are written, for problems found once every output is read.
    private var wasFields: [String: YAMLValue] = [:]
    private var dueFields: [String: YAMLValue] = [:]
    /// Indicators declared under pillars and objectives, in the order read.
    private var scoped: [Indicator] = []
    /// Reads each output's `due`, each distinct text once: a plan of 10,000 outputs writes a few
    /// hundred dates, and reading one cost a third of decoding its output.
    private var dues = DueReader(calendar: ReportingCalendar())

    init(reader: NodeReader) {
        self.reader = reader
    }

    /// The problems found, in the order found.
    var diagnostics: [Diagnostic] { reader.diagnostics }
    /// Warnings for `check` alone: worth a look, but nothing any other command need mention.
    private(set) var advice: [Diagnostic] = []

    private enum Keys {
        static let plan = ["plan", "partnership", "starts", "ends", "year_starts", "overdue_rag", "agencies", "groups", "pillars", "indicators", "follows", "next_meeting", "updates_due"]
        static let agency = ["name", "short", "aliases"]
        static let group = ["name", "short", "chair", "coordinator", "members", "reports"]
        static let pillar = ["pillar", "aim", "objectives", "indicators"]
        static let objective = ["id", "objective", "outcomes", "group", "outputs", "indicators"]
        static let output = ["id", "output", "lead", "due", "measures", "outcomes", "status", "note", "group", "was", "retired"]
        static let retired = ["on", "reason"]
        static let indicator = ["id", "indicator", "unit", "better", "frequency", "lead", "source", "baseline", "target",
                                "tolerance", "areas", "comparators"]
        static let baseline = ["value", "period"]
        /// Words people reach for, and the key this format uses for them.
        static let synonyms = [
            "title": "plan", "name": "pillar", "deadline": "due", "date": "due", "completion_date": "due",
            "completion": "due", "lead_agency": "lead", "owner": "lead", "leads": "lead", "measurement": "measures",
            "evidence": "measures", "notes": "note", "comment": "note", "text": "output", "description": "output",
            "actions": "outputs", "priorities": "pillars", "year_start": "year_starts",
            "delivery_groups": "groups", "operational_groups": "groups", "delivery_group": "group", "chaired_by": "chair",
            "agencies": "members",
            "renumbered": "was", "formerly": "was", "previous_id": "was", "removed": "retired", "withdrawn": "retired",
            "rolled_over_from": "follows", "previous_plan": "follows", "why": "reason",
            "meeting": "next_meeting", "next_review": "next_meeting", "deadline_for_updates": "updates_due", "updates_by": "updates_due",
            "kpis": "indicators", "measures_of_success": "indicators", "targets": "target", "direction": "better",
            "frequency_of_reporting": "frequency", "breakdown": "areas", "boroughs": "areas", "benchmarks": "comparators",
        ]
    }

    // MARK: The plan

    mutating func decode(_ root: YAMLValue) -> Plan? {
        guard let fields = reader.fields(of: root, what: "a plan", allowed: Keys.plan, synonyms: Keys.synonyms) else { return nil }
        let title = reader.requiredText(fields, "plan", in: root, what: "a plan", hint: "its title")

        if let field = fields["year_starts"], let text = reader.text(field) {
            if let month = Month.number(named: text) {
                calendar = ReportingCalendar(firstMonth: month)
            } else {
                reader.error(at: field.value, "year_starts takes a month name, such as 'April'; found '\(text)'")
            }
        }
        var overdueRAG = OverdueRAG.byDate
        if let field = fields["overdue_rag"], let text = reader.text(field) {
            if let value = OverdueRAG(rawValue: text.lowercased()) {
                overdueRAG = value
            } else {
                reader.error(at: field.value, "overdue_rag is 'by-date' or 'as-rated'; found '\(text)'")
            }
        }
        let starts = period(fields["starts"])
        let ends = period(fields["ends"])
        if let starts, let ends, ends.last < starts.first, let field = fields["ends"] {
            reader.error(at: field.value, "the plan ends (\(ends.last)) before it starts (\(starts.first)); check 'starts' and 'ends'")
        }
        if let field = fields["agencies"] {
            register = AgencyRegister(reader.items(field, what: "agencies").compactMap { agency($0) })
        }
        if let field = fields["groups"] {
            for node in reader.items(field, what: "groups") {
                if let group = group(node) { groups.append(group) }
            }
        }
        var pillars: [Pillar] = []
        if let field = fields["pillars"] {
            let nodes = reader.items(field, what: "pillars")
            if nodes.isEmpty, field.value.scalar == nil || reader.isNull(field.value) {
                reader.error(at: field.value, "'pillars' is empty; list at least one, such as '- pillar: Prevention'")
            }
            pillars = nodes.compactMap { pillar($0) }
        } else if !reader.has(root, key: "pillars") {
            reader.error(at: root, "a plan needs 'pillars:', a list such as '- pillar: Prevention' (see docs/plan-format.md)")
        }
        checkClaims(in: pillars)
        let meeting = meeting(fields)
        let previous = fields["follows"].flatMap { follows($0) }
        let indicators = indicators(fields["indicators"], scope: .plan) + scoped
        guard let title, !reader.hasErrors else { return nil }
        warnAboutLeads(in: pillars, fields: fields)
        warnAboutDeadlines(in: pillars, starts: starts, ends: ends)
        return Plan(title: title, partnership: fields["partnership"].flatMap { reader.text($0) }, starts: starts, ends: ends,
                    calendar: calendar, overdueRAG: overdueRAG, register: register, groups: groups, pillars: pillars,
                    indicators: indicators, follows: previous, meeting: meeting)
    }

    /// The indicators a plan, pillar or objective declares, each belonging to `scope`.
    private mutating func indicators(_ field: NodeReader.Field?, scope: Indicator.Scope) -> [Indicator] {
        guard let field else { return [] }
        return reader.items(field, what: "indicators").compactMap { indicator($0, scope: scope) }
    }

    private mutating func indicator(_ node: YAMLValue, scope: Indicator.Scope) -> Indicator? {
        guard let fields = reader.fields(of: node, what: "an indicator", allowed: Keys.indicator, synonyms: ["name": "indicator"].merging(Keys.synonyms) { first, _ in first })
        else { return nil }
        let id = identifier(fields, in: node, what: "an indicator")
        let name = reader.requiredText(fields, "indicator", in: node, what: "an indicator", hint: "its name, such as 'Referrals to MARAC'")
        let unit = choice(fields["unit"], IndicatorUnit.self) ?? .count
        let frequency = choice(fields["frequency"], Indicator.Frequency.self) ?? .quarterly
        let target = fields["target"].flatMap { goal($0) }
        var better = choice(fields["better"], Indicator.Better.self) ?? .up
        if fields["better"] == nil, case .range? = target { better = .range }
        if better == .range, let field = fields["better"] {
            switch target {
            case .range?: break
            default: reader.error(at: field.value, "'better: range' needs an expected range as its target, such as 'target: 4-10%'")
            }
        }
        var baseline: Indicator.Baseline?
        if let field = fields["baseline"], let parts = reader.fields(of: field.value, what: "a baseline", allowed: Keys.baseline) {
            let value = parts["value"].flatMap { number($0) }
            let period = reader.requiredText(parts, "period", in: field.value, what: "a baseline", hint: "the period it was measured in, such as 2013/14")
            if parts["value"] == nil { reader.error(at: field.value, "a baseline needs 'value: ' with the figure, such as 'value: 312'") }
            if let value, let period { baseline = Indicator.Baseline(value: value, period: period) }
        }
        var tolerance = Indicator.defaultTolerance
        if let field = fields["tolerance"], let value = number(field) {
            if (0...100).contains(value) { tolerance = value / 100 } else { reader.error(at: field.value, "tolerance is a percentage of the target, such as '10%'") }
        }
        let areas = fields["areas"].map { reader.texts($0) } ?? []
        let comparators = fields["comparators"].map { reader.texts($0) } ?? []
        let lead = fields["lead"].flatMap { reader.text($0) }
        // As for an output's lead: the agency supplying the figures decides who may record them.
        if let lead, let field = fields["lead"], !register.isEmpty, register.agency(named: lead) == nil {
            let hint = agencyHint(lead)
            reader.warning(at: field.value, "indicator \(id ?? ""): lead '\(lead)' is not in the agency register; \(hint)add it to 'agencies:' (with 'aliases:' for other spellings)")
        }
        guard let id, let name else { return nil }
        return Indicator(id: id, name: name, scope: scope, unit: unit, better: better, frequency: frequency,
                         lead: lead, source: fields["source"].flatMap { reader.text($0) },
                         baseline: baseline, target: target, tolerance: tolerance, areas: areas, comparators: comparators)
    }

    /// One of a fixed set of words (`unit: percentage`), or an error listing them.
    private mutating func choice<Word: RawRepresentable & CaseIterable>(_ field: NodeReader.Field?, _: Word.Type) -> Word? where Word.RawValue == String {
        guard let field, let text = reader.text(field) else { return nil }
        if let word = Word(rawValue: text.lowercased()) { return word }
        let names = Word.allCases.map(\.rawValue)
        let hint = Suggestion.nearest(to: text, among: names).map { "did you mean '\($0)'? " } ?? ""
        reader.error(at: field.value, "'\(field.name)' is one of: \(names.joined(separator: ", ")); \(hint)found '\(text)'")
        return nil
    }

    /// A figure (`187`, `12.5%`, `£1,200`), or an error saying what to write.
    private mutating func number(_ field: NodeReader.Field) -> Double? {
        guard let text = reader.text(field) else { return nil }
        if let value = FigureNumber.parse(text) { return value }
        reader.error(at: field.value, "'\(field.name)' takes a number, such as 187, 12.5 or 10%; found '\(text)'")
        return nil
    }

    /// A target: one number for the plan (`400`), an expected range (`4-10%`), or a number per
    /// reporting year (`2015/16: 400`).
    private mutating func goal(_ field: NodeReader.Field) -> Indicator.Target? {
        guard field.value.mapping != nil else {
            guard let text = reader.text(field) else { return nil }
            let ends = text.split(omittingEmptySubsequences: false) { $0 == "–" || $0 == "-" }.map { String($0) }
            if ends.count == 2, let low = FigureNumber.parse(ends[0] + (text.hasSuffix("%") ? "%" : "")), let high = FigureNumber.parse(ends[1]) {
                guard low <= high else {
                    reader.error(at: field.value, "a range gives its lower end first, such as '4-10%'; found '\(text)'")
                    return nil
                }
                return .range(low: low, high: high)
            }
            if let value = FigureNumber.parse(text) { return .plan(value) }
            reader.error(at: field.value, "a target is a number (400), a range (4-10%), or a number per reporting year ('2015/16: 400'); found '\(text)'")
            return nil
        }
        var years: [Int: Double] = [:]
        for pair in reader.pairs(of: field.value.mapping ?? []) {
            guard let text = pair.key.scalar?.text, let period = Period.parse(text, calendar: calendar),
                  case let start = period.first.month >= calendar.firstMonth ? period.first.year : period.first.year - 1,
                  calendar.year(startingIn: start) == period else {
                reader.error(at: pair.key, "each key of a target per year is a reporting year, such as '\(calendar.yearLabel(startingIn: 2015))'")
                continue
            }
            if let number = number(NodeReader.Field(name: "target", key: pair.key, value: pair.value)) { years[start] = number }
        }
        return .perYear(years)
    }

    private mutating func period(_ field: NodeReader.Field?) -> Period? {
        guard let field, let text = reader.text(field) else { return nil }
        switch Due.parse(text, calendar: calendar) {
        case .success(let due):
            if case .by(let period) = due.meaning { return period }
            reader.error(at: field.value, "'\(field.name)' takes a date, such as 'April 2014' or '2014-04-01'; found '\(text)'")
        case .failure(let problem):
            reader.error(at: field.value, problem.message)
        }
        return nil
    }

    /// `next_meeting:` and `updates_due:`, each one day; updates are due before the meeting.
    private mutating func meeting(_ fields: NodeReader.Fields) -> Meeting {
        let next = day(fields["next_meeting"])
        let due = day(fields["updates_due"])
        if let next, let due, next < due, let field = fields["updates_due"] {
            reader.error(at: field.value, "updates are due (\(due)) after the meeting (\(next)); give a day on or before \(next)")
        }
        return Meeting(next: next, updatesDue: due)
    }

    /// One day, in any form `due` accepts that names a single day (`2015-07-09`).
    private mutating func day(_ field: NodeReader.Field?) -> Day? {
        guard let field, let text = reader.text(field) else { return nil }
        if case .success(let due) = Due.parse(text, calendar: calendar), case .by(let period) = due.meaning, period.first == period.last {
            return period.first
        }
        reader.error(at: field.value, "'\(field.name)' takes one day, such as '2015-07-09'; found '\(text)'")
        return nil
    }

    private mutating func agency(_ node: YAMLValue) -> Agency? {
        if node.scalar != nil {
            return reader.scalarText(node).map { Agency(name: $0) }
        }
        guard let fields = reader.fields(of: node, what: "an agency", allowed: Keys.agency, synonyms: Keys.synonyms),
              let name = reader.requiredText(fields, "name", in: node, what: "an agency", hint: "its full name") else { return nil }
        let aliases = fields["aliases"].map { reader.texts($0) } ?? []
        return Agency(name: name, short: fields["short"].flatMap { reader.text($0) }, aliases: aliases)
    }

    // MARK: Delivery groups

    private mutating func group(_ node: YAMLValue) -> DeliveryGroup? {
        guard let fields = reader.fields(of: node, what: "a group", allowed: Keys.group, synonyms: Keys.synonyms),
              let name = reader.requiredText(fields, "name", in: node, what: "a group", hint: "its full name, such as 'Harmful Practices Operational Group'")
        else { return nil }
        let short = fields["short"].flatMap { reader.text($0) }
        for spelling in [name] + (short.map { [$0] } ?? []) {
            if let taken = groups.first(where: { $0.isNamed(spelling) }), let field = fields[spelling == name ? "name" : "short"] {
                reader.error(at: field.value, "group '\(spelling)' is named twice (also '\(taken.name)'); give each group its own name and short form")
                return nil
            }
        }
        var reports = DeliveryGroup.Cadence.quarterly
        if let field = fields["reports"], let text = reader.text(field) {
            if let cadence = DeliveryGroup.Cadence(rawValue: text.lowercased()) {
                reports = cadence
            } else {
                let names = DeliveryGroup.Cadence.allCases.map(\.rawValue)
                let hint = Suggestion.nearest(to: text, among: names).map { "did you mean '\($0)'? " } ?? ""
                reader.error(at: field.value, "unknown reporting cadence '\(text)'; \(hint)write one of: \(names.joined(separator: ", "))")
            }
        }
        var members: [String] = []
        if let field = fields["members"] {
            members = reader.texts(field)
            warnAboutMembers(members, of: name, at: field)
        }
        return DeliveryGroup(name: name, short: short, chair: fields["chair"].flatMap { reader.text($0) },
                             coordinator: fields["coordinator"].flatMap { reader.text($0) }, members: members, reports: reports)
    }

    /// With a register, warn about each member it does not know, as about leads.
    private mutating func warnAboutMembers(_ members: [String], of group: String, at field: NodeReader.Field) {
        guard !register.isEmpty else { return }
        for member in members where register.agency(named: member) == nil {
            let hint = agencyHint(member)
            reader.warning(at: field.value, "group '\(group)': member '\(member)' is not in the agency register; \(hint)add it to 'agencies:' (with 'aliases:' for other spellings)")
        }
    }

    /// "did you mean …? " for an agency the register does not know, or nothing.
    private func agencyHint(_ text: String) -> String {
        Suggestion.nearest(to: text, among: register.agencies.flatMap(\.spellings)).map { "did you mean '\($0)'? " } ?? ""
    }

    /// The name of the group a `group:` key names, or an error saying which groups there are.
    private mutating func groupName(_ field: NodeReader.Field?) -> String? {
        guard let field, let text = reader.text(field) else { return nil }
        if let group = groups.first(where: { $0.isNamed(text) }) { return group.name }
        let spellings = groups.flatMap(\.spellings)
        let hint = Suggestion.nearest(to: text, among: spellings).map { "did you mean '\($0)'? " } ?? ""
        let known = spellings.isEmpty ? "the plan declares no groups: add it under 'groups:'" : "the plan's groups are: \(groups.map(\.label).joined(separator: ", "))"
        reader.error(at: field.value, "unknown group '\(text)'; \(hint)\(known)")
        return nil
    }

    // MARK: Pillars, objectives, outputs

    private mutating func pillar(_ node: YAMLValue) -> Pillar? {
        guard let fields = reader.fields(of: node, what: "a pillar", allowed: Keys.pillar, synonyms: Keys.synonyms),
              let name = reader.requiredText(fields, "pillar", in: node, what: "a pillar", hint: "its name, such as Prevention")
        else { return nil }
        if !Pillar.fourPs.contains(name), let meant = Suggestion.nearest(to: name, among: Pillar.fourPs),
           let field = fields["pillar"] {
            reader.warning(at: field.value, "pillar '\(name)' is not one of the four Ps; did you mean '\(meant)'?")
        }
        scoped += indicators(fields["indicators"], scope: .pillar(name))
        let objectives = fields["objectives"].map { reader.items($0, what: "objectives").compactMap { objective($0) } } ?? []
        return Pillar(name: name, aim: fields["aim"].flatMap { reader.text($0) } ?? "", objectives: objectives)
    }

    private mutating func objective(_ node: YAMLValue) -> Objective? {
        guard let fields = reader.fields(of: node, what: "an objective", allowed: Keys.objective, synonyms: Keys.synonyms) else { return nil }
        let id = identifier(fields, in: node, what: "an objective")
        let words = reader.requiredText(fields, "objective", in: node, what: "an objective", hint: "its text")
        let outcomes = fields["outcomes"].map { reader.texts($0) } ?? []
        let group = groupName(fields["group"])
        let written = fields["outputs"].map { reader.items($0, what: "outputs") } ?? []
        let outputs = written.compactMap { output($0, group: group) }
        if let id { scoped += indicators(fields["indicators"], scope: .objective(id)) }
        guard let id, let words else { return nil }
        if written.isEmpty {
            reader.warning(at: fields["outputs"]?.value ?? node, "objective '\(id)' has no outputs, so nothing under it can be tracked")
        }
        return Objective(id: id, text: words, outcomes: outcomes, group: group, outputs: outputs)
    }

    /// An output, in the group `group` unless it names its own.
    private mutating func output(_ node: YAMLValue, group: String?) -> Output? {
        guard let fields = reader.fields(of: node, what: "an output", allowed: Keys.output, synonyms: Keys.synonyms) else { return nil }
        let id = identifier(fields, in: node, what: "an output")
        let words = reader.requiredText(fields, "output", in: node, what: "an output", hint: "what will be done")
        var due = Due.none
        if let field = fields["due"], let written = reader.text(field) {
            if let id { dueFields[id] = field.value }
            switch dues.parse(written) {
            case .success(let parsed): due = parsed
            case .failure(let problem): reader.error(at: field.value, problem.message)
            }
        }
        var status: Status?
        if let field = fields["status"], let written = reader.text(field) {
            status = Status(written: written)
            if status == nil {
                let names = Status.allCases.map(\.rawValue)
                let hint = Suggestion.nearest(to: written, among: names).map { "did you mean '\($0)'? " } ?? ""
                reader.error(at: field.value, "unknown status '\(written)'; \(hint)write one of: \(names.joined(separator: ", "))")
            }
        }
        let leads = fields["lead"].map { reader.texts($0, scalarAllowed: true) } ?? []
        let ownGroup = groupName(fields["group"])
        let was = fields["was"].map { earlierIDs($0) } ?? []
        let retired = fields["retired"].flatMap { retirement($0) }
        guard let id, let words else { return nil }
        if was.contains(id), let field = fields["was"] {
            reader.error(at: field.value, "output \(id) lists its own id under 'was'; 'was' holds the ids it had before, such as 'was: \"2.1\"'")
        }
        if let field = fields["was"] { wasFields[id] = field.value }
        return Output(id: id, text: words, leads: leads, due: due, measures: fields["measures"].map { reader.texts($0) } ?? [],
                      outcomes: fields["outcomes"].map { reader.texts($0) } ?? [], status: status,
                      note: fields["note"].flatMap { reader.text($0) }, group: ownGroup ?? group, was: was, retired: retired)
    }

    // MARK: The plan's life

    /// The ids an output had before (`was: "2.1"` or `was: ["2.1", "2.2"]`), each well formed.
    private mutating func earlierIDs(_ field: NodeReader.Field) -> [String] {
        let ids = reader.texts(field, scalarAllowed: true)
        for id in ids where !Self.isWellFormed(id) {
            reader.error(at: field.value, "'was' takes the ids the output had before, such as 'was: \"2.1\"'; '\(id)' is not an id")
        }
        return ids.filter(Self.isWellFormed)
    }

    /// `retired: {on: DATE, reason: TEXT}`: the output's last day in the plan and why it left.
    private mutating func retirement(_ field: NodeReader.Field) -> Retirement? {
        let example = "write 'retired: {on: 2016-03-31, reason: Merged into 1.4}'"
        guard field.value.mapping != nil else {
            reader.error(at: field.value, "'retired' takes the day it left the plan and why: \(example)")
            return nil
        }
        guard let fields = reader.fields(of: field.value, what: "a retirement", allowed: Keys.retired, synonyms: Keys.synonyms) else { return nil }
        let written = reader.requiredText(fields, "on", in: field.value, what: "a retirement", hint: "its last day in the plan, such as 2016-03-31")
        let reason = reader.requiredText(fields, "reason", in: field.value, what: "a retirement", hint: "why it left the plan, such as 'Merged into 1.4'")
        guard let written, let reason, let on = fields["on"] else { return nil }
        switch Due.parse(written, calendar: calendar) {
        case .success(let due):
            if let day = due.deadline { return Retirement(on: day, written: written, reason: reason) }
            reader.error(at: on.value, "'on' takes the day the output left the plan, such as 2016-03-31 or 'March 2016'; found '\(written)'")
        case .failure(let problem):
            reader.error(at: on.value, problem.message)
        }
        return nil
    }

    /// `follows: harrow-vawg-2014-17.yaml`: the previous year's plan file, beside this one.
    private mutating func follows(_ field: NodeReader.Field) -> String? {
        guard let name = reader.text(field) else { return nil }
        guard name.hasSuffix(".yaml") || name.hasSuffix(".yml"), !name.contains("/") else {
            reader.error(at: field.value, "'follows' names the previous year's plan file in this folder, such as 'follows: harrow-vawg-2014-17.yaml'; found '\(name)'")
            return nil
        }
        return name
    }

    /// Every output of `pillars`, walked in place: arrays of them made for each of the three
    /// checks that walk them cost 7-10 M instructions each at 10,000 outputs.
    private static func outputs(in pillars: [Pillar]) -> some Sequence<Output> {
        pillars.lazy.flatMap(\.objectives).flatMap(\.outputs)
    }

    /// Each old id may be claimed by one output only: two outputs cannot both own its records.
    private mutating func checkClaims(in pillars: [Pillar]) {
        var claimed: [String: String] = [:]
        for output in Self.outputs(in: pillars) {
            for old in output.was {
                if let first = claimed[old], first != output.id, let node = wasFields[output.id] {
                    reader.error(at: node, "outputs \(first) and \(output.id) both say they 'was' \(old); its records can belong to one of them only")
                }
                claimed[old] = claimed[old] ?? output.id
            }
        }
    }

    /// Advises about each deadline outside the plan's own `starts`..`ends`: a typo in the year,
    /// or work that belongs in another year's plan. Source plans do date work past their own end,
    /// so this is for `check` to say, not every command.
    private mutating func warnAboutDeadlines(in pillars: [Pillar], starts: Period?, ends: Period?) {
        guard starts != nil || ends != nil else { return }
        // Quoted once, not for each output it names: quoting cost more than the rest of the check.
        let plan = Shell.quote(reader.file)
        for output in Self.outputs(in: pillars) {
            guard let deadline = output.due.deadline, let node = dueFields[output.id] else { continue }
            if let starts, deadline < starts.first {
                advice.append(Diagnostic(.warning, at: reader.location(of: node), "output \(output.id) is due \(deadline), before the plan starts (\(starts.first)); if it was carried over late, revise its date ('actionplan update \(output.id) --plan \(plan) --due DATE --reason TEXT'), otherwise check the year"))
            } else if let ends, deadline > ends.last {
                advice.append(Diagnostic(.warning, at: reader.location(of: node), "output \(output.id) is due \(deadline), after the plan ends (\(ends.last)); check the year, or carry it into the next plan with 'actionplan rollover'"))
            }
        }
    }

    /// An objective's or output's id: well formed, and not used before in this file.
    private mutating func identifier(_ fields: NodeReader.Fields, in node: YAMLValue, what: String) -> String? {
        guard let id = reader.requiredText(fields, "id", in: node, what: what, hint: "an id such as 1.2"),
              let field = fields["id"] else { return nil }
        guard Self.isWellFormed(id) else {
            reader.error(at: field.value, "id '\(id)' may hold only letters, digits, '.', '-' and '_', starting with a letter or digit, such as '1.2' or 'PV-3'")
            return nil
        }
        let here = reader.location(of: field.value)
        if let first = ids[id] {
            reader.error(at: field.value, "id '\(id)' is used twice: at line \(first.line) and here at line \(here.line); give each objective and output its own id")
            return nil
        }
        ids[id] = here
        return id
    }

    /// ASCII letters, digits, '.', '-' and '_', starting with a letter or digit.
    private static func isWellFormed(_ id: String) -> Bool {
        // By byte, not by each scalar's Unicode properties: every output has an id, and asking them was half of checking it.
        func isAlphanumeric(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
        guard let first = id.utf8.first, isAlphanumeric(first) else { return false }
        return id.utf8.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
    }

    /// With a register, warn about each lead it does not know, suggesting the nearest spelling.
    private mutating func warnAboutLeads(in pillars: [Pillar], fields: NodeReader.Fields) {
        guard !register.isEmpty else { return }
        for output in Self.outputs(in: pillars) {
            for lead in output.leads where register.agency(named: lead) == nil {
                let hint = agencyHint(lead)
                let place = ids[output.id] ?? SourceLocation(file: reader.file, line: 1, column: 1)
                reader.report(.warning, at: place,
                    "output \(output.id): lead '\(lead)' is not in the agency register; \(hint)add it to 'agencies:' (with 'aliases:' for other spellings)",
                )
            }
        }
    }
}
