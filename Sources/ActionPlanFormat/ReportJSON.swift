import ActionPlanModel

/// A quarter's report as JSON for other tools: the same sections as the HTML, as data.
public enum ReportJSON {
    public static func render(_ report: QuarterReport) -> String {
        DataText.json(Document(report))
    }

    /// The whole report; outputs are named by id outside `outputs`.
    private struct Document: Encodable {
        let report: QuarterReport

        init(_ report: QuarterReport) {
            self.report = report
        }

        private enum Keys: String, CodingKey {
            case plan, partnership, quarter, firstDay = "first_day", lastDay = "last_day", asAt = "as_at"
            case previousQuarter = "previous_quarter", previousAsAt = "previous_as_at"
            case generatedAt = "generated_at", generatedBy = "generated_by", journalHead = "journal_head"
            case summary, previousSummary = "previous_summary", exceptions, movement, outputs, indicators, key
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(report.title, forKey: .plan)
            try container.encode(report.partnership, forKey: .partnership)
            try container.encode(report.quarter.description, forKey: .quarter)
            try container.encode(report.quarter.period.first.description, forKey: .firstDay)
            try container.encode(report.quarter.period.last.description, forKey: .lastDay)
            try container.encode(report.asAt.description, forKey: .asAt)
            try container.encode(report.quarter.previous.description, forKey: .previousQuarter)
            try container.encode(report.previousAsAt.description, forKey: .previousAsAt)
            try container.encode(report.generated.at.text, forKey: .generatedAt)
            try container.encode(report.generated.by, forKey: .generatedBy)
            try container.encode(report.generated.journalHead.description, forKey: .journalHead)
            try container.encode((report.summary.pillars + [report.summary.total]).map(TallyRecord.init), forKey: .summary)
            try container.encode((report.previousSummary.pillars + [report.previousSummary.total]).map(TallyRecord.init), forKey: .previousSummary)
            try container.encode(report.exceptions.map { ExceptionRecord(exception: $0.exception.rawValue, outputs: $0.rows.map(\.output.id)) },
                                 forKey: .exceptions)
            try container.encode(MovementRecord(report.movement), forKey: .movement)
            try container.encode(report.rows.map(ReportRecord.init), forKey: .outputs)
            try container.encode(IndicatorRecord.rows(report.indicators), forKey: .indicators)
            // The key goes with the data too: partnerships read the colours differently.
            try container.encode(RAG.live.map { ["rag": $0.rawValue, "letter": $0.letter, "meaning": RAGKey.meaning(of: $0)] }
                + Direction.allCases.map { ["direction": $0.rawValue, "symbol": $0.symbol, "meaning": $0.meaning] }, forKey: .key)
        }
    }

    /// One pillar's counts, or the whole plan's.
    private struct TallyRecord: Encodable {
        let tally: Tally

        private enum Keys: String, CodingKey {
            case pillar, blue, green, amber, red, grey, live, dropped, percentComplete = "percent_complete"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(tally.name, forKey: .pillar)
            for (colour, key) in [(RAG.blue, Keys.blue), (.green, .green), (.amber, .amber), (.red, .red), (.grey, .grey)] {
                try container.encode(tally.count(colour), forKey: key)
            }
            try container.encode(tally.live, forKey: .live)
            try container.encode(tally.dropped, forKey: .dropped)
            try container.encode(tally.percentComplete, forKey: .percentComplete)
        }
    }

    /// The movement lists; outputs by id, with what changed.
    private struct MovementRecord: Encodable {
        let movement: Movement

        init(_ movement: Movement) {
            self.movement = movement
        }

        private enum Keys: String, CodingKey {
            case ragChanges = "rag_changes", newlyCompleted = "newly_completed", newlyOverdue = "newly_overdue"
            case revisedDeadlines = "revised_deadlines", leadsAssigned = "leads_assigned"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(movement.ragChanges.map {
                ["id": $0.output.id, "was": $0.before.assessment.rating.rag.rawValue, "now": $0.now.assessment.rating.rag.rawValue,
                 "direction": $0.direction.rawValue]
            }, forKey: .ragChanges)
            try container.encode(movement.newlyCompleted.map(\.output.id), forKey: .newlyCompleted)
            try container.encode(movement.newlyOverdue.map(\.output.id), forKey: .newlyOverdue)
            try container.encode(movement.revisedDeadlines.map { row in
                ["id": row.output.id, "original_due": row.output.revision?.original.written ?? "", "revised_due": row.output.due.written,
                 "revised_by": row.output.revision?.by ?? "", "revised_at": row.output.revision?.at.text ?? "",
                 "reason": row.output.revision?.reason ?? ""]
            }, forKey: .revisedDeadlines)
            try container.encode(movement.leadsAssigned.map { LeadChange(id: $0.output.id, was: $0.before.output.leads, now: $0.output.leads) },
                                 forKey: .leadsAssigned)
        }
    }

    /// The outputs listed under one exception.
    private struct ExceptionRecord: Encodable {
        let exception: String
        let outputs: [String]
    }

    /// An output's leads before and after the quarter.
    private struct LeadChange: Encodable {
        let id: String
        let was: [String]
        let now: [String]
    }
}
