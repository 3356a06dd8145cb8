/// Why a workbook or CSV tracker cannot be read, with where: file, sheet, row and column as far
/// as they are known, and what to do instead.
public struct WorkbookProblem: Error, Sendable {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }
}

/// How much a tracker may hold before it is refused rather than read: a partnership's tracker is
/// a few hundred rows, and a zip that inflates far past these is a bomb, not a tracker.
public enum WorkbookLimits {
    /// The file as it is on disk.
    public static let fileBytes = 32 << 20
    /// One part of a workbook (a sheet, its shared strings) once inflated.
    public static let partBytes = 64 << 20
    /// All the parts read from one workbook, once inflated.
    public static let inflatedBytes = 128 << 20
    /// Parts in the zip.
    public static let parts = 10_000
    /// Rows and columns of a sheet or CSV file.
    public static let rows = 100_000
    public static let columns = 256
}
