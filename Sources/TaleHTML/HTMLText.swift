/// A block of text from HTML, for layouts that set text themselves (print).
public struct TextBlock: Sendable, Equatable {
    /// What kind of block it was.
    public enum Kind: String, Sendable {
        /// A paragraph.
        case paragraph
        /// A heading (`h1`-`h6`).
        case heading
        /// A list item.
        case item
        /// A quotation.
        case quote
    }

    /// The kind.
    public var kind: Kind
    /// The text, with runs of white space made single spaces.
    public var text: String

    /// A block.
    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}

/// Plain text blocks out of a scene's HTML: paragraphs, headings, list items and quotations, in
/// order. Inline formatting is dropped; images, scripts and styles give no text.
public enum HTMLText {
    /// The blocks of `html`, skipping empty ones.
    public static func blocks(_ html: String) -> [TextBlock] {
        guard let document = XMLDocumentHandle.htmlFragment(html), let body = document.body else { return [] }
        var blocks: [TextBlock] = []
        collect(body, quoted: false, into: &blocks)
        return blocks
    }

    private static let skipped: Set<String> = ["img", "script", "style", "svg", "audio", "video", "figure", "nav", "aside"]
    private static let containers: Set<String> = ["div", "section", "article", "ul", "ol", "blockquote", "body", "main", "header", "footer", "details"]

    private static func collect(_ node: XMLNodeHandle, quoted: Bool, into blocks: inout [TextBlock]) {
        var loose = ""
        func flushLoose() {
            let text = normalized(loose)
            if !text.isEmpty { blocks.append(TextBlock(quoted ? .quote : .paragraph, text)) }
            loose = ""
        }
        for child in node.children {
            if child.isText { loose += child.textContent; continue }
            guard child.isElement else { continue }
            let name = child.name.lowercased()
            if skipped.contains(name) { continue }
            if containers.contains(name) {
                flushLoose()
                collect(child, quoted: quoted || name == "blockquote", into: &blocks)
                continue
            }
            let kind: TextBlock.Kind?
            switch name {
            case "p", "pre", "dd", "dt", "figcaption": kind = quoted ? .quote : .paragraph
            case "h1", "h2", "h3", "h4", "h5", "h6": kind = .heading
            case "li": kind = .item
            default: kind = nil
            }
            if let kind {
                flushLoose()
                let text = normalized(child.textContent)
                if !text.isEmpty { blocks.append(TextBlock(kind, text)) }
            } else if name == "br" {
                loose += " "
            } else {
                loose += child.textContent
            }
        }
        flushLoose()
    }

    private static func normalized(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
