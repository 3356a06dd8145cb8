import ActionPlanModel
import Foundation

/// What the actions list shows: the shared query, plus a text search and "my agency's".
public struct ListFilter: Hashable, Sendable {
    public var query = Query()
    public var search = ""
    /// Only the outputs the user's agencies lead.
    public var mine = false
    /// Only the outputs of this RAG colour (the overview's counts open the list with it).
    public var rag: RAG?

    public init() {}

    public var isEmpty: Bool { self == ListFilter() }

    /// `overdue, stale · pillar Prevention · mine · “refuge”`, or `all actions`.
    func describe(plan: Plan, agencies: [String]) -> String {
        var parts: [String] = []
        if !query.flags.isEmpty { parts.append(query.flags.map(\.rawValue).joined(separator: ", ")) }
        if let pillar = query.pillar, plan.pillars.indices.contains(pillar) { parts.append("pillar \(plan.pillars[pillar].name)") }
        if let lead = query.lead { parts.append("lead \(lead)") }
        if let group = query.group { parts.append("group \(plan.group(named: group)?.label ?? group)") }
        if let status = query.status { parts.append("status \(status.words)") }
        if let rag { parts.append("RAG \(rag.letter) \(rag.meaning)") }
        if mine { parts.append("mine (\(LeadText.text(agencies, none: "no agency")))") }
        if !search.isEmpty { parts.append("“\(search)”") }
        return parts.isEmpty ? "all actions" : parts.joined(separator: " · ")
    }

    /// Whether a row passes the parts of the filter that the query does not cover.
    func admits(_ row: Row, plan: Plan, agencies: [String]) -> Bool {
        if mine, !agencies.contains(where: { plan.isLed(row.output, by: $0) }) { return false }
        if let rag, row.assessment.rating.rag != rag { return false }
        guard !search.isEmpty else { return true }
        let output = row.output
        let haystack = ([output.id, output.text, output.due.written, output.latestNote?.text ?? ""] + output.leads).joined(separator: " ")
        return haystack.localizedLowercase.contains(search.localizedLowercase)
    }
}
