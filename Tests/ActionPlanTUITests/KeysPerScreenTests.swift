import Foundation
@testable import ActionPlanTUI
import Testing

/// docs/tui.md lists the keys per screen exactly as the command table has them.
@Suite struct KeysPerScreenTests {
    static let start = "<!-- keys per screen: generated from the command table (KeysPerScreenTests checks it) -->"
    static let end = "<!-- end of keys per screen -->"

    @Test func theDocumentedKeysAreTheCommandTables() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../docs/tui.md").standardized
        let text = try String(contentsOf: docs, encoding: .utf8)
        let section = text.components(separatedBy: Self.start).dropFirst().first?.components(separatedBy: Self.end).first
        let expected = "\n" + Help.markdown + "\n"
        #expect(section == expected, "docs/tui.md's keys per screen should read, between its markers:\n\(expected)")
    }
}
