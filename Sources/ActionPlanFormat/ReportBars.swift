import ActionPlanModel

/// The summary as an inline SVG: one horizontal bar per pillar, stacked by RAG, each segment
/// labelled with its letter and count so it reads in greyscale print.
enum ReportBars {
    /// Where the bars start and how long they are, in the drawing's units.
    private static let labelWidth = 230.0
    private static let barWidth = 640.0
    /// No segment is narrower than this, so its label always fits.
    private static let minimumSegment = 46.0
    private static let rowHeight = 30.0

    static func svg(_ summary: Summary) -> String {
        let tallies = summary.pillars + [summary.total]
        let height = rowHeight * Double(tallies.count) + 6
        var svg = "<svg class=\"bars\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1000 \(format(height))\" role=\"img\" aria-labelledby=\"bars-title\">\n"
            + "<title id=\"bars-title\">Live actions by RAG per pillar: "
            + ReportHTML.escape(tallies.map { tally in
                "\(tally.name) " + RAG.live.map { "\($0.letter) \(tally.count($0))" }.joined(separator: ", ")
            }.joined(separator: "; ")) + "</title>\n"
        for (index, tally) in tallies.enumerated() {
            let top = 3 + rowHeight * Double(index)
            let middle = format(top + rowHeight / 2 + 5)
            let name = TerminalText.truncate(tally.name, to: 30)
            svg += "<text x=\"0\" y=\"\(middle)\" font-size=\"14\"\(tally == summary.total ? " font-weight=\"bold\"" : "")>\(ReportHTML.escape(name))</text>\n"
            svg += segments(tally, top: top)
            svg += "<text x=\"\(format(labelWidth + barWidth + 10))\" y=\"\(middle)\" font-size=\"14\">\(tally.live) live</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// The coloured runs of one bar: each a minimum width, the rest shared by count.
    private static func segments(_ tally: Tally, top: Double) -> String {
        let colours = RAG.live.filter { tally.count($0) > 0 }
        guard tally.live > 0 else {
            return "<text x=\"\(format(labelWidth))\" y=\"\(format(top + rowHeight / 2 + 5))\" font-size=\"13\">no live actions</text>\n"
        }
        let shared = max(0, barWidth - minimumSegment * Double(colours.count))
        var x = labelWidth
        var svg = ""
        for colour in colours {
            let count = tally.count(colour)
            let width = minimumSegment + shared * Double(count) / Double(tally.live)
            svg += "<rect class=\"bar-\(colour.rawValue)\" x=\"\(format(x))\" y=\"\(format(top + 3))\" width=\"\(format(width))\" "
                + "height=\"\(format(rowHeight - 6))\" stroke=\"#111\" stroke-width=\"1\"/>"
                + "<text class=\"label-\(colour.rawValue)\" x=\"\(format(x + width / 2))\" y=\"\(format(top + rowHeight / 2 + 5))\" "
                + "font-size=\"14\" font-weight=\"bold\" text-anchor=\"middle\">\(ReportHTML.escape(colour.letter)) \(count)</text>\n"
            x += width
        }
        return svg
    }

    /// A coordinate with at most one decimal, so the same summary always draws the same text.
    static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(abs(tenths % 10))"
    }
}
