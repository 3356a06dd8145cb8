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
            case plan, partnership, period, periodKind = "period_kind", group, exceptionsOnly = "exceptions_only"
            case firstDay = "first_day", lastDay = "last_day", asAt = "as_at"
            case previousPeriod = "previous_period", previousAsAt = "previous_as_at"
            case generatedAt = "generated_at", generatedBy = "generated_by", journalHead = "journal_head"
            case summary, previousSummary = "previous_summary", groupSummary = "group_summary", exceptions, movement
            case carriedForward = "carried_forward", earlierYears = "earlier_years", outputs, indicators, key, chased
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(report.title, forKey: .plan)
            try container.encode(report.partnership, forKey: .partnership)
            try container.encode(report.period.description, forKey: .period)
            try container.encode(report.period.noun, forKey: .periodKind)
            try container.encode(report.scope.group.map(GroupRecord.init), forKey: .group)
            try container.encode(report.scope.exceptionsOnly, forKey: .exceptionsOnly)
            try container.encode(report.period.days.first.description, forKey: .firstDay)
            try container.encode(report.period.days.last.description, forKey: .lastDay)
            try container.encode(report.asAt.description, forKey: .asAt)
            try container.encode(report.period.previous.description, forKey: .previousPeriod)
            try container.encode(report.previousAsAt.description, forKey: .previousAsAt)
            try container.encode(report.generated.at.text, forKey: .generatedAt)
            try container.encode(report.generated.by, forKey: .generatedBy)
            try container.encode(report.generated.journalHead.description, forKey: .journalHead)
            try container.encode((report.summary.pillars + [report.summary.total]).map { TallyRecord(tally: $0) }, forKey: .summary)
            try container.encode((report.previousSummary.pillars + [report.previousSummary.total]).map { TallyRecord(tally: $0) }, forKey: .previousSummary)
            try container.encode(report.summary.groups.map { TallyRecord(tally: $0, axis: .group) }, forKey: .groupSummary)
            try container.encode(report.exceptions.map { ExceptionRecord(exception: $0.exception.rawValue, outputs: $0.rows.map(\.output.id)) },
                                 forKey: .exceptions)
            try container.encode(MovementRecord(report), forKey: .movement)
            try container.encode(report.carriedForward.map(\.output.id), forKey: .carriedForward)
            try container.encode((report.earlierYears ?? []).map(EarlierRecord.init), forKey: .earlierYears)
            try container.encode(report.rows.map(ReportRecord.init), forKey: .outputs)
            try container.encode(report.chased.map { ["sent_at": $0.at.text, "sent_by": $0.by, "officer": $0.sent.account, "to": $0.sent.address,
                                                      "agencies": LeadText.text($0.sent.agencies), "outputs": $0.sent.outputIDs.joined(separator: LeadText.separator)] },
                                 forKey: .chased)
            try container.encode(IndicatorRecord.rows(report.indicators), forKey: .indicators)
            // The key goes with the data too: partnerships read the colours differently.
            try container.encode(RAG.live.map { ["rag": $0.rawValue, "letter": $0.letter, "meaning": RAGKey.meaning(of: $0)] }
                + Direction.allCases.map { ["direction": $0.rawValue, "symbol": $0.symbol, "meaning": $0.meaning(since: report.period.before)] }, forKey: .key)
        }
    }

    /// The movement lists; outputs by id, with what changed.
    private struct MovementRecord: Encodable {
        let report: QuarterReport

        init(_ report: QuarterReport) {
            self.report = report
        }

        private enum Keys: String, CodingKey {
            case ragChanges = "rag_changes", newlyCompleted = "newly_completed", newlyOverdue = "newly_overdue"
            case revisedDeadlines = "revised_deadlines", leadsAssigned = "leads_assigned"
        }

        func encode(to encoder: any Encoder) throws {
            let movement = report.movement
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
                 "reason": row.output.revision?.reason ?? "", "slipped_by": report.slip(of: row.output).map(SlipText.text) ?? ""]
            }, forKey: .revisedDeadlines)
            try container.encode(movement.leadsAssigned.map { LeadChange(id: $0.output.id, was: $0.before.output.leads, now: $0.output.leads) },
                                 forKey: .leadsAssigned)
        }
    }

    /// An output an earlier plan year had: where it began, its deadline then and now, and what
    /// was recorded about it before this year.
    private struct EarlierRecord: Encodable {
        let earlier: EarlierOutput

        private enum Keys: String, CodingKey {
            case id, output, retiredOn = "retired_on", firstPlan = "first_plan", firstPlanYear = "first_plan_year", firstID = "first_id"
            case firstDue = "first_due", due, slippedBy = "slipped_by", earlierRecords = "earlier_records"
            case latestEarlierNote = "latest_earlier_note", noteBy = "latest_earlier_note_by", noteAt = "latest_earlier_note_at"
        }

        /// Every key, with null where a value is missing, so readers see one shape.
        func encode(to encoder: any Encoder) throws {
            let (output, origin) = (earlier.output, earlier.origin)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(output.id, forKey: .id)
            try container.encode(output.text, forKey: .output)
            try container.encode(output.retired?.on.description, forKey: .retiredOn)
            try container.encode(origin.file, forKey: .firstPlan)
            try container.encode(origin.yearLabel, forKey: .firstPlanYear)
            try container.encode(origin.id, forKey: .firstID)
            try container.encode(origin.due.written, forKey: .firstDue)
            try container.encode(output.due.written, forKey: .due)
            try container.encode(earlier.slip.map(SlipText.text), forKey: .slippedBy)
            try container.encode(origin.earlierRecords, forKey: .earlierRecords)
            try container.encode(origin.latestEarlierNote?.text, forKey: .latestEarlierNote)
            try container.encode(origin.latestEarlierNote?.by, forKey: .noteBy)
            try container.encode(origin.latestEarlierNote?.at?.text, forKey: .noteAt)
        }
    }

    /// A delivery group, as the report's heading names it.
    private struct GroupRecord: Encodable {
        let name: String
        let short: String?
        let chair: String?
        let coordinator: String?
        let members: [String]
        let reports: String

        init(_ group: DeliveryGroup) {
            name = group.name
            short = group.short
            chair = group.chair
            coordinator = group.coordinator
            members = group.members
            reports = group.reports.rawValue
        }

        private enum Keys: String, CodingKey {
            case name, short, chair, coordinator, members, reports
        }

        /// Every key, with null where a value is missing, so readers see one shape.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(name, forKey: .name)
            try container.encode(short, forKey: .short)
            try container.encode(chair, forKey: .chair)
            try container.encode(coordinator, forKey: .coordinator)
            try container.encode(members, forKey: .members)
            try container.encode(reports, forKey: .reports)
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
