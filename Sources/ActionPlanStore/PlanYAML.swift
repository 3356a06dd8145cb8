internal import Yams
import ActionPlanModel

/// A plan as a plan file: the YAML a coordinator would write, emitted by Yams from a node tree
/// (so every value is quoted as YAML needs), under a header of comments.
public enum PlanYAML {
    /// The plan file for `plan`, `comments` above it each as a `# ` line, and `notes` (by output
    /// id) as comments above their outputs. Nil if Yams cannot emit it.
    public static func text(_ plan: Plan, comments: [String], notes: [String: [String]] = [:]) -> String? {
        guard let body = try? Yams.serialize(node: node(plan), width: 100, allowUnicode: true) else { return nil }
        return comments.map(comment).joined() + (notes.isEmpty ? body : noted(body, ids: plan.entries.map(\.output.id), notes: notes))
    }

    /// `body` with each output's notes as comments above its `- id:` line. Outputs are emitted in
    /// plan order, so the nth `- id:` under an `outputs:` key is the nth output.
    private static func noted(_ body: String, ids: [String], notes: [String: [String]]) -> String {
        var lines: [Substring] = []
        var outputsIndent: Int?
        var next = 0
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let indent = line.prefix { $0 == " " }.count
            let content = line.dropFirst(indent)
            if content == "outputs:" { outputsIndent = indent }
            if content.hasPrefix("- id: "), let outputs = outputsIndent, indent >= outputs, ids.indices.contains(next) {
                let prefix = String(repeating: " ", count: indent)
                lines += (notes[ids[next]] ?? []).map { Substring(prefix + comment($0).dropLast()) }
                next += 1
            } else if content.hasPrefix("- id: ") {
                outputsIndent = nil
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// `text` as one comment line: a line break or other control character in it would end the
    /// comment and let the rest be read as YAML.
    static func comment(_ text: String) -> String {
        let flat = String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
        return (flat.isEmpty ? "#" : "# " + flat) + "\n"
    }

    private static func node(_ plan: Plan) -> Node {
        var fields: [(String, Node?)] = [
            ("plan", text(plan.title)),
            ("partnership", plan.partnership.map(text)),
            ("follows", plan.follows.map(text)),
            ("starts", plan.starts.map { text($0.first.description) }),
            ("ends", plan.ends.map { text($0.last.description) }),
            ("year_starts", text(Month.name(plan.calendar.firstMonth))),
            ("overdue_rag", text(plan.overdueRAG.rawValue)),
        ]
        if !plan.register.isEmpty { fields.append(("agencies", list(plan.register.agencies.map(agency)))) }
        fields.append(("pillars", list(plan.pillars.map(pillar))))
        return mapping(fields)
    }

    private static func agency(_ agency: Agency) -> Node {
        guard agency.short != nil || !agency.aliases.isEmpty else { return text(agency.name) }
        return mapping([("name", text(agency.name)), ("short", agency.short.map(text)), ("aliases", texts(agency.aliases))])
    }

    private static func pillar(_ pillar: Pillar) -> Node {
        mapping([("pillar", text(pillar.name)), ("aim", pillar.aim.isEmpty ? nil : text(pillar.aim)),
                 ("objectives", list(pillar.objectives.map(objective)))])
    }

    private static func objective(_ objective: Objective) -> Node {
        mapping([("id", id(objective.id)), ("objective", text(objective.text)), ("outcomes", texts(objective.outcomes)),
                 ("outputs", list(objective.outputs.map(output)))])
    }

    private static func output(_ output: Output) -> Node {
        mapping([
            ("id", id(output.id)),
            ("output", text(output.text)),
            ("lead", output.leads.count == 1 ? output.leads.first.map(text) : texts(output.leads)),
            ("due", output.due.written.isEmpty ? nil : text(output.due.written)),
            ("measures", texts(output.measures)),
            ("outcomes", texts(output.outcomes)),
            ("status", output.status.map { text($0.rawValue) }),
            ("note", output.note.map(text)),
            ("was", texts(output.was)),
            ("retired", output.retired.map { mapping([("on", text($0.written)), ("reason", text($0.reason))]) }),
        ])
    }

    /// A mapping of the fields that have a value, in the order given.
    private static func mapping(_ fields: [(String, Node?)]) -> Node {
        .mapping(Node.Mapping(fields.compactMap { key, value in value.map { (text(key), $0) } }))
    }

    private static func list(_ nodes: [Node]) -> Node {
        .sequence(Node.Sequence(nodes))
    }

    /// A list of texts, or nothing when it is empty.
    private static func texts(_ values: [String]) -> Node? {
        values.isEmpty ? nil : list(values.map(text))
    }

    private static func text(_ value: String) -> Node {
        .scalar(Node.Scalar(value))
    }

    /// Ids quoted, as plans write them, so other YAML readers do not take `1.10` for a number.
    private static func id(_ value: String) -> Node {
        .scalar(Node.Scalar(value, .implicit, .doubleQuoted))
    }
}
