import ActionPlanModel

/// One indicator's series as a small inline SVG for the HTML report: the figures as a solid line
/// with each point's RAG letter and value, the target as a dashed line or the expected range as a
/// hatched band, and each comparator as a dotted line with its own marker, all named in a legend,
/// so that it reads in greyscale print and without colour.
enum IndicatorChart {
    private static let width = 480.0
    private static let height = 230.0
    private static let left = 56.0
    private static let right = 440.0
    private static let top = 34.0
    private static let bottom = 168.0
    /// The marker of each comparator in turn: shapes, not colours, tell them apart.
    private static let markers = ["square", "triangle", "diamond"]

    /// The chart of `standing`; `number` makes its pattern's id unique in the page.
    static func svg(_ standing: IndicatorStanding, number: Int) -> String {
        let unit = standing.indicator.unit
        let series = standing.series
        let name = FigureText.name(standing)
        var svg = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-labelledby=\"chart-\(number)\">\n"
            + "<title id=\"chart-\(number)\">\(ReportHTML.escape(name + ": " + description(standing)))</title>\n"
            + "<defs><pattern id=\"hatch-\(number)\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
            + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#555\" stroke-width=\"1.5\"/></pattern></defs>\n"
            + "<text x=\"0\" y=\"14\" font-size=\"13\" font-weight=\"bold\">\(ReportHTML.escape(TerminalText.truncate(standing.indicator.id + " " + name, to: 54)))</text>\n"
        guard !series.isEmpty else {
            return svg + "<text x=\"\(f(left))\" y=\"\(f((top + bottom) / 2))\" font-size=\"12\">No periods to show yet.</text>\n</svg>\n"
        }
        let values = series.compactMap(\.value) + standing.comparators.flatMap { $0.series.compactMap(\.value) }
        let goals: [Double] = series.flatMap { reading -> [Double] in
            switch reading.target {
            case .plan(let goal)?: [goal]
            case .range(let low, let high)?: [low, high]
            case nil, .perYear?: []
            }
        }
        let lowest = min(0, (values + goals).min() ?? 0)
        let highest = max((values + goals).max() ?? 1, lowest + 1) * 1.12
        let step = series.count > 1 ? (right - left) / Double(series.count - 1) : 0
        func x(_ index: Int) -> Double { series.count > 1 ? left + step * Double(index) : (left + right) / 2 }
        func y(_ value: Double) -> Double { bottom - (value - lowest) / (highest - lowest) * (bottom - top) }

        // Axes, with the scale's ends labelled.
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(bottom))\" x2=\"\(f(right))\" y2=\"\(f(bottom))\" stroke=\"#111\"/>\n"
            + "<line x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(bottom))\" stroke=\"#111\"/>\n"
        for mark in [lowest, highest / 1.12] {
            svg += "<text x=\"\(f(left - 4))\" y=\"\(f(y(mark) + 4))\" font-size=\"10\" text-anchor=\"end\">\(ReportHTML.escape(FigureText.value(mark, unit: unit)))</text>\n"
        }
        // The target, period by period (a target per year can change), under the figures.
        for (index, reading) in series.enumerated() {
            let from = index == 0 ? x(index) : x(index) - step / 2
            let to = index == series.count - 1 ? x(index) : x(index) + step / 2
            switch reading.target {
            case .plan(let goal)?:
                svg += "<line x1=\"\(f(from))\" y1=\"\(f(y(goal)))\" x2=\"\(f(to))\" y2=\"\(f(y(goal)))\" stroke=\"#111\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>\n"
            case .range(let low, let high)?:
                svg += "<rect x=\"\(f(from))\" y=\"\(f(y(high)))\" width=\"\(f(max(to - from, 4)))\" height=\"\(f(max(y(low) - y(high), 1)))\" fill=\"url(#hatch-\(number))\" stroke=\"none\" opacity=\"0.6\"/>\n"
            case nil, .perYear?:
                break
            }
        }
        // Comparators: dotted, each with its own marker, unrated.
        for (index, comparison) in standing.comparators.enumerated() {
            svg += line(comparison.series.map(\.value), x: x, y: y, dash: "2 3", width: 1.2)
            for (position, reading) in comparison.series.enumerated() {
                if let value = reading.value { svg += marker(markers[index % markers.count], x: x(position), y: y(value)) }
            }
        }
        // The figures: a solid line, broken where a period has none, each point with its letter and value.
        svg += line(series.map(\.value), x: x, y: y, dash: nil, width: 2.2)
        for (index, reading) in series.enumerated() {
            let labelX = f(x(index))
            if let value = reading.value {
                let pointY = y(value)
                svg += "<circle cx=\"\(labelX)\" cy=\"\(f(pointY))\" r=\"4\" fill=\"#111\"/>\n"
                    + "<text x=\"\(labelX)\" y=\"\(f(pointY - 8))\" font-size=\"10\" text-anchor=\"middle\" font-weight=\"bold\">"
                    + "\(ReportHTML.escape((reading.rating == .grey ? "" : reading.rating.letter + " ") + FigureText.value(value, unit: unit)))</text>\n"
            } else {
                svg += "<text x=\"\(labelX)\" y=\"\(f(bottom - 6))\" font-size=\"10\" text-anchor=\"middle\">no figure</text>\n"
            }
            svg += "<text x=\"\(labelX)\" y=\"\(f(bottom + 14))\" font-size=\"9\" text-anchor=\"middle\">\(ReportHTML.escape(reading.period.description))</text>\n"
        }
        return svg + legend(standing, number: number) + "</svg>\n"
    }

    /// What the chart shows, for screen readers: each period's figure and rating.
    private static func description(_ standing: IndicatorStanding) -> String {
        standing.series.map { reading in
            "\(reading.period) " + (reading.value.map { FigureText.value($0, unit: standing.indicator.unit) + " (\(reading.rating.rawValue))" } ?? "no figure")
        }.joined(separator: ", ")
    }

    /// The line through `values`, in pieces where a value is missing.
    private static func line(_ values: [Double?], x: (Int) -> Double, y: (Double) -> Double, dash: String?, width: Double) -> String {
        var pieces: [[String]] = [[]]
        for (index, value) in values.enumerated() {
            if let value {
                pieces[pieces.count - 1].append("\(f(x(index))),\(f(y(value)))")
            } else if pieces.last?.isEmpty == false {
                pieces.append([])
            }
        }
        return pieces.filter { $0.count > 1 }.map { points in
            "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"#111\" stroke-width=\"\(f(width))\""
                + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + "/>\n"
        }.joined()
    }

    private static func marker(_ shape: String, x: Double, y: Double) -> String {
        switch shape {
        case "triangle": "<polygon points=\"\(f(x)),\(f(y - 5)) \(f(x - 5)),\(f(y + 4)) \(f(x + 5)),\(f(y + 4))\" fill=\"#fff\" stroke=\"#111\"/>\n"
        case "diamond": "<polygon points=\"\(f(x)),\(f(y - 5)) \(f(x - 5)),\(f(y)) \(f(x)),\(f(y + 5)) \(f(x + 5)),\(f(y))\" fill=\"#fff\" stroke=\"#111\"/>\n"
        default: "<rect x=\"\(f(x - 4))\" y=\"\(f(y - 4))\" width=\"8\" height=\"8\" fill=\"#fff\" stroke=\"#111\"/>\n"
        }
    }

    /// Under the axis: the figure, the target or range, and each comparator with its marker.
    private static func legend(_ standing: IndicatorStanding, number: Int) -> String {
        let legendY = bottom + 38
        var svg = "<line x1=\"0\" y1=\"\(f(legendY - 4))\" x2=\"22\" y2=\"\(f(legendY - 4))\" stroke=\"#111\" stroke-width=\"2.2\"/>"
            + "<circle cx=\"11\" cy=\"\(f(legendY - 4))\" r=\"3.5\" fill=\"#111\"/>"
            + "<text x=\"27\" y=\"\(f(legendY))\" font-size=\"10\">figure (RAG letter, value)</text>\n"
        var x = 170.0
        let target = standing.series.last?.target
        switch target {
        case .plan(let goal)?:
            svg += "<line x1=\"\(f(x))\" y1=\"\(f(legendY - 4))\" x2=\"\(f(x + 22))\" y2=\"\(f(legendY - 4))\" stroke=\"#111\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>"
                + "<text x=\"\(f(x + 27))\" y=\"\(f(legendY))\" font-size=\"10\">target \(ReportHTML.escape(FigureText.value(goal, unit: standing.indicator.unit)))</text>\n"
            x += 120
        case .range?:
            svg += "<rect x=\"\(f(x))\" y=\"\(f(legendY - 10))\" width=\"22\" height=\"10\" fill=\"url(#hatch-\(number))\" stroke=\"#111\" stroke-width=\"0.5\"/>"
                + "<text x=\"\(f(x + 27))\" y=\"\(f(legendY))\" font-size=\"10\">expected \(ReportHTML.escape(FigureText.target(target, unit: standing.indicator.unit)))</text>\n"
            x += 120
        case nil, .perYear?:
            svg += "<text x=\"\(f(x))\" y=\"\(f(legendY))\" font-size=\"10\">no target</text>\n"
            x += 70
        }
        var row = legendY
        for (index, comparison) in standing.comparators.enumerated() {
            if x > width - 110 {
                x = 0
                row += 16
            }
            svg += "<line x1=\"\(f(x))\" y1=\"\(f(row - 4))\" x2=\"\(f(x + 22))\" y2=\"\(f(row - 4))\" stroke=\"#111\" stroke-width=\"1.2\" stroke-dasharray=\"2 3\"/>"
                + marker(markers[index % markers.count], x: x + 11, y: row - 4)
                + "<text x=\"\(f(x + 27))\" y=\"\(f(row))\" font-size=\"10\">\(ReportHTML.escape(TerminalText.truncate(comparison.name, to: 18)))</text>\n"
            x += 140
        }
        return svg
    }

    private static func f(_ value: Double) -> String { ReportBars.format(value) }
}
