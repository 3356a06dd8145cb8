@testable import ActionPlanFormat
import ActionPlanModel
import Foundation
import Testing

/// Email headers and bodies: one logical line per header, whatever the text holds; encoded where
/// it is not ASCII; lines within RFC 5322's limits.
@Suite struct MailTests {
    let address = EmailAddress("jo@harrow.example")

    @Test func aLineBreakInASubjectBecomesASpaceNotAHeader() {
        let header = MailHeader.unstructured("Subject", "Plan\r\nBcc: evil@x.example")
        #expect(header == "Subject: Plan  Bcc: evil@x.example")
    }

    @Test func aLongSubjectIsFoldedAtSpacesEachLineWithin78() {
        let header = MailHeader.unstructured("Subject", String(repeating: "word ", count: 40))
        let lines = header.split(separator: "\n")
        #expect(lines.count > 1 && lines.allSatisfy { $0.count <= 78 } && lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(header.replacingOccurrences(of: "\n", with: "") == "Subject: " + String(repeating: "word ", count: 40).trimmingCharacters(in: .whitespaces))
    }

    @Test func nonASCIIGoesInEncodedWordsSplitBetweenCharacters() {
        let header = MailHeader.unstructured("Subject", String(repeating: "£1,200 “agreed” ", count: 6))
        let lines = header.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 78 })
        let words = header.matches(of: /=\?UTF-8\?B\?([A-Za-z0-9+\/=]+)\?=/).map { Data(base64Encoded: String($0.1)) }
        // Each word decodes to whole UTF-8 characters on its own.
        #expect(words.allSatisfy { $0.flatMap { String(data: $0, encoding: .utf8) } != nil })
        #expect(words.compactMap { $0.flatMap { String(data: $0, encoding: .utf8) } }.joined() == String(repeating: "£1,200 “agreed” ", count: 6).trimmingCharacters(in: .whitespaces))
    }

    @Test func displayNamesAreQuotedOrEncoded() throws {
        let address = try #require(address)
        #expect(MailHeader.addresses("To", [Mailbox(name: "PC Jones", address: address)]) == "To: PC Jones <jo@harrow.example>")
        #expect(MailHeader.addresses("To", [Mailbox(name: "Clarke, \"CJ\" <x@y.z>", address: address)]) == #"To: "Clarke, \"CJ\" <x@y.z>" <jo@harrow.example>"#)
        #expect(MailHeader.addresses("To", [Mailbox(name: "Siân", address: address)]) == "To: =?UTF-8?B?U2nDom4=?= <jo@harrow.example>")
        #expect(MailHeader.addresses("To", [Mailbox(name: "Jo\nBcc: e@x.y", address: address)]) == "To: \"Jo Bcc: e@x.y\" <jo@harrow.example>")
    }

    @Test func theBodyIsQuotedPrintableWithin76AndALeadingDotEncoded() {
        let body = QuotedPrintable.encode(".\n£1,200 = “agreed” \n" + String(repeating: "é", count: 40))
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "=2E")
        #expect(lines.dropFirst().first == "=C2=A31,200 =3D =E2=80=9Cagreed=E2=80=9D=20")
        #expect(lines.allSatisfy { $0.count <= 76 && $0.allSatisfy(\.isASCII) })
        // A soft break never splits an =XX.
        #expect(lines.filter { $0.hasSuffix("=") }.allSatisfy { !$0.dropLast().hasSuffix("=") && !$0.dropLast(2).hasSuffix("=") })
    }

    @Test func theDateIsRFC5322() throws {
        let moment = try #require(Timestamp("2015-06-20T08:05:09Z"))
        #expect(MailDate.text(moment) == "Sat, 20 Jun 2015 08:05:09 +0000")
        #expect(MailDate.text(try #require(Timestamp("2024-02-29T23:59:59Z"))) == "Thu, 29 Feb 2024 23:59:59 +0000")
    }
}
