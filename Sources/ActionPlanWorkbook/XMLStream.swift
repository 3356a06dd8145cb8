import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads one XML part of a workbook as a stream of events with Foundation's `XMLParser` (libxml2
/// underneath): elements by their local name, no external entities resolved, nothing held but
/// what the handlers keep.
final class XMLStream: NSObject, XMLParserDelegate {
    private let start: (String, [String: String]) -> Void
    private let end: (String) -> Void
    private let text: (String) -> Void

    private init(start: @escaping (String, [String: String]) -> Void, end: @escaping (String) -> Void, text: @escaping (String) -> Void) {
        self.start = start
        self.end = end
        self.text = text
    }

    /// Streams `data`, the part `part` of `file`, through the handlers; a part that is not
    /// well-formed XML is refused with its line and column.
    static func read(_ data: Data, part: String, file: String,
                     start: @escaping (String, [String: String]) -> Void,
                     end: @escaping (String) -> Void = { _ in },
                     text: @escaping (String) -> Void = { _ in }) throws(WorkbookProblem) {
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        let stream = XMLStream(start: start, end: end, text: text)
        parser.delegate = stream
        guard parser.parse() else {
            let reason = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "not well-formed"
            throw WorkbookProblem("\(file): \(part), line \(parser.lineNumber), column \(parser.columnNumber): not well-formed XML (\(reason)); save the workbook again from the spreadsheet")
        }
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        start(elementName, attributes)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        end(elementName)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text(string)
    }
}
