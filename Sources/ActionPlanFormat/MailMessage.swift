import ActionPlanModel

/// An RFC 5322 message with one UTF-8 plain-text part in quoted-printable, as `--send` hands it
/// to sendmail: lines end in LF, which sendmail turns into CRLF for the wire.
///
/// There is no HTML alternative: the digest is a list whose commands are copied as written, which
/// plain text shows everywhere, and one part leaves no markup for a note to break out of.
public struct MailMessage: Hashable, Sendable {
    public var from: Mailbox?
    public var to: [Mailbox]
    public var subject: String
    public var body: String
    public var date: Timestamp
    /// `<unique@host>`, made by the caller, who can reach randomness and the host name.
    public var messageID: String

    public init(from: Mailbox?, to: [Mailbox], subject: String,
                body: String, date: Timestamp, messageID: String) {
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.date = date
        self.messageID = messageID
    }

    /// The message: headers, a blank line, the encoded body.
    public var text: String {
        var headers = [
            "Date: " + MailDate.text(date),
            MailHeader.addresses("To", to),
            MailHeader.unstructured("Subject", subject),
            "Message-ID: " + MailHeader.oneLine(messageID),
            // RFC 3834: a reminder sent by a program, so that autoresponders stay quiet.
            "Auto-Submitted: auto-generated",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
        ]
        if let from { headers.insert(MailHeader.addresses("From", [from]), at: 1) }
        return headers.joined(separator: "\n") + "\n\n" + QuotedPrintable.encode(body)
    }

}

/// Quoted-printable (RFC 2045 6.7) for a UTF-8 text body.
enum QuotedPrintable {
    /// Each line's bytes, with anything but printable ASCII as `=XX`, a space or tab that ends a
    /// line encoded, a leading `.` encoded (a lone dot would end an SMTP message), and lines
    /// longer than 76 broken with soft `=` breaks between encoded characters.
    static func encode(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let bytes = Array(line.utf8)
            var pieces: [String] = bytes.enumerated().map { index, byte in
                let last = index == bytes.count - 1
                switch byte {
                case UInt8(ascii: "="): return hex(byte)
                case UInt8(ascii: " "), UInt8(ascii: "\t"): return last ? hex(byte) : String(UnicodeScalar(byte))
                case UInt8(ascii: ".") where index == 0: return hex(byte)
                case 33...126: return String(UnicodeScalar(byte))
                default: return hex(byte)
                }
            }
            var lines: [String] = []
            var current = ""
            while !pieces.isEmpty {
                let piece = pieces.removeFirst()
                // 75 and a soft break's `=` make 76.
                if current.count + piece.count > 75 {
                    lines.append(current + "=")
                    current = ""
                }
                current += piece
            }
            lines.append(current)
            return lines.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    private static func hex(_ byte: UInt8) -> String {
        "=" + Int(byte).zeroPadded(2, radix: 16)
    }
}

/// A date as RFC 5322 writes it: `Sat, 20 Jun 2015 09:30:00 +0000`.
enum MailDate {
    static func text(_ moment: Timestamp) -> String {
        let day = moment.day
        let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"].dropFirst(((daysSinceEpoch(day) % 7) + 7) % 7).first ?? ""
        let (hour, rest) = min(moment.second, 86_399).quotientAndRemainder(dividingBy: 3_600)
        return "\(weekday), \(day.day) \(Month.name(day.month).prefix(3)) \(day.year) \(hour.zeroPadded(2)):\((rest / 60).zeroPadded(2)):\((rest % 60).zeroPadded(2)) +0000"
    }

    /// Days from 1970-01-01 (a Thursday) to `day`, by the civil-from-days algorithm.
    private static func daysSinceEpoch(_ day: Day) -> Int {
        let y = day.month <= 2 ? day.year - 1 : day.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (day.month + (day.month > 2 ? -3 : 9)) + 2) / 5 + day.day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
