import ActionPlanModel

extension ReportDocument {
    /// The sections of `report`, in the order the steering group reads them.
    init(_ report: QuarterReport) {
        let quarter = report.quarter
        let running = report.asAt < quarter.period.last
        title = "\(report.title): \(quarter) report"
        subtitle = (report.partnership.map { [$0] } ?? []) + [
            "\(quarter): \(Self.date(quarter.period.first)) to \(Self.date(quarter.period.last)); "
                + (running ? "to date, as at \(Self.date(report.asAt)) (the quarter is not over)" : "as at \(Self.date(report.asAt))"),
        ]
        generated = "Generated \(report.generated.at.readable) by \(report.generated.by)"
        journalHead = ReportHead.line(report.generated.journalHead)
        summary = report.summary
        sections = [
            Self.summarySection(report),
            Self.exceptionsSection(report),
            Self.movementSection(report),
            Self.indicatorsSection(report),
            Self.planSection(report),
            Section(id: "key", title: "Key", blocks: [.key, .paragraph("Dropped actions have no colour and are not counted as live.")]),
        ]
    }

    private static func summarySection(_ report: QuarterReport) -> Section {
        let columns = [Column("Pillar", .wide)] + RAG.live.map { Column("\($0.letter) \($0.rawValue)", .medium) }
            + [Column("Live", .narrow), Column("Complete", .medium), Column("Complete at \(report.quarter.previous)", .medium)]
        let rows = zip(report.summary.pillars + [report.summary.total], report.previousSummary.pillars + [report.previousSummary.total])
            .map { tally, before -> [Cell] in
                [.text(tally.name)] + RAG.live.map { .number(String(tally.count($0))) }
                    + [.number(String(tally.live)), .number(tally.percentCompleteText), .number(before.percentCompleteText)]
            }
        return Section(id: "summary", title: "Summary by pillar", blocks: [
            .paragraph("Live actions by RAG as at \(date(report.asAt)), with the share complete then and at the end of \(report.quarter.previous)."),
            .bars,
            .table(Table(columns: columns, rows: rows)),
            .paragraph(RAGKey.line),
        ])
    }

    private static func exceptionsSection(_ report: QuarterReport) -> Section {
        let count = report.exceptions.reduce(0) { $0 + $1.rows.count }
        var blocks: [Block] = [.paragraph(count == 0
            ? "None: every open action is dated, led, neither red nor amber, and was updated this quarter."
            : "\(count) open action\(count == 1 ? "" : "s") to discuss, each listed once under the first that applies: "
                + Exception.allCases.map { $0.heading.lowercased() }.joined(separator: ", ") + ".")]
        for group in report.exceptions {
            blocks.append(.heading("\(group.exception.heading) (\(group.rows.count))", level: 3))
            blocks.append(.table(Table(
                columns: [.id, .rag, .output, .lead, .due, .deadline, Column("Flags", .medium)] + Column.note,
                rows: group.rows.map { row in
                    [.text(row.output.id), rating(row), .text(row.output.text), .text(leads(row.output)), .text(DueText.short(row.output)),
                     .text(row.output.due.deadline?.description ?? ""), .text(row.now.assessment.flags.map(\.rawValue).joined(separator: ", "))]
                        + noteCells(row.output)
                })))
        }
        return Section(id: "exceptions", title: "Exceptions", blocks: blocks)
    }

    private static func movementSection(_ report: QuarterReport) -> Section {
        let movement = report.movement
        let previous = report.quarter.previous
        var blocks: [Block] = [.paragraph("Compared with the plan at the end of \(previous) (\(date(report.previousAsAt))). Beside each RAG: "
            + Direction.allCases.map { "\($0.symbol) \($0.rawValue)" }.joined(separator: ", ") + ".")]
        func list(_ title: String, _ rows: [ReportRow], _ columns: [Column], _ cells: (ReportRow) -> [Cell]) {
            blocks.append(.heading("\(title) (\(rows.count))", level: 3))
            blocks.append(rows.isEmpty ? .paragraph("None.") : .table(Table(columns: [.id] + columns, rows: rows.map { [.text($0.output.id)] + cells($0) })))
        }
        list("RAG changes", movement.ragChanges, [Column("Was", .narrow), Column("Now", .narrow), .output, .lead] + Column.note) { row in
            [.rating(row.before.assessment.rating, nil), rating(row), .text(row.output.text), .text(leads(row.output))] + noteCells(row.output)
        }
        list("Newly complete", movement.newlyCompleted, [.output, .lead] + Column.note) { row in
            [.text(row.output.text), .text(leads(row.output))] + noteCells(row.output)
        }
        list("Newly overdue", movement.newlyOverdue, [.rag, .output, .lead, .due, .deadline]) { row in
            [rating(row), .text(row.output.text), .text(leads(row.output)), .text(DueText.short(row.output)),
             .text(row.output.due.deadline?.description ?? "")]
        }
        list("Revised deadlines", movement.revisedDeadlines, [.output, Column("Original date", .medium), Column("Revised date", .medium),
                                                                      Column("Revised by", .medium), Column("Reason", .wide)]) { row in
            let revision = row.output.revision
            return [.text(row.output.text), .text(revision.map { DueText.written($0.original) } ?? ""), .text(DueText.written(row.output.due)),
                    .text(revision.map { "\($0.by), \($0.at.readable)" } ?? ""), .text(revision?.reason ?? "")]
        }
        list("Leads assigned", movement.leadsAssigned, [.output, Column("Was", .narrow), Column("Now", .narrow)]) { row in
            [.text(row.output.text), .text(leads(row.before.output)), .text(leads(row.output))]
        }
        return Section(id: "movement", title: "Movement since \(previous)", newPage: true, blocks: blocks)
    }

