import ActionPlanModel

/// An indicator's figures and targets as every table, chart and report writes them: `1,200`,
/// `12.5%`, `4.2 per 1,000`, `14 days`, `£1,200`. The one formatter for figures.
public enum FigureText {
    /// `value` in `unit`.
    public static func value(_ value: Double, unit: IndicatorUnit) -> String {
        let number = plain(value)
        switch unit {
        case .count: return number
        case .percentage: return number + "%"
        case .rate: return number + " per 1,000"
        case .days: return number + (value == 1 ? " day" : " days")
        case .money: return value < 0 ? "-£" + plain(-value) : "£" + number
        }
    }

    /// The target as written for a reader: `200`, `4–10%`; empty with none.
    public static func target(_ target: Indicator.Target?, unit: IndicatorUnit) -> String {
        switch target {
        case nil, .perYear?: return ""
        case .plan(let goal)?: return value(goal, unit: unit)
        case .range(let low, let high)?: return plain(low) + "–" + value(high, unit: unit)
        }
    }

    /// The number alone, with commas between thousands and at most two decimals: `1,200`, `70.5`.
    public static func plain(_ value: Double) -> String {
        let hundredths = (abs(value) * 100).rounded()
        guard hundredths < 1e17 else { return String(value) }
        let whole = Int(hundredths) / 100
        let fraction = Int(hundredths) % 100
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits = String(digits.dropLast(3))
        }
        let decimals = fraction == 0 ? "" : fraction % 10 == 0 ? ".\(fraction / 10)" : ".\(fraction.zeroPadded(2))"
        return (value < 0 && hundredths > 0 ? "-" : "") + digits + grouped + decimals
    }

    /// `↓ worse`, or `–` with nothing to compare with.
    public static func travel(_ travel: Travel?) -> String {
        travel?.text ?? "–"
    }

    /// The standing's latest figure, `187`; empty when none was recorded.
    public static func latest(_ standing: IndicatorStanding) -> String {
        // Unwrapped step by step: an optional chain here crashed the optimiser (Swift 6.3.1, -c release).
        guard let reading = standing.latest, let record = reading.record else { return "" }
        return value(record.figure.value, unit: standing.indicator.unit)
    }

    /// The target that applies to the standing's latest figure, or to its last period when it has none.
    public static func latestTarget(_ standing: IndicatorStanding) -> String {
        let reading = standing.latest ?? standing.series.last
        return target(reading?.target, unit: standing.indicator.unit)
    }

    /// The indicator's name with its area: `Male victims (RBKC)`.
    public static func name(_ standing: IndicatorStanding) -> String {
        standing.indicator.name + (standing.area.map { " (\($0))" } ?? "")
    }
}
