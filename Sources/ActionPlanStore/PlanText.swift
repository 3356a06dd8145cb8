import ActionPlanModel
import Foundation

/// The checks a file's bytes must pass before they are given to the YAML parser: not too large,
/// not binary, valid UTF-8.
enum PlanText {
    /// Larger than any real plan (100,000 outputs is about 50 MB), small enough to read at once.
    static let maximumBytes = 128 * 1024 * 1024

    /// Why a file of `size` bytes is not read.
    static func tooLarge(_ size: Int, file: String) -> Diagnostic {
        Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1),
                   "the file is \(size) bytes; a plan may be at most \(maximumBytes) bytes (\(maximumBytes / (1024 * 1024)) MB): split it into several plans")
    }

    /// The file's text without a byte-order mark, or the located reason it cannot be a plan.
    static func decode(_ data: Data, file: String) -> Result<String, Diagnostic> {
        if data.count > maximumBytes { return .failure(tooLarge(data.count, file: file)) }
        // A byte-order mark is not a column an editor shows.
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let body = data.starts(with: bom) ? data.dropFirst(3) : data[...]
        // Nearly every file is valid UTF-8 with no NUL, which these check at memory speed; the
        // scalar-by-scalar walk below is only to say where a bad byte is.
        let checked: String? = body.withUnsafeBytes { raw in
            // Through the buffer: Data's own `contains` steps through its iterator a byte at a time.
            guard let base = raw.baseAddress else { return "" }
            guard memchr(base, 0, raw.count) == nil else { return nil }
            return String(validating: raw.assumingMemoryBound(to: UInt8.self), as: UTF8.self)
        }
        if let text = checked { return .success(text) }
        var bytes = body.makeIterator()
        var decoder = UTF8()
        var line = 1
        var column = 1
        var offset = 0
        while true {
            switch decoder.decode(&bytes) {
            case .scalarValue(let scalar):
                if scalar == "\0" {
                    return .failure(Diagnostic(.error, at: SourceLocation(file: file, line: line, column: column),
                        "the file holds a NUL byte, so it is binary, not a plan; a plan is UTF-8 text (YAML)"))
                }
                offset += UTF8.width(scalar)
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput:
                return .success(String(decoding: body, as: UTF8.self))
            case .error:
                let byte = body[body.startIndex + offset]
                return .failure(Diagnostic(.error, at: SourceLocation(file: file, line: line, column: column),
                    "byte 0x\(byte.zeroPadded(2, radix: 16)) is not UTF-8; save the file as UTF-8 text (in most editors: Save As, encoding UTF-8)"))
            }
        }
    }
}
