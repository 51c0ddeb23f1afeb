/// Generated scene text (Markdown paragraphs) as the HTML and plain text a scene holds.
/// Headings and raw HTML are left out: generated text may not start scenes or carry markup.
public enum GeneratedText {
    /// The scene HTML and plain text of `markdown`.
    public static func render(_ markdown: String) -> (html: String, text: String) {
        let document = MarkdownDocument(markdown)
        var html = ""
        var text: [String] = []
        for (index, block) in document.blocks.enumerated() {
            switch block.kind {
            case .heading, .htmlBlock: continue
            default:
                html += document.html(ofBlock: index)
                if !block.plainText.isEmpty { text.append(block.plainText) }
            }
        }
        return (html, text.joined(separator: "\n\n"))
    }
}
