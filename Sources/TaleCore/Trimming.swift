import Foundation

extension String {
    /// The text without white space and line breaks at either end, as Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` gives it, but trimmed on the bytes when
    /// what is left begins and ends in ASCII (nearly always). Foundation's way goes through
    /// `NSString`, and was the largest cost of reading a book's scenes.
    public func trimmingWhitespaceAndNewlines() -> String {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        let bytes = utf8
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, isSpace(bytes[start]) { start = bytes.index(after: start) }
        while end > start, isSpace(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
        // A non-ASCII byte at an end may belong to a Unicode space: Foundation decides.
        if start < end, bytes[start] >= 0x80 || bytes[bytes.index(before: end)] >= 0x80 {
            return trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if start == bytes.startIndex, end == bytes.endIndex { return self }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
