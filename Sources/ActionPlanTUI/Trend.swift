/// A small trend of an indicator's last periods as block characters, one a period, the latest on
/// the right: heights read without colour, and a missing figure is a gap.
enum Trend {
    /// How many periods a trend shows.
    static let periods = 8

    /// The heights, lowest first.
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// The trend of `values` (oldest first, nil where a figure is missing): always `periods`
    /// columns, the last `periods` values right-aligned, each scaled between the smallest and the
    /// largest value shown; all alike (or one alone) sit in the middle.
    static func text(_ values: [Double?]) -> String {
        let shown = Array(values.suffix(periods))
        let known = shown.compactMap { $0 }
        let low = known.min() ?? 0
        let span = (known.max() ?? 0) - low
        let padding = String(repeating: " ", count: periods - shown.count)
        return padding + String(shown.map { value -> Character in
            guard let value else { return " " }
            let level = span > 0 ? Int(((value - low) / span * Double(blocks.count - 1)).rounded()) : blocks.count / 2 - 1
            return blocks[max(0, min(blocks.count - 1, level))]
        })
    }
}
