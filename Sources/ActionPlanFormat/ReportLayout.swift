import ActionPlanModel

extension ReportDocument {
    /// The sections of `report`, in the order its readers take them: the steering group a
    /// quarter's, a delivery group its own, the board the exceptions or the year's.
    init(_ report: QuarterReport) {
        let period = report.period
        let running = report.asAt < period.days.last
        let kind = switch (period, report.scope.exceptionsOnly) {
        case (_, true): "\(period) exception report"
        case (.quarter, false): "\(period) report"
        case (.year, false): "annual report \(period)"
        }
        title = "\(report.scope.group?.name ?? report.title): \(kind)"
        subtitle = (report.scope.group.map { [report.title] + Self.people(of: $0) } ?? report.partnership.map { [$0] } ?? []) + [
            "\(period): \(Self.date(period.days.first)) to \(Self.date(period.days.last)); "
                + (running ? "to date, as at \(Self.date(report.asAt)) (the \(period.noun) is not over)" : "as at \(Self.date(report.asAt))"),
        ]
        generated = "Generated \(report.generated.at.readable) by \(report.generated.by)"
        journalHead = ReportHead.line(report.generated.journalHead)
        summary = report.summary
        before = period.before
        let key = Section(id: "key", title: "Key", blocks: [.key, .paragraph("Dropped actions have no colour and are not counted as live.")])
        if report.scope.exceptionsOnly {
            sections = [Self.boardExceptionsSection(report), key]
            return
        }
        switch period {
        case .quarter:
            sections = [Self.summarySection(report), Self.exceptionsSection(report), Self.movementSection(report), Self.indicatorsSection(report),
                        Self.chasedSection(report), Self.planSection(report), key]
        case .year:
            let sections: [Section?] = [Self.summarySection(report), Self.movementSection(report), Self.indicatorsSection(report), Self.earlierYearsSection(report),
                                        Self.carriedForwardSection(report), key]
            self.sections = sections.compactMap { $0 }
        }
    }

    /// Who chairs and coordinates a group, and how it reports.
    private static func people(of group: DeliveryGroup) -> [String] {
        let people = [group.chair.map { "Chair: \($0)" }, group.coordinator.map { "Coordinator: \($0)" }].compactMap { $0 }
        return [(people + ["reports \(group.reports.rawValue)"]).joined(separator: "; ")]
    }

    private static func summarySection(_ report: QuarterReport) -> Section {
        let columns = [Column("Pillar", .wide)] + RAG.live.map { Column("\($0.letter) \($0.rawValue)", .medium) }
            + [Column("Live", .narrow), Column("Complete", .medium), Column("Complete at \(report.period.previous)", .medium)]
        func cells(_ tally: Tally, _ before: Tally) -> [Cell] {
            [.text(tally.name)] + RAG.live.map { .number(String(tally.count($0))) }
                + [.number(String(tally.live)), .number(tally.percentCompleteText), .number(before.percentCompleteText)]
        }
        let rows = zip(report.summary.pillars + [report.summary.total], report.previousSummary.pillars + [report.previousSummary.total]).map(cells)
        var blocks: [Block] = [
            .paragraph("Live actions by RAG as at \(date(report.asAt)), with the share complete then and at the end of \(report.period.previous)."),
            .bars,
            .table(Table(columns: columns, rows: rows)),
        ]
        if report.scope.group == nil, !report.summary.groups.isEmpty {
            let groups = zip(report.summary.groups, report.previousSummary.groups).map(cells)
            // A group's name is often a line long ("Harmful Practices Operational Group").
            blocks += [.heading("By delivery group", level: 3), .table(Table(columns: [Column("Group", .text)] + columns.dropFirst(), rows: groups))]
        }
        return Section(id: "summary", title: "Summary by pillar", blocks: blocks + [.paragraph(RAGKey.line)])
    }

    private static func exceptionsSection(_ report: QuarterReport) -> Section {
        let count = report.exceptions.reduce(0) { $0 + $1.rows.count }
        let blocks: [Block] = [.paragraph(count == 0
            ? "None: every open action is dated, led, neither red nor amber, and was updated this \(report.period.noun)."
            : "\(count) open action\(count == 1 ? "" : "s") to discuss, each listed once under the first that applies: "
                + Exception.allCases.map { $0.heading.lowercased() }.joined(separator: ", ") + ".")]
        return Section(id: "exceptions", title: "Exceptions", blocks: blocks + exceptionTables(report))
    }

