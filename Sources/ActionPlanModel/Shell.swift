/// Quoting for the commands that messages and digests suggest.
public enum Shell {
    /// `text` as one shell word: as it is when plainly safe, otherwise in single quotes.
    public static func quote(_ text: String) -> String {
        let plain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./-+,:@%=")
        if !text.isEmpty, !text.hasPrefix("-"), text.allSatisfy({ plain.contains($0) }) { return text }
        // Inside single quotes only a quote needs care: end the quoted run, add an escaped one, resume.
        return "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: #"'\''"#) + "'"
    }
}
