/// A scene's words, lowercased and stripped of punctuation, in order; cue positions index into them.
public struct Words: Sendable, Equatable {
    /// Each word as written (with its punctuation), in order.
    public var original: [String]
    /// Each word lowercased, letters and digits only (apostrophes kept inside: "wasn't").
    public var normalized: [String]

    /// Splits `text` on white space, the same way the reader's read-aloud does.
    public init(_ text: String) {
        // Split on white space as the reader's /\s+/ does (ASCII white space and no-break spaces).
        var words: [String] = []
        var text = text
        // Through a buffer pointer: a slice of an array per word retained and released the array each time.
        text.withUTF8 { utf8 in
            var start = 0, i = 0
            while i <= utf8.count {
                var width = 0
                if i == utf8.count {
                    width = 1
                } else {
                    let byte = utf8[i]
                    if byte == 0x20 || (0x09...0x0D).contains(byte) { width = 1 } else if byte == 0xC2, i + 1 < utf8.count, utf8[i + 1] == 0xA0 { width = 2 }
                }
                if width > 0 {
                    if i > start { words.append(String(decoding: UnsafeBufferPointer(rebasing: utf8[start..<i]), as: UTF8.self)) }
                    i += width
                    start = i
                } else {
                    i += 1
                }
            }
        }
        original = words
        normalized = original.map(Words.normalize)
    }

    /// Lowercase, letters, digits and inner apostrophes only; ASCII words take a fast path, in a
    /// buffer on the stack (an array per word was most of the cost of reading a scene's words).
    static func normalize(_ word: String) -> String {
        var word = word
        let fast = word.withUTF8 { utf8 -> String? in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, utf8.count)) { bytes -> String? in
                var count = 0
                for byte in utf8 {
                    switch byte {
                    case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes[count] = byte + 32
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "'"): bytes[count] = byte
                    case 0x80...: return nil
                    default: continue
                    }
                    count += 1
                }
                var start = 0, end = count
                while start < end, bytes[start] == UInt8(ascii: "'") { start += 1 }
                while end > start, bytes[end - 1] == UInt8(ascii: "'") { end -= 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            }
        }
        if let fast { return fast }
        let kept = String(word.lowercased().map { $0 == "\u{2019}" ? "'" : $0 }.filter { $0.isLetter || $0.isNumber || $0 == "'" })
        return String(kept.drop { $0 == "'" }.reversed().drop { $0 == "'" }.reversed())
    }

    /// How many words.
    public var count: Int { normalized.count }
}
