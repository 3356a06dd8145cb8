import ActionPlanModel

/// A figure as the interface writes it, by its indicator's unit: `1,234`, `4.5%`, `3.1/1,000`,
/// `12 days`, `£1,200`; at most two decimals, none when whole.
enum FigureText {
    static func text(_ value: Double, unit: IndicatorUnit) -> String {
        switch unit {
        case .count: number(value)
        case .percentage: number(value) + "%"
        case .rate: number(value) + "/1,000"
        case .days: number(value) + (value == 1 ? " day" : " days")
        case .money: (value < 0 ? "-£" : "£") + number(abs(value))
        }
    }

    /// The number typed for a figure: `187`, `1,234.5`, and `4.5%` or `£1,200` as the screen
    /// writes them; nil when it is not one.
    static func value(_ typed: String) -> Double? {
        let bare = typed.filter { !", £%".contains($0) }
        guard !bare.isEmpty, bare.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }) else { return nil }
        return Double(bare)
    }

    /// `≥ 200`, `≤ 25`, `4%–10%`: what a figure is rated against, read with which way is better.
    static func text(_ target: Indicator.Target, for indicator: Indicator) -> String {
        switch target {
        case .range(let low, let high): return text(low, unit: indicator.unit) + "–" + text(high, unit: indicator.unit)
        case .perYear: return "by year"
        case .plan(let goal):
            let sign = switch indicator.better {
            case .up: "≥ "
            case .down: "≤ "
            case .range: "≈ "
            }
            return sign + text(goal, unit: indicator.unit)
        }
    }

    /// `1,234.5`: thousands grouped, at most two decimals, no trailing zeros.
    private static func number(_ value: Double) -> String {
        // Beyond this, hundredths would not fit an Int: no real figure is that large.
        guard abs(value) < 1e15 else { return String(value) }
        let hundredths = Int((abs(value) * 100).rounded())
        var whole = String(hundredths / 100)
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole.removeLast(3)
        }
        var fraction = String(hundredths % 100)
        if fraction.count == 1 { fraction = "0" + fraction }
        while fraction.last == "0" { fraction.removeLast() }
        return (value < 0 && hundredths > 0 ? "-" : "") + whole + grouped + (fraction.isEmpty ? "" : "." + fraction)
    }
}
