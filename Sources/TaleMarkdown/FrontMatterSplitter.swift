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

/// Splits `---` front matter from the body, as Hugo and Jekyll do.
public enum FrontMatterSplitter {
    /// Splits `text`, or reports why it cannot and returns nil.
    public static func split(_ text: String, file: String, diagnostics: inout DiagnosticList) -> SplitSource? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = String(first.dropFirst()) }
        guard lines.first.map({ $0.trimmingTrailingSpaces() == "---" }) == true else {
            diagnostics.error(SourceLocation(file: file, line: 1, column: 1),
                              "missing front matter: a book starts with a line `---`, its settings, and another `---`",
                              hint: "put these three lines at the top:\n  ---\n  title: \"Your Title\"\n  ---")
            return nil
        }
        guard let closing = lines.indices.dropFirst().first(where: { lines[$0].trimmingTrailingSpaces() == "---" }) else {
            diagnostics.error(SourceLocation(file: file, line: 1, column: 1),
                              "front matter is never closed",
                              hint: "did you forget the closing `---`? Add a line `---` after the last setting.")
            return nil
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        return SplitSource(yaml: yaml, body: body, yamlFirstLine: 2, bodyFirstLine: closing + 2)
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return String(s)
    }
}
