import ActionPlanModel

/// The forms a quarter's report can take.
public enum ReportFormat: String, CaseIterable, Sendable {
    case html, md, csv, json

    /// The report as text in this form.
    public func render(_ report: QuarterReport) -> String {
        switch self {
        case .html: ReportHTML.render(report)
        case .md: ReportMarkdown.render(report)
        case .csv: ReportCSV.render(report)
        case .json: ReportJSON.render(report)
        }
    }

    /// The form a file name's extension asks for (`.html`, `.htm`, `.md`, `.markdown`, `.csv`, `.json`), if any.
    public init?(fileName: String) {
        let suffix = fileName.split(separator: ".").last.map { $0.lowercased() } ?? ""
        switch suffix {
        case "html", "htm": self = .html
        case "md", "markdown": self = .md
        case "csv": self = .csv
        case "json": self = .json
        default: return nil
        }
    }
}
