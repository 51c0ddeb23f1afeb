import TaleCore

/// A source file cut into its YAML front matter and its Markdown body.
public struct SplitSource: Sendable, Equatable {
    /// The YAML between the two `---` lines.
    public var yaml: String
    /// The Markdown after the closing `---`.
    public var body: String
    /// The file line on which the YAML starts (its line 1), always 2.
    public var yamlFirstLine: Int
    /// The file line on which the body starts.
    public var bodyFirstLine: Int
}

/// Splits `---` front matter from the body, as Hugo and Jekyll do. Lines may end in `\n`,
/// `\r\n` (a file saved on Windows) or `\r` (an old Mac's); the parts come out with `\n` only.
public enum FrontMatterSplitter {
    /// Splits `text`, or reports why it cannot and returns nil.
    public static func split(_ text: String, file: String, diagnostics: inout DiagnosticList) -> SplitSource? {
        let bytes = Array(text.utf8)
        // Each line's bytes without its `\n` and a `\r` before it, up to the closing fence; a
        // byte-order mark is not part of the first line. The body after the fence is copied whole.
        var lines: [Range<Int>] = []
        var position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var bodyStart = bytes.count
        while position <= bytes.count {
            // A line ends at `\n`, `\r\n` or a `\r` alone, as `String.lines()` and cmark-gfm end it.
            let end = bytes[position...].firstIndex { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") } ?? bytes.count
            let line = position..<end
            lines.append(line)
            position = end + (end + 1 < bytes.count && bytes[end] == UInt8(ascii: "\r") && bytes[end + 1] == UInt8(ascii: "\n") ? 2 : 1)
            if lines.count == 1, !isFence(bytes[line]) { break }
            if lines.count > 1, isFence(bytes[line]) {
                bodyStart = min(position, bytes.count)
                break
            }
        }
        guard isFence(bytes[lines[0]]) else {
            diagnostics.error(SourceLocation(file: file, line: 1, column: 1),
                              "missing front matter: a book starts with a line `---`, its settings, and another `---`",
                              hint: "put these three lines at the top:\n  ---\n  title: \"Your Title\"\n  ---")
            return nil
        }
        guard lines.count > 1, isFence(bytes[lines[lines.count - 1]]) else {
            diagnostics.error(SourceLocation(file: file, line: 1, column: 1),
                              "front matter is never closed",
                              hint: "did you forget the closing `---`? Add a line `---` after the last setting.")
            return nil
        }
        let closing = lines.count - 1
        let yaml = lines[1..<closing].map { String(decoding: bytes[$0], as: UTF8.self) }.joined(separator: "\n")
        // The `\r` of every `\r\n`, and a last `\r`, are left out of the body; a `\r` alone becomes `\n`.
        let rest = bytes[bodyStart...]
        var body: [UInt8] = []
        if rest.contains(UInt8(ascii: "\r")) {
            body.reserveCapacity(rest.count)
            for index in rest.indices {
                guard rest[index] == UInt8(ascii: "\r") else {
                    body.append(rest[index])
                    continue
                }
                if index + 1 != rest.endIndex, rest[index + 1] != UInt8(ascii: "\n") { body.append(UInt8(ascii: "\n")) }
            }
        } else {
            body.append(contentsOf: rest)
        }
        return SplitSource(yaml: yaml, body: String(decoding: body, as: UTF8.self), yamlFirstLine: 2, bodyFirstLine: closing + 2)
    }

    /// Whether a line is `---`, spaces and tabs after it allowed.
    private static func isFence(_ line: ArraySlice<UInt8>) -> Bool {
        var end = line.endIndex
        while end > line.startIndex, line[end - 1] == UInt8(ascii: " ") || line[end - 1] == UInt8(ascii: "\t") { end -= 1 }
        return line[line.startIndex..<end].elementsEqual("---".utf8)
    }
}
