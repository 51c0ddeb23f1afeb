/// Escaping text for XML and HTML: the one place where `& < > " '` become entities, for the
/// pages' templates, the feed, the sitemap, EPUB documents and drawn SVGs alike.
public enum XMLEscape {
    /// How an apostrophe is written.
    public enum Apostrophe: Sendable {
        /// `&apos;` (XML: the feed, the sitemap, EPUB documents).
        case named
        /// `&#39;` (HTML pages, where `&apos;` is not HTML 4).
        case numeric
        /// Left as it is (drawn SVGs, whose attributes are in double quotes).
        case kept
    }

    /// `text` escaped.
    public static func string(_ text: String, apostrophe: Apostrophe = .named) -> String {
        // Most text has nothing to escape: look at the bytes first.
        guard text.utf8.contains(where: { needsEscaping($0, apostrophe) }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        append(text, apostrophe: apostrophe, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text`, escaped, to `out`. Every character escaped is ASCII, so the UTF-8 bytes are
    /// walked directly, and runs with nothing to escape are copied at once.
    public static func append(_ text: String, apostrophe: Apostrophe, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var run = 0
            for index in 0..<bytes.count where needsEscaping(bytes[index], apostrophe) {
                let replacement: StaticString
                switch bytes[index] {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                default: replacement = apostrophe == .numeric ? "&#39;" : "&apos;"
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                out.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                run = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
    }

    private static func needsEscaping(_ byte: UInt8, _ apostrophe: Apostrophe) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""): return true
        case UInt8(ascii: "'"): return apostrophe != .kept
        default: return false
        }
    }
}
