import ActionPlanFormat
import ArgumentParser

/// The form `report` writes: one of the text forms, or an .xlsx workbook (a file, not text).
enum ReportForm: Equatable, ExpressibleByArgument {
    case text(ReportFormat)
    case workbook

    init?(argument: String) {
        if argument.lowercased() == "xlsx" {
            self = .workbook
        } else if let format = ReportFormat(rawValue: argument.lowercased()) {
            self = .text(format)
        } else {
            return nil
        }
    }

    /// The form a file name's extension asks for, if any: `.xlsx` a workbook.
    init?(fileName: String) {
        if fileName.lowercased().hasSuffix(".xlsx") {
            self = .workbook
        } else if let format = ReportFormat(fileName: fileName) {
            self = .text(format)
        } else {
            return nil
        }
    }

    var name: String {
        switch self {
        case .text(let format): format.rawValue
        case .workbook: "xlsx"
        }
    }

    static var allValueStrings: [String] { ReportFormat.allCases.map(\.rawValue) + ["xlsx"] }
}
