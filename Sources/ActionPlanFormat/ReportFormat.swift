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
        guard case .format(let format) = Self.fileExtension(of: fileName) else { return nil }
        self = format
    }

    /// What the extension of a file name says about the form to write in it.
    public enum FileExtension: Equatable, Sendable {
        /// One of the report's forms.
        case format(ReportFormat)
        /// The extension of another kind of document (`.xlsx`, `.pdf`): the form to write instead.
        case other(String, instead: ReportFormat)
        /// No extension, or one that names no kind of document.
        case none
    }

    /// What the last part of `fileName` after a dot names, if anything.
    public static func fileExtension(of fileName: String) -> FileExtension {
        let name = fileName.split(separator: "/").last.map(String.init) ?? fileName
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return .none }
        let suffix = name[name.index(after: dot)...].lowercased()
        switch suffix {
        case "html", "htm": return .format(.html)
        case "md", "markdown": return .format(.md)
        case "csv": return .format(.csv)
        case "json": return .format(.json)
        default: return otherDocuments[suffix].map { .other(suffix, instead: $0) } ?? .none
        }
    }

    /// Extensions of documents the report is not, each with the form that serves the same end:
    /// a spreadsheet opens the CSV, a paper prints from the HTML, a program reads the JSON.
    private static let otherDocuments: [String: ReportFormat] = [
        "xls": .csv, "xlsm": .csv, "ods": .csv, "tsv": .csv, "numbers": .csv,
        "pdf": .html, "doc": .html, "docx": .html, "odt": .html, "rtf": .html, "ppt": .html, "pptx": .html,
        "odp": .html, "epub": .html, "png": .html, "jpg": .html, "jpeg": .html, "svg": .html, "xhtml": .html,
        "xml": .json, "yaml": .json, "yml": .json,
        "txt": .md, "text": .md, "rst": .md, "adoc": .md,
    ]
}
