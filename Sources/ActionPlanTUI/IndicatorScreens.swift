import ActionPlanFormat
import ActionPlanModel

/// The indicator screens' data, from the plan's indicators and the journal's figures: the one
/// place the interface reads the indicator model, formatting it for the views.
extension TUIState {
    /// Each indicator (and each area of one) as it stands on the day judged, from the figures
    /// recorded by then.
    /// `indicators` (every one when nil) only: each draw rates just what it shows.
    func standings(of indicators: [Indicator]? = nil) -> [IndicatorStanding] {
        current.standings(journal.figures.filter { $0.at.day <= foldThrough }, asOf: asOf, periods: Trend.periods, only: indicators)
    }

    var hasIndicators: Bool { !current.indicators.isEmpty }

    /// The page an indicator is shown on: the plan's own, or its pillar's (an objective's goes
    /// with the objective's pillar).
    func scope(of indicator: Indicator) -> IndicatorPage.Scope {
        switch indicator.scope {
        case .plan: return .plan
        case .pillar(let name):
            return current.pillars.firstIndex { $0.name.lowercased() == name.lowercased() }.map(IndicatorPage.Scope.pillar) ?? .plan
        case .objective(let id):
            return current.pillars.firstIndex { $0.objectives.contains { $0.id == id } }.map(IndicatorPage.Scope.pillar) ?? .plan
        }
    }

    /// The pages that have indicators: the plan's own first, then each pillar's, in plan order.
    var indicatorScopes: [IndicatorPage.Scope] {
        let used = Set(current.indicators.map(scope(of:)))
        return ([.plan] + current.pillars.indices.map(IndicatorPage.Scope.pillar)).filter(used.contains)
    }

    /// The page `i` opens: the selected action's pillar from the list, when it has indicators;
    /// otherwise the first page.
    var firstIndicatorScope: IndicatorPage.Scope {
        if screen == .list, let row = selected, indicatorScopes.contains(.pillar(row.entry.pillarIndex)) { return .pillar(row.entry.pillarIndex) }
        return indicatorScopes.first ?? .plan
    }

    /// `Indicators · Prevention · 2 of 4`.
    func heading(of scope: IndicatorPage.Scope) -> String {
        let name = switch scope {
        case .plan: "the whole plan"
        case .pillar(let index): current.pillars.indices.contains(index) ? current.pillars[index].name : ""
        }
        let scopes = indicatorScopes
        let place = scopes.firstIndex(of: scope).map { " · \($0 + 1) of \(scopes.count)" } ?? ""
        return "Indicators · " + name + place
    }

    /// The lines of the indicators on page `scope`, each area of an indicator a line of its own.
    func indicatorLines(_ scope: IndicatorPage.Scope) -> [IndicatorLine] {
        standings(of: current.indicators.filter { self.scope(of: $0) == scope }).map(line(of:))
    }

    private func line(of standing: IndicatorStanding) -> IndicatorLine {
        let latest = FigureText.latest(standing)
        // The area before the name, so a cut name still says which area it is.
        return IndicatorLine(id: standing.indicator.id, name: (standing.area.map { $0 + " · " } ?? "") + standing.indicator.name,
                             latest: latest, period: latest.isEmpty ? "none yet" : standing.latest.map { $0.period.description } ?? "",
                             target: FigureText.latestTarget(standing), rating: standing.rating, arrow: standing.sincePrevious?.arrow ?? "",
                             flags: standing.flags.map(\.rawValue).joined(separator: " "), trend: standing.series.map(\.value))
    }

    /// `RBKC 187 in Q4 2014/15`, or `RBKC no figure yet`.
    private func latestText(_ standing: IndicatorStanding) -> String {
        let latest = FigureText.latest(standing)
        let figure = latest.isEmpty ? "no figure yet" : latest + (standing.latest.map { " in \($0.period)" } ?? "")
        return (standing.area.map { $0 + " " } ?? "") + figure
    }

