/// An email address that is safe to put in a message's header and on sendmail's command line.
///
/// Only the plain `local@domain` form is taken, in ASCII: no display name, comment, quoted local
/// part or route, so that nothing read from a file can close the address and start another one or
/// a new header line.
public struct EmailAddress: Hashable, Sendable, CustomStringConvertible {
    public let text: String

    /// The address `text` spells, or nil when it is not a plain `local@domain` address.
    public init?(_ text: String) {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, text.utf8.count <= 254 else { return nil }
        let local = parts[0]
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        // RFC 5322's dot-atom: atext runs joined by single dots.
        let atext = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~")
        let letterDigitHyphen = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
        guard !local.isEmpty, local.utf8.count <= 64,
              local.split(separator: ".", omittingEmptySubsequences: false).allSatisfy({ !$0.isEmpty && $0.allSatisfy(atext.contains) }),
              labels.count >= 2,
              labels.allSatisfy({ !$0.isEmpty && $0.count <= 63 && $0.allSatisfy(letterDigitHyphen.contains) && $0.first != "-" && $0.last != "-" })
        else { return nil }
        self.text = text
    }

    public var description: String { text }

    /// What to write instead of an address that does not read.
    public static let hint = "write a plain address such as 'jo.smith@harrow.gov.uk', without a name or <brackets>"
}
