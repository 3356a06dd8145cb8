import ActionPlanFormat
import ActionPlanModel

/// The indicator screens' data, from the plan's indicators and the journal's figures.
extension TUIState {
    var hasIndicators: Bool { false }

    /// The scopes that have indicators: the plan's own first, then each pillar's.
    var indicatorScopes: [IndicatorPage.Scope] { [] }

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

    func indicatorLines(_ scope: IndicatorPage.Scope) -> [IndicatorLine] { [] }

    func indicatorSheet(_ id: String) -> IndicatorSheet? { nil }

    func indicatorFormHeading(_ id: String) -> (title: String, subtitle: String)? { nil }

    /// The red indicators and those missing a figure, for the review's agenda.
    var indicatorAgenda: [Review.Item] { [] }

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

    /// Shows the next (or, with -1, the previous) scope's indicators, round the end.
    mutating func stepIndicatorScope(by step: Int) {
        guard case .indicators(let page) = screen else { return }
        let scopes = indicatorScopes
        guard !scopes.isEmpty else { return }
        let index = scopes.firstIndex(of: page.scope) ?? 0
        screen = .indicators(IndicatorPage(scope: scopes[((index + step) % scopes.count + scopes.count) % scopes.count]))
    }

    mutating func openFigureForm() {}

    func submitFigure(_ form: Form, indicatorID: String) -> [Effect] { [] }
}
