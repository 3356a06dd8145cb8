extension BinaryInteger {
    /// The number's digits in `radix` (letters upper case), with zeros in front to make at least
    /// `width`: `7.zeroPadded(2)` is `07`, `10.zeroPadded(4, radix: 16)` is `000A`.
    public func zeroPadded(_ width: Int, radix: Int = 10) -> String {
        let digits = String(self, radix: radix, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
