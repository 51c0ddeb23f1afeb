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
        /// How deeply its nodes nest (a paragraph of plain text is 2), and where its deepest node starts.
        public var nesting: (depth: Int, line: Int, column: Int)
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
        // By its length, not strlen: a NUL would end the text there (cmark reads one as U+FFFD).
        var text = markdown
        text.withUTF8 { bytes in
            guard let start = bytes.baseAddress, !bytes.isEmpty else { return }
            start.withMemoryRebound(to: CChar.self, capacity: bytes.count) { cmark_parser_feed(parser, $0, bytes.count) }
        }
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
            var block = makeBlock(node)
            // cmark-gfm leaves some blocks unplaced (line 0): the paragraph left after a setext heading
            // took the lines above it, say. Such a block starts after the one before it, so that every
            // line number indexes the source.
            if block.startLine < 1 {
                block.startLine = (blocks.last?.endLine ?? 0) + 1
                block.endLine = max(block.endLine, block.startLine)
                block.startColumn = max(block.startColumn, 1)
            }
            blocks.append(block)
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
        if let imageIndex, let image = MarkdownDocument.nodes(in: node, ofType: CMARK_NODE_IMAGE).dropFirst(imageIndex).first {
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
        let kind: Kind
        switch cmark_node_get_type(node) {
        case CMARK_NODE_HEADING: kind = .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_PARAGRAPH: kind = .paragraph
        case CMARK_NODE_LIST: kind = .list
        case CMARK_NODE_HTML_BLOCK: kind = .htmlBlock
        default: kind = .other
        }
        let images = MarkdownDocument.nodes(in: node, ofType: CMARK_NODE_IMAGE).map(MarkdownDocument.inline)
        let links = MarkdownDocument.nodes(in: node, ofType: CMARK_NODE_LINK).map(MarkdownDocument.inline)
        var singleLinkItems: [Inline]?
        if kind == .list {
            singleLinkItems = []
            var item = cmark_node_first_child(node)
            while let current = item {
                let paragraph = cmark_node_first_child(current)
                let onlyParagraph = paragraph != nil && cmark_node_next(paragraph) == nil
                    && cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH
                let meaningful = onlyParagraph ? MarkdownDocument.meaningfulChildren(paragraph!) : []
                if meaningful.count == 1, cmark_node_get_type(meaningful[0]) == CMARK_NODE_LINK {
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
            isLoneImage = meaningful.count == 1 && cmark_node_get_type(meaningful[0]) == CMARK_NODE_IMAGE
        }
        return Block(kind: kind,
                     startLine: Int(cmark_node_get_start_line(node)),
                     endLine: Int(cmark_node_get_end_line(node)),
                     startColumn: Int(cmark_node_get_start_column(node)),
                     plainText: MarkdownDocument.plainText(node),
                     literal: cmark_node_get_literal(node).map { String(cString: $0) } ?? "",
                     images: images, links: links, singleLinkItems: singleLinkItems,
                     isLoneImage: isLoneImage, nesting: MarkdownDocument.nesting(node), node: node)
    }

    /// The depth of `node`'s deepest descendant (`node` itself is 1) and where that one starts,
    /// measured with cmark's iterator, so a tree thousands of levels deep costs no stack.
    private static func nesting(_ node: OpaquePointer) -> (depth: Int, line: Int, column: Int) {
        var deepest = (depth: 1, line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
        guard let iterator = cmark_iter_new(node) else { return deepest }
        defer { cmark_iter_free(iterator) }
        var depths: [OpaquePointer: Int] = [node: 1]
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator), current != node,
                  let parent = cmark_node_parent(current) else { continue }
            let depth = (depths[parent] ?? 1) + 1
            depths[current] = depth
            if depth > deepest.depth {
                // Inline nodes carry no position; they are reported at their nearest block's.
                var placed: OpaquePointer? = current
                while let candidate = placed, cmark_node_get_start_line(candidate) == 0 { placed = cmark_node_parent(candidate) }
                deepest = (depth, Int(cmark_node_get_start_line(placed ?? node)), Int(cmark_node_get_start_column(placed ?? node)))
            }
        }
        return deepest
    }

    /// Children that are not blank text or line breaks.
    private static func meaningfulChildren(_ node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            let type = cmark_node_get_type(current)
            let blank = type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK
                || (type == CMARK_NODE_TEXT && (cmark_node_get_literal(current).map { String(cString: $0) } ?? "").allSatisfy(\.isWhitespace))
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
    private static func nodes(in node: OpaquePointer, ofType type: cmark_node_type) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(node) else { return result }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator), cmark_node_get_type(current) == type {
                result.append(current)
            }
        }
        return result
    }

    /// The text of `node` and its children: literals joined, breaks as spaces, blocks as lines.
    /// Gathered as bytes and told apart by node type, not by the type's name: this runs for every
    /// block of every scene.
    private static func plainText(_ node: OpaquePointer) -> String {
        var text: [UInt8] = []
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let current = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(current)
            if event == CMARK_EVENT_ENTER {
                switch type {
                case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                    if let literal = cmark_node_get_literal(current) {
                        text.append(contentsOf: UnsafeRawBufferPointer(start: literal, count: strlen(literal)))
                    }
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                    text.append(UInt8(ascii: " "))
                default: break
                }
            } else if event == CMARK_EVENT_EXIT, endsLine(type, current), let last = text.last, last != UInt8(ascii: "\n") {
                text.append(UInt8(ascii: "\n"))
            }
        }
        return String(decoding: text, as: UTF8.self).trimmingWhitespaceAndNewlines()
    }

    /// Whether a node of `type` ends a line of plain text: paragraphs, headings, list items, code
    /// blocks and table rows (an extension's node, known only by its name).
    private static func endsLine(_ type: cmark_node_type, _ node: OpaquePointer) -> Bool {
        switch type {
        case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_ITEM, CMARK_NODE_CODE_BLOCK: return true
        case CMARK_NODE_DOCUMENT, CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST, CMARK_NODE_HTML_BLOCK, CMARK_NODE_CUSTOM_BLOCK,
             CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_FOOTNOTE_DEFINITION, CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_LINK,
             CMARK_NODE_IMAGE: return false
        default: return String(cString: cmark_node_get_type_string(node)) == "table_row"
        }
    }
}