    /// What the detail screen shows of indicator `id`: what it is, then every figure recorded for
    /// it, oldest period first, a correction after the figure it supersedes.
    func indicatorSheet(_ id: String) -> IndicatorSheet? {
        guard let indicator = current.indicator(id) else { return nil }
        let all = standings(of: [indicator])
        var facts: [(label: String, value: String)] = [
            ("Belongs to", summary(of: indicator.scope)),
            ("Measured", "\(indicator.unit.rawValue), \(betterText(indicator.better)), reported \(indicator.frequency.rawValue)"),
        ]
        let supplier = [indicator.lead, indicator.source].compactMap { $0 }
        if !supplier.isEmpty { facts.append(("Supplied by", supplier.joined(separator: " · "))) }
        if let target = indicator.target {
            facts.append(("Target", targetText(target, indicator) + " · amber within \(FigureText.value(indicator.tolerance * 100, unit: .percentage))"))
        }
        if let baseline = indicator.baseline {
            facts.append(("Baseline", FigureText.value(baseline.value, unit: indicator.unit) + " in " + baseline.period))
        }
        let latest = all.map { standing in
            let travel = standing.sincePrevious.map { "\($0.text), from \(FigureText.value($0.from, unit: indicator.unit))" } ?? ""
            let flag = standing.flags.contains(.missingFigure) ? Flag.missingFigure.label : ""
            return [latestText(standing), travel, flag].filter { !$0.isEmpty }.joined(separator: " · ")
        }
        facts.append(("Latest", latest.joined(separator: "; ")))
        let rows = indicator.recorded(journal.figureHistory(of: indicator.id, through: foldThrough), calendar: current.calendar).map { recorded in
            let figure = recorded.record.figure
            let rating = recorded.supersededBy == nil ? recorded.period.map { indicator.rating(of: figure.value, in: $0) } ?? .grey : .grey
            let note = (recorded.supersededBy.map { "superseded by line \($0) · " } ?? "") + (figure.note.map { $0 + " " } ?? "")
                + "(\(recorded.record.by), line \(recorded.record.line))"
            return SeriesRow(period: recorded.period?.description ?? figure.period, value: FigureText.value(figure.value, unit: indicator.unit),
                             area: figure.area ?? "", rating: rating, note: note)
        }
        return IndicatorSheet(title: "\(indicator.id) · \(indicator.name)", facts: facts, series: rows)
    }

    /// `200`, `4–10%`, or each reporting year's: `2015/16 400, 2016/17 450`.
    private func targetText(_ target: Indicator.Target, _ indicator: Indicator) -> String {
        guard case .perYear(let years) = target else { return FigureText.target(target, unit: indicator.unit) }
        return years.keys.sorted().compactMap { year in
            years[year].map { current.calendar.yearLabel(startingIn: year) + " " + FigureText.value($0, unit: indicator.unit) }
        }.joined(separator: ", ")
    }

    private func betterText(_ better: Indicator.Better) -> String {
        switch better {
        case .up: "higher is better"
        case .down: "lower is better"
        case .range: "within the range is better"
        }
    }

    private func summary(of scope: Indicator.Scope) -> String {
        switch scope {
        case .plan: "the whole plan"
        case .pillar(let name): "pillar \(name)"
        case .objective(let id): "objective \(id) · " + (current.pillars.flatMap(\.objectives).first { $0.id == id }?.text ?? "")
        }
    }

    /// What the figure form says it is about: the indicator, and its latest figures.
    func indicatorFormHeading(_ id: String) -> (title: String, subtitle: String)? {
        guard let indicator = current.indicator(id) else { return nil }
        let latest = standings(of: [indicator]).map(latestText)
        return ("\(indicator.id)  \(indicator.name)",
                "\(indicator.unit.rawValue), reported \(indicator.frequency.rawValue) · latest: " + latest.joined(separator: ", "))
    }

    /// `I1 Q1 2015/16 187 (RBKC)`, for the status line after a figure is recorded.
    func summary(of figure: Figure) -> String {
        let unit = current.indicator(figure.indicatorID)?.unit ?? .count
        return "\(figure.indicatorID) \(figure.period) \(FigureText.value(figure.value, unit: unit))" + (figure.area.map { " (\($0))" } ?? "")
    }

