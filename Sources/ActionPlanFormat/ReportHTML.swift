import ActionPlanModel

/// A quarter's report as one self-contained HTML file: inline CSS and SVG, nothing fetched,
/// laid out for A4 landscape print.
///
/// Every text from the plan and its notes is escaped, so a note can never add markup or script,
/// and control characters are shown as visible codes as everywhere else.
public enum ReportHTML {
    public static func render(_ report: QuarterReport) -> String {
        let document = ReportDocument(report)
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(document.title))</title>
            <style>
            \(style)
            </style>
            </head>
            <body>
            <header>
            <h1>\(escape(document.title))</h1>

            """
        for line in document.subtitle { html += "<p class=\"subtitle\">\(escape(line))</p>\n" }
        html += "<p class=\"generated\">\(escape(document.generated))</p>\n"
        // The attribute is how `verify --head FILE` finds the head: text from a plan or a note
        // can never make one, as its quotes are escaped.
        html += "<p class=\"generated\" \(ReportHead.htmlAttribute)=\"\(report.generated.journalHead)\">\(escape(document.journalHead))</p>\n</header>\n"
        for section in document.sections {
            html += "<section id=\"\(section.id)\"\(section.newPage ? " class=\"newpage\"" : "")>\n<h2>\(escape(section.title))</h2>\n"
            for block in section.blocks { html += render(block, in: document) }
            html += "</section>\n"
        }
        return html + "</body>\n</html>\n"
    }

    /// `text` made safe as HTML text or an attribute value: control characters as visible codes,
    /// then `& < > " '` as entities.
    public static func escape(_ text: String) -> String {
        TerminalText.replacingScalars(in: TerminalText.safe(text)) { scalar in
            switch scalar {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": "&quot;"
            case "'": "&#39;"
            default: nil
            }
        }
    }

    private static func render(_ block: ReportDocument.Block, in document: ReportDocument) -> String {
        switch block {
        case .paragraph(let text):
            return "<p>\(escape(text))</p>\n"
        case .heading(let text, let level, let newPage):
            return "<h\(level)\(newPage ? " class=\"newpage\"" : "")>\(escape(text))</h\(level)>\n"
        case .table(let table):
            return render(table, before: document.before)
        case .bars:
            return ReportBars.svg(document.summary)
        case .key:
            let colours = RAG.live.map { "<li>\(badge(Rating(rag: $0))) \(escape(RAGKey.meaning(of: $0)))</li>" }
            let directions = Direction.allCases.map { "<li><span class=\"dir\">\(escape($0.symbol))</span> \(escape($0.meaning(since: document.before)))</li>" }
            return "<ul class=\"key\">\n" + (colours + directions).joined(separator: "\n") + "\n</ul>\n"
        case .charts(let standings):
            return "<div class=\"charts\">\n" + standings.enumerated().map { IndicatorChart.svg($1, number: $0 + 1) }.joined() + "</div>\n"
        }
    }

    /// A table; each arrow's tooltip says what it compares with (`before`).
    private static func render(_ table: ReportDocument.Table, before: String) -> String {
        let total = max(1, table.weights.reduce(0, +))
        let widths = table.weights.map { weight -> String in
            let tenths = weight * 1000 / total
            return "<col style=\"width: \(tenths / 10).\(tenths % 10)%\">"
        }
        var html = "<table>\n<colgroup>" + widths.joined() + "</colgroup>\n<thead><tr>" + table.columns.map { "<th scope=\"col\">\(escape($0.title))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            html += "<tr>"
            for (index, cell) in row.enumerated() {
                // The first column names the row, so screen readers announce it with each cell.
                let tag = index == 0 ? "th scope=\"row\"" : "td"
                let end = index == 0 ? "th" : "td"
                switch cell {
                case .text(let text): html += "<\(tag)>\(escape(text))</\(end)>"
                case .number(let text): html += "<\(tag) class=\"num\">\(escape(text))</\(end)>"
                case .rating(let rating, let direction):
                    html += "<\(tag) class=\"rating\">\(badge(rating))"
                        + (direction.map { "<span class=\"dir\" title=\"\(escape($0.meaning(since: before)))\">\(escape($0.symbol))</span>" } ?? "")
                        + "</\(end)>"
                case .figure(let rag, let travel):
                    html += "<\(tag) class=\"rating\"><span class=\"rag rag-\(rag.rawValue)\" title=\"\(escape(rag.rawValue + ": " + rag.figureMeaning))\">"
                        + "\(escape(rag.letter))</span><span class=\"dir\">\(escape(travel))</span></\(end)>"
                }
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    /// The RAG letter on its colour; the letter carries the meaning without the colour.
    private static func badge(_ rating: Rating) -> String {
        "<span class=\"rag rag-\(rating.rag.rawValue)\" title=\"\(escape(rating.rag.rawValue + ": " + rating.rag.meaning))\">\(escape(rating.symbol))</span>"
    }

    /// Printed as on screen: backgrounds are kept, since the colours carry the ratings.
    private static let style = """
        @page { size: A4 landscape; margin: 12mm; }
        * { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; font-size: 10pt; line-height: 1.35; color: #111; background: #fff; margin: 0 auto; max-width: 1180px; padding: 16px; }
        h1 { font-size: 17pt; margin: 0 0 4px; }
        h2 { font-size: 14pt; margin: 22px 0 8px; padding-bottom: 2px; border-bottom: 2px solid #111; break-after: avoid; }
        h3 { font-size: 12pt; margin: 14px 0 6px; break-after: avoid; }
        h4 { font-size: 10pt; margin: 10px 0 4px; break-after: avoid; }
        .newpage { break-before: page; }
        p { margin: 4px 0; }
        .subtitle { font-size: 11pt; }
        .generated { color: #333; font-size: 9pt; }
        table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 4px 0 10px; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; }
        th, td { border: 1px solid #777; padding: 3px 5px; text-align: left; vertical-align: top; overflow-wrap: break-word; }
        thead th { background: #e6e6e6; }
        tbody th { font-weight: bold; white-space: nowrap; }
        #summary tbody th { white-space: normal; } /* a group's long name wraps; ids elsewhere do not */
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        .rating { white-space: nowrap; }
        .rag { display: inline-block; min-width: 2.1em; padding: 0 3px; border: 1px solid #111; border-radius: 3px; text-align: center; font-weight: bold; }
        .dir { font-weight: bold; margin-left: 4px; }
        .key { list-style: none; padding: 0; columns: 2; }
        .key li { margin: 3px 0; }
        svg.bars { width: 100%; max-width: 1000px; height: auto; display: block; margin: 6px 0; }
        .charts { display: grid; grid-template-columns: 1fr 1fr; gap: 8px 18px; }
        svg.chart { width: 100%; height: auto; display: block; break-inside: avoid; font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; }
        @media print { body { max-width: none; padding: 0; font-size: 8.5pt; } }
        """ + "\n" + colours.map { colour, paint in
            // The badge in tables and the key, and the bar's segment and its label, in one colour.
            ".rag-\(colour.rawValue) { background: \(paint.fill); color: \(paint.text); } "
                + ".bar-\(colour.rawValue) { fill: \(paint.fill); } .label-\(colour.rawValue) { fill: \(paint.text); }"
        }.joined(separator: "\n")

    /// Each colour and the text on it, chosen for at least 4.5:1 contrast (dropped has no colour).
    package static let colours: [(RAG, (fill: String, text: String))] = [
        (.blue, ("#1d4f91", "#fff")), (.green, ("#1b6e33", "#fff")), (.amber, ("#f2b51c", "#111")),
        (.red, ("#b21f24", "#fff")), (.grey, ("#d9d9d9", "#111")), (.none, ("#fff", "#111")),
    ]
}