    /// What the board must see and nothing else: one line when nothing is wrong.
    private static func boardExceptionsSection(_ report: QuarterReport) -> Section {
        let count = report.exceptions.reduce(0) { $0 + $1.rows.count }
        let revised = report.movement.revisedDeadlines
        let kinds = Exception.forTheBoard.map(\.rawValue)
        let listed = kinds.dropLast().joined(separator: ", ") + " or " + (kinds.last ?? "")
        guard count + revised.count > 0 else {
            return Section(id: "exceptions", title: "Exceptions", blocks: [
                .paragraph("Nothing to report: no open action is \(listed), and no deadline was revised in \(report.period)."),
            ])
        }
        var blocks: [Block] = [.paragraph((count == 0 ? "No open action is \(listed)"
            : "\(count) open action\(count == 1 ? " is" : "s are") \(listed), each listed once under the first that applies")
            + (revised.isEmpty ? "; no deadline was revised in \(report.period)."
                : "; \(revised.count) deadline\(revised.count == 1 ? " was" : "s were") revised in \(report.period)."))]
        blocks += exceptionTables(report)
        if !revised.isEmpty {
            blocks += [.heading("Revised deadlines (\(revised.count))", level: 3), revisedTable(revised, of: report)]
        }
        return Section(id: "exceptions", title: "Exceptions", blocks: blocks)
    }

    /// A heading and a table for each exception the report lists.
    private static func exceptionTables(_ report: QuarterReport) -> [Block] {
        report.exceptions.flatMap { group -> [Block] in
            [.heading("\(group.exception.heading) (\(group.rows.count))", level: 3), .table(Table(
                columns: [.id, .rag, .output, .lead, .due, .deadline, Column("Flags", .medium)] + Column.note,
                rows: group.rows.map { row in
                    [.text(row.output.id), rating(row), .text(row.output.text), .text(leads(row.output)), .text(DueText.short(row.output)),
                     .text(DueText.deadline(row.now.assessment) ?? ""), .text(row.now.assessment.flags.map(\.rawValue).joined(separator: ", "))]
                        + noteCells(row.output)
                }))]
        }
    }

    /// Each revised deadline beside the plan's original, how far it moved (since its first plan
    /// year, when an earlier one had it), and who moved it why.
    private static func revisedTable(_ rows: [ReportRow], of report: QuarterReport) -> Block {
        .table(Table(columns: [.id, .output, Column("Original date", .medium), Column("Revised date", .medium), Column("Slipped by", .medium),
                               Column("Revised by", .medium), Column("Reason", .wide)],
                     rows: rows.map { row in
                         let revision = row.output.revision
                         return [.text(row.output.id), .text(row.output.text), .text(revision.map { DueText.written($0.original) } ?? ""),
                                 .text(DueText.written(row.output.due)), .text(report.slip(of: row.output).map(SlipText.text) ?? ""),
                                 .text(revision.map { "\($0.by), \($0.at.readable)" } ?? ""), .text(revision?.reason ?? "")]
                     }))
    }

    /// What a year leaves open for the next: every output not complete or dropped at its end.
    private static func carriedForwardSection(_ report: QuarterReport) -> Section {
        let rows = report.carriedForward
        return Section(id: "carried-forward", title: "Carried forward (\(rows.count))", newPage: true, blocks: [
            .paragraph(rows.isEmpty ? "None: every action was complete or dropped by \(date(report.asAt))."
                : "Open at \(date(report.asAt)), so carried into the next year, with the deadline each now has."),
        ] + (rows.isEmpty ? [] : [.table(Table(
            columns: [.id, .rag, .output, .lead, .due, .deadline, .status] + Column.note,
            rows: rows.map { row in
                [.text(row.output.id), rating(row), .text(row.output.text), .text(leads(row.output)), .text(DueText.short(row.output)),
                 .text(row.output.due.deadline?.description ?? ""), .text(row.output.status?.rawValue ?? "not rated")] + noteCells(row.output)
            }))]))
    }

