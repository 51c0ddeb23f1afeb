import TaleCore

/// The largest book Tale reads, each limit far past any picture book or novel, so that a careless
/// paste or a hostile file is a located error in `tale check` rather than a stall, a crash or a
/// failure deep in EPUB export. docs/limits.md lists them with the error each gives.
public enum SourceLimits {
    /// The most bytes in one `index.md` (4 MiB; a 100,000-word novel is about 600 KB).
    public static let bookBytes = 4 * 1_048_576
    /// The most bytes in one scene, heading to heading (512 KiB).
    public static let sceneBytes = 512 * 1_024
    /// The most scenes in one book.
    public static let scenes = 1_000
    /// The most characters in a scene heading.
    public static let headingCharacters = 200
    /// The most characters in a scene's `#id`.
    public static let idCharacters = 64
    /// The deepest nesting of Markdown blocks and inlines (lists in quotes in lists…), kept far
    /// under libxml2's limit of 256 for the EPUB's XHTML.
    public static let nesting = 32
    /// The deepest a scene's HTML may nest, in elements, once sanitised: Markdown's nesting and
    /// any raw HTML's together. An EPUB page wraps it in five more, under libxml2's 256.
    public static let htmlNesting = 128

    /// The line holding byte `offset` of `text`, counting from `firstLine`. Lines end where
    /// `String.lines()` ends them: at `\n`, `\r\n` or a `\r` alone.
    static func line(ofByte offset: Int, in text: String, firstLine: Int = 1) -> Int {
        // Byte `offset` itself is looked at too: when a `\r` comes just before it, it tells whether the `\r` ended a line.
        var line = firstLine, previous: UInt8 = 0
        for (index, byte) in text.utf8.prefix(offset + 1).enumerated() {
            // A `\r` ends its line unless a `\n` follows, which then ends it.
            if previous == 0x0D && byte != 0x0A { line += 1 }
            if index == offset { break }
            if byte == 0x0A { line += 1 }
            previous = byte
        }
        return line
    }

    /// Reports a book over `bookBytes` at the line where it passes the limit; true when within it.
    static func checkBookSize(_ text: String, file: String, diagnostics: inout DiagnosticList) -> Bool {
        let size = text.utf8.count
        guard size > bookBytes else { return true }
        diagnostics.error(SourceLocation(file: file, line: line(ofByte: bookBytes, in: text), column: 1),
                          "the book is \(size) bytes; Tale reads at most \(bookBytes) (4 MiB) from one index.md",
                          hint: "split it into several books, each in its own folder under content/")
        return false
    }

    /// The line and column (in characters) of the first byte of `bytes` that is not UTF-8, or nil when all of it is.
    public static func firstInvalidUTF8(in bytes: [UInt8]) -> (line: Int, column: Int)? {
        firstPlace(in: bytes) { _ in false }
    }

    /// The error for `bytes` of `file` that are not UTF-8, at the first bad byte; nil when they are.
    public static func notUTF8(_ bytes: [UInt8], file: String) -> Diagnostic? {
        guard let place = firstInvalidUTF8(in: bytes) else { return nil }
        return Diagnostic(.error, at: SourceLocation(file: file, line: place.line, column: place.column), "the file is not UTF-8 text here",
                          hint: "save it as UTF-8; the character here may have come from another encoding")
    }

    /// The line and column of the first NUL character in `text`, or nil when there is none.
    /// A NUL is never text: it comes from a damaged copy or a paste from a binary file.
    public static func firstNUL(in text: String) -> (line: Int, column: Int)? {
        guard text.utf8.contains(0) else { return nil }
        return firstPlace(in: Array(text.utf8)) { $0 == 0 }
    }

    /// The line and column (in characters) of the first byte that is not UTF-8 or that `stop` picks
    /// out. Lines end where `String.lines()` ends them: at `\n`, `\r\n` or a `\r` alone.
    private static func firstPlace(in bytes: [UInt8], stop: (UInt8) -> Bool) -> (line: Int, column: Int)? {
        var line = 1, column = 1, index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length = lead < 0x80 ? 1 : lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0
            guard length > 0, index + length <= bytes.count, !stop(lead),
                  length == 1 || String(validating: bytes[index..<(index + length)], as: UTF8.self) != nil else { return (line, column) }
            let endsLine = lead == 0x0A || (lead == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A))
            if endsLine { line += 1; column = 1 } else { column += 1 }
            index += length
        }
        return nil
    }
}