    /// The red indicators and those missing a figure, for the review's agenda: each indicator
    /// once, under red if any part of it is red.
    var indicatorAgenda: [Review.Item] {
        current.indicators.compactMap { indicator in
            let parts = standings(of: [indicator])
            if parts.contains(where: { $0.rating == .red }) { return Review.Item(id: indicator.id, reason: .redIndicator) }
            if parts.contains(where: { $0.flags.contains(.missingFigure) }) { return Review.Item(id: indicator.id, reason: .missingFigure) }
            return nil
        }
    }

    /// The indicator a command acts on: the selected one, the one on screen, or the review's.
    var subjectIndicatorID: String? {
        switch screen {
        case .indicators(let page):
            let lines = indicatorLines(page.scope)
            return lines.indices.contains(page.selection) ? lines[page.selection].id : nil
        case .indicator(let id, _): return id
        case .review(let review): return review.current?.indicatorID
        default: return nil
        }
    }

    /// How many lines a page key moves on the screen shown.
    var pageHeight: Int {
        if case .indicator(let id, _) = screen, let sheet = indicatorSheet(id) { return seriesRoom(sheet, height: height) }
        return listHeight
    }

    /// `top` kept within the series of indicator `id`, so its last page stays full.
    func clampedSeriesTop(_ id: String, _ top: Int) -> Int {
        guard let sheet = indicatorSheet(id) else { return 0 }
        return max(0, min(top, sheet.series.count - seriesRoom(sheet, height: height)))
    }

    /// Shows the next (or, with -1, the previous) page of indicators, round the end.
    mutating func stepIndicatorScope(by step: Int) {
        guard case .indicators(let page) = screen else { return }
        let scopes = indicatorScopes
        guard !scopes.isEmpty else { return }
        let index = scopes.firstIndex(of: page.scope) ?? 0
        screen = .indicators(IndicatorPage(scope: scopes[((index + step) % scopes.count + scopes.count) % scopes.count]))
    }

    /// Opens the figure form for the indicator in hand, its period filled in with the one that
    /// needs a figure (the latest ended without one), else the latest that has ended; the area
    /// field only when the indicator is reported by area or has comparators.
    mutating func openFigureForm() {
        guard let id = subjectIndicatorID, let indicator = current.indicator(id) else { return }
        // Said before anything is typed; the write itself is checked against the rules on disk.
        if let why = rights.refusal(ofFigureFor: indicator, in: current, by: account) {
            message = why
            return
        }
        let parts = standings(of: [indicator])
        let ended = parts.flatMap(\.series).filter { $0.period.period.last < asOf }
        let due = ended.filter { $0.record == nil }.map(\.period).max() ?? ended.map(\.period).max()
        // When one area alone lacks the period's figure, the form is for that area.
        let lacking = parts.filter { part in part.series.contains { $0.period == due && $0.record == nil } }
        let area = lacking.count == 1 ? lacking.first?.area : nil
        let fields: [Form.Field] = [.period, .value] + (indicator.areas.isEmpty && indicator.comparators.isEmpty ? [] : [.area]) + [.figureNote]
        go(to: .form(Form(subject: .indicator(id: indicator.id), title: "Figure", fields: fields,
                          texts: [.period: due?.description ?? "", .area: area ?? ""])))
        changeForm { $0.focus = 1 }
    }

    /// The figure the form asks to record, or the model's reason it cannot be, shown on the form
    /// before anything is written.
    mutating func submitFigure(_ form: Form, indicatorID: String) -> [Effect] {
        let typed = form.text(.value) ?? ""
        guard let value = FigureNumber.parse(typed) else {
            changeForm { $0.message = "'\(typed)' is not a number; write it in digits, such as 187, 12.5, 1,200 or 10%" }
            return []
        }
        let figure = Figure(indicatorID: indicatorID, period: form.text(.period) ?? "", value: value, area: form.text(.area), note: form.text(.figureNote))
        if let problem = current.problem(with: figure, today: asOf) {
            changeForm { $0.message = problem }
            return []
        }
        return [.recordFigure(figure)]
    }
}
