import ActionPlanModel
import Foundation

/// Text made safe as an email header's value (RFC 5322, RFC 2047): one logical line, however
/// it was written, so nothing read from a file or typed by a person can start a header of its own.
public enum MailHeader {
    /// `Name: value` for unstructured text such as a subject: line breaks and other control
    /// characters become spaces; non-ASCII text goes in encoded words; long lines are folded.
    public static func unstructured(_ name: String, _ value: String) -> String {
        let flat = oneLine(value)
        if flat.unicodeScalars.allSatisfy({ $0.isASCII }) {
            return fold(name + ": " + flat)
        }
        return name + ": " + encodedWords(flat).joined(separator: "\n ")
    }

    /// `Name: Display <address>, …`: each display name quoted or encoded as it needs, on a line
    /// of its own when there are several.
    public static func addresses(_ name: String, _ mailboxes: [Mailbox]) -> String {
        name + ": " + mailboxes.map { mailbox in
            guard let display = mailbox.name.map(oneLine), !display.isEmpty else { return mailbox.address.text }
            return phrase(display) + " <" + mailbox.address.text + ">"
        }.joined(separator: ",\n ")
    }

    /// `text` on one line: a CR, LF or any other control or format character becomes a space.
    static func oneLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format
                || scalar == "\u{2028}" || scalar == "\u{2029}" ? " " : scalar
        })).trimmingCharacters(in: .whitespaces)
    }

    /// A display name as RFC 5322 allows it: atoms as they are, ASCII with specials in quotes,
    /// anything else in encoded words.
    private static func phrase(_ text: String) -> String {
        guard text.unicodeScalars.allSatisfy({ $0.isASCII }) else { return encodedWords(text).joined(separator: "\n ") }
        let atext = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~ ")
        if text.allSatisfy(atext.contains), !text.contains("  ") { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// RFC 2047 `=?UTF-8?B?…?=` words, each short enough to sit on a folded line after a header
    /// name, split between characters, never inside one.
    private static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > bytesPerWord, !chunk.isEmpty {
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return words
    }

    /// 39 bytes are 52 base64 characters, a 64-character word: with `Subject: ` before it, a
    /// line stays within the 78 that RFC 5322 asks for.
    private static let bytesPerWord = 39

    /// An ASCII header line folded at spaces so that no line passes 78 characters where a space allows.
    private static func fold(_ line: String) -> String {
        var lines: [String] = []
        var current = ""
        for word in line.split(separator: " ", omittingEmptySubsequences: false) {
            if !current.isEmpty, current.count + 1 + word.count > 78 {
                lines.append(current)
                current = String(word)
            } else {
                current += (current.isEmpty && lines.isEmpty ? "" : " ") + word
            }
        }
        lines.append(current)
        // A fold is a line break before a space that was there: unfolding gives the line back.
        return lines.joined(separator: "\n ")
    }
}

/// Somebody a message is from or to: a display name, if known, and an address.
public struct Mailbox: Hashable, Sendable {
    public let name: String?
    public let address: EmailAddress

    public init(name: String?, address: EmailAddress) {
        self.name = name
        self.address = address
    }
}