    /// Each action an earlier plan year already had: where it began, the deadline that year gave
    /// it, how far it has slipped since, and what was recorded about it before this year. Only
    /// for a plan that follows an earlier one.
    private static func earlierYearsSection(_ report: QuarterReport) -> Section? {
        guard let outputs = report.earlierYears else { return nil }
        let blocks: [Block] = [.paragraph(outputs.isEmpty ? "None: every action is new in this plan year."
            : "\(outputs.count) action\(outputs.count == 1 ? " was" : "s were") in an earlier plan year, under the same id or the one "
                + "it had then ('was:'): the plan year it first appeared in, the deadline that plan gave it, how far it has slipped since "
                + "over all the years, and the records about it in earlier years up to \(date(report.asAt)), with the latest note.")]
        guard !outputs.isEmpty else { return Section(id: "earlier-years", title: "Earlier plan years", blocks: blocks) }
        return Section(id: "earlier-years", title: "Earlier plan years (\(outputs.count))", newPage: true, blocks: blocks + [.table(Table(
            // The note, who wrote it and when share a cell, and the output's text is narrower than
            // elsewhere: eleven columns, or a month's name split over two lines, do not read on a page.
            // The count is as wide as a date, so that its heading fits.
            columns: [.id, Column("Output", .wide), Column("First plan year", .wide), Column("ID then", .narrow), Column("Due then", .medium),
                      Column("Due now", .medium), Column("Slipped by", .medium), Column("Records", .date), Column("Latest earlier note", .note)],
            rows: outputs.map { earlier in
                let (output, origin) = (earlier.output, earlier.origin)
                let retired = output.retired.map { " (retired \($0.on): \($0.reason))" } ?? ""
                let note = origin.latestEarlierNote.map { note in note.text + " (" + [note.by, note.day?.description].compactMap { $0 }.joined(separator: ", ") + ")" }
                return [.text(output.id), .text(output.text + retired), .text(origin.yearLabel == origin.file ? origin.file : "\(origin.yearLabel), \(origin.file)"), .text(origin.id),
                        .text(DueText.written(origin.due)), .text(DueText.written(output.due)), .text(earlier.slip.map(SlipText.text) ?? ""),
                        .number(String(origin.earlierRecords)), .text(note ?? "")]
            }))])
    }

    private static func movementSection(_ report: QuarterReport) -> Section {
        let movement = report.movement
        let previous = report.period.previous
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
             .text(DueText.deadline(row.now.assessment) ?? "")]
        }
        blocks.append(.heading("Revised deadlines (\(movement.revisedDeadlines.count))", level: 3))
        blocks.append(movement.revisedDeadlines.isEmpty ? .paragraph("None.") : revisedTable(movement.revisedDeadlines, of: report))
        list("Leads assigned", movement.leadsAssigned, [.output, Column("Was", .narrow), Column("Now", .narrow)]) { row in
            [.text(row.output.text), .text(leads(row.before.output)), .text(leads(row.output))]
        }
        return Section(id: "movement", title: "Movement since \(previous)", newPage: true, blocks: blocks)
    }

    private static func indicatorsSection(_ report: QuarterReport) -> Section {
        let standings = report.indicators
        guard !standings.isEmpty else {
            let none = report.scope.group.map { "No objective of the \($0.name) declares an indicator." } ?? "This plan declares no indicators."
            return Section(id: "indicators", title: "Indicators", newPage: true, blocks: [.paragraph(none)])
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
                         .text(DueText.short(row.output)), .text(status(row.output))] + noteCells(row.output)
                    })))
            }
        }
        return Section(id: "plan", title: report.scope.group == nil ? "The full plan" : "The group's outputs", newPage: true, blocks: blocks)
    }

    /// Who was sent a digest asking for updates this quarter, and about how many actions.
    private static func chasedSection(_ report: QuarterReport) -> Section {
        guard !report.chased.isEmpty else {
            return Section(id: "chased", title: "Who was chased", blocks: [.paragraph("No digests were sent this quarter (actionplan digest --send).")])
        }
        return Section(id: "chased", title: "Who was chased", blocks: [
            .paragraph("Digests sent to lead officers in \(report.period) up to \(date(report.asAt)), asking for updates."),
            .table(Table(columns: [Column("Sent", .date), Column("Officer", .narrow), Column("Agencies", .medium), Column("Actions", .narrow),
                                   Column("Listed", .wide), Column("Sent by", .narrow)],
                         rows: report.chased.map { record in
                             [.text(record.at.day.description), .text(record.sent.account), .text(LeadText.text(record.sent.agencies)),
                              .number(String(record.sent.outputIDs.count)), .text(record.sent.outputIDs.joined(separator: ", ")), .text(record.by)]
                         })),
        ])
    }

    /// The latest note, who wrote it and on which day (the CSV and JSON give the time); a note
    /// from the plan file itself has no date.
    private static func noteCells(_ output: Output) -> [Cell] {
        guard let note = output.latestNote else { return [.text(""), .text(""), .text("")] }
        return [.text(note.text), .text(note.by ?? "plan file"), .text(note.day?.description ?? "")]
    }

    private static func rating(_ row: ReportRow) -> Cell {
        .rating(row.now.assessment.rating, row.direction)
    }

    private static func leads(_ output: Output) -> String {
        LeadText.text(output.leads)
    }

    /// The status as set, or that nobody has rated it.
    static func status(_ output: Output) -> String {
        output.status?.rawValue ?? "not rated"
    }

    /// `30 September 2015`.
    static func date(_ day: Day) -> String {
        "\(day.day) \(Month.name(day.month)) \(day.year)"
    }
}
