import TaleCore
import TaleMarkdown

extension FuzzTarget {
    /// The bytes as YAML: as a book's front matter (read strictly, then decoded) and as `tale.yaml`.
    public static let yaml = FuzzTarget(name: "yaml", input: "front matter and tale.yaml") { bytes in
        let text = String(decoding: bytes, as: UTF8.self)
        var diagnostics = DiagnosticList()
        let value = StrictYAML.parse(text, file: "fuzz.md", firstLine: 2, diagnostics: &diagnostics)
        _ = FrontMatterDecoder.decode(value, file: "fuzz.md", diagnostics: &diagnostics)
        _ = SiteConfigDecoder.decode(text, file: "tale.yaml", diagnostics: &diagnostics)
        render(diagnostics)
    }

    /// The bytes as a whole book's `index.md`: front matter, Markdown, scene headings with their
    /// attributes, choices and generated-text briefs, within the source limits.
    public static let book = FuzzTarget(name: "book", input: "a book's index.md") { bytes in
        var diagnostics = DiagnosticList()
        if let problem = SourceLimits.notUTF8(bytes, file: "fuzz.md") {
            diagnostics.report(problem)
        } else {
            _ = BookParser.parse(String(decoding: bytes, as: UTF8.self), slug: "fuzz", file: "fuzz.md", diagnostics: &diagnostics)
        }
        render(diagnostics)
    }

    /// Formats every diagnostic, as the command line would, so that their text is exercised too.
    static func render(_ diagnostics: DiagnosticList) {
        for diagnostic in diagnostics.all { _ = diagnostic.description }
    }
}