    private static func indicatorsSection(_ report: QuarterReport) -> Section {
        let standings = report.indicators
        guard !standings.isEmpty else {
            return Section(id: "indicators", title: "Indicators", newPage: true, blocks: [.paragraph("This plan declares no indicators.")])
        }
        let rows = standings.map { standing -> [Cell] in
            [.text(standing.indicator.id), .text(FigureText.name(standing)), .text(standing.latest.map { $0.period.description } ?? "none yet"),
                    .number(FigureText.latest(standing)), .text(FigureText.latestTarget(standing)),
                    .figure(standing.rating, FigureText.travel(standing.sincePrevious)), .text(FigureText.travel(standing.sinceYearBefore)),
                    .text(standing.flags.map(\.rawValue).joined(separator: ", ")), .text(standing.indicator.source ?? "")]
        }
        return Section(id: "indicators", title: "Indicators", newPage: true, blocks: [
            .paragraph("The latest figure recorded by \(date(report.asAt)) for each indicator, against its target, with how it moved since "
                + "the period before (beside the RAG) and the same period a year before. " + IndicatorText.key),
            .paragraph(IndicatorText.counts(standings)),
            .table(Table(columns: [Column("ID", .medium), Column("Indicator", .text), Column("Period", .medium), Column("Value", .narrow), Column("Target", .narrow),
                                   Column("RAG", .medium), Column("Year before", .medium), Column("Flags", .medium), Column("Source", .wide)],
                         rows: rows)),
            .charts(standings),
        ])
    }

    private static func planSection(_ report: QuarterReport) -> Section {
        var blocks: [Block] = []
        for (index, pillar) in report.pillars.enumerated() {
            blocks.append(.heading(pillar.name, level: 3, newPage: index > 0))
            if !pillar.aim.isEmpty { blocks.append(.paragraph("Aim: \(pillar.aim)")) }
            if pillar.objectives.isEmpty { blocks.append(.paragraph("No objectives.")) }
            for objective in pillar.objectives {
                blocks.append(.heading("Objective \(objective.id): \(objective.text)", level: 4))
                blocks.append(objective.rows.isEmpty ? .paragraph("No outputs.") : .table(Table(
                    columns: [.id, .rag, .output, .lead, .due, .status] + Column.note,
                    rows: objective.rows.map { row in
                        [.text(row.output.id), rating(row), .text(row.output.text), .text(leads(row.output)),
                         .text(DueText.short(row.output)), .text(row.output.status?.rawValue ?? "not rated")] + noteCells(row.output)
                    })))
            }
        }
        return Section(id: "plan", title: "The full plan", newPage: true, blocks: blocks)
    }

    /// The latest note, who wrote it and on which day (the CSV and JSON give the time); a note
    /// from the plan file itself has no date.
    private static func noteCells(_ output: Output) -> [Cell] {
        guard let note = output.latestNote else { return [.text(""), .text(""), .text("")] }
        return [.text(note.text), .text(note.by ?? "plan file"), .text(note.at?.day.description ?? "")]
    }

    private static func rating(_ row: ReportRow) -> Cell {
        .rating(row.now.assessment.rating, row.direction)
    }

    private static func leads(_ output: Output) -> String {
        LeadText.text(output.leads)
    }

    /// `30 September 2015`.
    static func date(_ day: Day) -> String {
        "\(day.day) \(Month.name(day.month)) \(day.year)"
    }
}
