import CCmarkGFM
import Foundation
import TaleCore

/// The one place that touches cmark-gfm's C API. It parses a Markdown body with the GFM
/// extensions (tables, strikethrough, autolinks, task lists, footnotes) and exposes its
/// top-level blocks as Swift values; HTML is rendered per block on request.
public final class MarkdownDocument {
    /// What a top-level block is.
    public enum Kind: Equatable, Sendable {
        case heading(level: Int)
        case paragraph
        case list
        case htmlBlock
        case other
    }

    /// An image or link inside a block.
    public struct Inline: Sendable, Equatable {
        /// The destination as written.
        public var url: String
        /// The plain text of its children (an image's alt text, a link's label).
        public var text: String
        /// Its title attribute.
        public var title: String
    }

    /// One top-level block.
    public struct Block {
        /// What it is.
        public var kind: Kind
        /// 1-based first and last line in the body.
        public var startLine: Int, endLine: Int
        /// 1-based column where it starts.
        public var startColumn: Int
        /// Its text with inline markup removed.
        public var plainText: String
        /// The raw literal of an HTML block.
        public var literal: String
        /// Every image inside, in order.
        public var images: [Inline]
        /// Every link inside, in order.
        public var links: [Inline]
        /// For a list: each item's single link, or nil when some item is not exactly one link.
        public var singleLinkItems: [Inline]?
        /// Whether this is a paragraph holding one image and nothing else but spaces.
        public var isLoneImage: Bool
        fileprivate let node: OpaquePointer
    }

    private let root: OpaquePointer
    private let extensions: UnsafeMutablePointer<cmark_llist>?
    /// Parsing records source positions; rendering must not (they would land in the HTML).
    private static let parseOptions = CMARK_OPT_SOURCEPOS | CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES
    private static let renderOptions = CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES
    /// The top-level blocks in order.
    public private(set) var blocks: [Block] = []

    /// Parses `markdown`.
    public init(_ markdown: String) {
        _ = MarkdownDocument.registration
        let parser = cmark_parser_new(MarkdownDocument.parseOptions)!
        var list: UnsafeMutablePointer<cmark_llist>?
        for name in ["table", "strikethrough", "autolink", "tasklist"] {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        list = cmark_parser_get_syntax_extensions(parser)
        markdown.withCString { cmark_parser_feed(parser, $0, strlen($0)) }
        root = cmark_parser_finish(parser)
        // The extension list belongs to the parser; keep our own copy for rendering.
        var copy: UnsafeMutablePointer<cmark_llist>?
        var item = list
        while let current = item {
            copy = cmark_llist_append(cmark_get_default_mem_allocator(), copy, current.pointee.data)
            item = current.pointee.next
        }
        extensions = copy
        cmark_parser_free(parser)
        var child = cmark_node_first_child(root)
        while let node = child {
            blocks.append(makeBlock(node))
            child = cmark_node_next(node)
        }
    }

    deinit {
        cmark_llist_free(cmark_get_default_mem_allocator(), extensions)
        cmark_node_free(root)
    }

    /// cmark_gfm_core_extensions_ensure_registered is not thread-safe: call it once.
    private static let registration: Void = { cmark_gfm_core_extensions_ensure_registered() }()

    /// The HTML of block `index`, leaving out its `droppingImage`-th image when given.
    public func html(ofBlock index: Int, droppingImage imageIndex: Int? = nil) -> String {
        let node = blocks[index].node
        if let imageIndex, let image = MarkdownDocument.nodes(in: node, ofType: "image").dropFirst(imageIndex).first {
            cmark_node_unlink(image)
            defer { cmark_node_free(image) }
            return render(node)
        }
        return render(node)
    }

    private func render(_ node: OpaquePointer) -> String {
        guard let html = cmark_render_html(node, MarkdownDocument.renderOptions, extensions) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    private func makeBlock(_ node: OpaquePointer) -> Block {
        let typeName = String(cString: cmark_node_get_type_string(node))
        let kind: Kind
        switch typeName {
        case "heading": kind = .heading(level: Int(cmark_node_get_heading_level(node)))
        case "paragraph": kind = .paragraph
        case "list": kind = .list
        case "html_block": kind = .htmlBlock
        default: kind = .other
        }
        let images = MarkdownDocument.nodes(in: node, ofType: "image").map(MarkdownDocument.inline)
        let links = MarkdownDocument.nodes(in: node, ofType: "link").map(MarkdownDocument.inline)
        var singleLinkItems: [Inline]?
        if kind == .list {
            singleLinkItems = []
            var item = cmark_node_first_child(node)
            while let current = item {
                let paragraph = cmark_node_first_child(current)
                let onlyParagraph = paragraph != nil && cmark_node_next(paragraph) == nil
                    && String(cString: cmark_node_get_type_string(paragraph)) == "paragraph"
                let meaningful = onlyParagraph ? MarkdownDocument.meaningfulChildren(paragraph!) : []
                if meaningful.count == 1, String(cString: cmark_node_get_type_string(meaningful[0])) == "link" {
                    singleLinkItems?.append(MarkdownDocument.inline(meaningful[0]))
                } else {
                    singleLinkItems = nil
                    break
                }
                item = cmark_node_next(current)
            }
        }
        var isLoneImage = false
        if kind == .paragraph {
            let meaningful = MarkdownDocument.meaningfulChildren(node)
            isLoneImage = meaningful.count == 1 && String(cString: cmark_node_get_type_string(meaningful[0])) == "image"
        }
        return Block(kind: kind,
                     startLine: Int(cmark_node_get_start_line(node)),
                     endLine: Int(cmark_node_get_end_line(node)),
                     startColumn: Int(cmark_node_get_start_column(node)),
                     plainText: MarkdownDocument.plainText(node),
                     literal: cmark_node_get_literal(node).map { String(cString: $0) } ?? "",
                     images: images, links: links, singleLinkItems: singleLinkItems,
                     isLoneImage: isLoneImage, node: node)
    }

    /// Children that are not blank text or line breaks.
    private static func meaningfulChildren(_ node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            let type = String(cString: cmark_node_get_type_string(current))
            let literal = cmark_node_get_literal(current).map { String(cString: $0) } ?? ""
            let blank = (type == "text" && literal.allSatisfy(\.isWhitespace)) || type == "softbreak" || type == "linebreak"
            if !blank { result.append(current) }
            child = cmark_node_next(current)
        }
        return result
    }

    private static func inline(_ node: OpaquePointer) -> Inline {
        Inline(url: cmark_node_get_url(node).map { String(cString: $0) } ?? "",
               text: plainText(node),
               title: cmark_node_get_title(node).map { String(cString: $0) } ?? "")
    }

    /// Depth-first nodes of one type under `node`, in document order.
    private static func nodes(in node: OpaquePointer, ofType type: String) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(node) else { return result }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator),
               String(cString: cmark_node_get_type_string(current)) == type {
                result.append(current)
            }
        }
        return result
    }

    /// The text of `node` and its children: literals joined, breaks as spaces, blocks as lines.
    private static func plainText(_ node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return text }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let current = cmark_iter_get_node(iterator) else { continue }
            let type = String(cString: cmark_node_get_type_string(current))
            if event == CMARK_EVENT_ENTER {
                switch type {
                case "text", "code", "code_block":
                    text += cmark_node_get_literal(current).map { String(cString: $0) } ?? ""
                case "softbreak", "linebreak":
                    text += " "
                default: break
                }
            } else if event == CMARK_EVENT_EXIT, ["paragraph", "heading", "item", "table_row", "code_block"].contains(type) {
                if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
            }
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
