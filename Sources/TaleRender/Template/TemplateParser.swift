import TaleCore

/// Parses mustache text into a `Template`. The syntax is the mustache spec's: `{{name}}`,
/// `{{{name}}}` and `{{&name}}`, `{{#name}}…{{/name}}`, `{{^name}}…{{/name}}`, `{{! comment }}`,
/// `{{> partial}}` and `{{=<% %>=}}`, with dotted names and `.`. A section, inverted section,
/// closing, comment, partial or delimiter tag that stands alone on its line takes the line with
/// it (its leading whitespace and its newline). Anything else is reported at its line and column,
/// with how to fix it, rather than rendered as nothing.
struct TemplateParser {
    private let text: [UInt8]
    /// The path shown in errors (`themes/storybook/templates/book.mustache`).
    private let file: String
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)

    /// A section being read: its name, whether inverted, where its tag is, and the nodes before it.
    private struct OpenSection {
        let name: String
        let inverted: Bool
        let offset: Int
        let outer: [Template.Node]
    }

    /// The template in `source`; `file` names it in errors.
    static func parse(_ source: String, file: String) throws(Diagnostic) -> Template {
        var parser = TemplateParser(text: Array(source.utf8), file: file)
        return try parser.parse()
    }

    private init(text: [UInt8], file: String) {
        self.text = text
        self.file = file
    }

    private mutating func parse() throws(Diagnostic) -> Template {
        var nodes: [Template.Node] = []
        var sections: [OpenSection] = []
        var textStart = 0
        var index = 0
        func emitText(upTo end: Int) {
            if end > textStart { nodes.append(.text(Array(text[textStart..<end]))) }
        }
        while let tagStart = find(open, from: index) {
            var cursor = tagStart + open.count
            while cursor < text.count, text[cursor] == 0x20 || text[cursor] == 0x09 { cursor += 1 }
            let sigil: UInt8 = cursor < text.count ? text[cursor] : 0
            let kind: UInt8
            var contentStart = cursor
            var terminator = close
            switch sigil {
            case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "/"), UInt8(ascii: "!"), UInt8(ascii: ">"), UInt8(ascii: "&"):
                kind = sigil
                contentStart += 1
            case UInt8(ascii: "{") where open == Array("{{".utf8):
                kind = sigil
                contentStart += 1
                terminator = Array("}".utf8) + close
            case UInt8(ascii: "="):
                kind = sigil
                contentStart += 1
                terminator = Array("=".utf8) + close
            case UInt8(ascii: "<"), UInt8(ascii: "$"):
                throw error(at: tagStart, "template inheritance ('\(String(decoding: open, as: UTF8.self))\(Character(Unicode.Scalar(sigil)))…') is not supported",
                            hint: "Tale's themes use partials ({{> name}}) to share parts between templates")
            case UInt8(ascii: "%"):
                throw error(at: tagStart, "pragmas ('\(String(decoding: open, as: UTF8.self))%…') are not supported",
                            hint: "remove the tag; Tale escapes for HTML everywhere except in {{{name}}} and {{&name}}")
            default:
                kind = 0
            }
            guard let contentEnd = find(terminator, from: contentStart) else {
                throw error(at: tagStart, "this tag is never closed", hint: "end it with '\(String(decoding: terminator, as: UTF8.self))'")
            }
            let tagEnd = contentEnd + terminator.count
            let content = String(decoding: text[contentStart..<contentEnd], as: UTF8.self)
            let name = content.trimmingWhitespaceAndNewlines()

            // A tag other than an interpolation, alone on its line, takes the line with it.
            var standalone: (lineStart: Int, after: Int)?
            if kind != 0, kind != UInt8(ascii: "&"), kind != UInt8(ascii: "{") { standalone = standaloneLine(tagStart: tagStart, tagEnd: tagEnd) }
            if let standalone {
                emitText(upTo: standalone.lineStart)
                index = standalone.after
            } else {
                emitText(upTo: tagStart)
                index = tagEnd
            }
            textStart = index

            switch kind {
            case UInt8(ascii: "!"):
                break
            case UInt8(ascii: "="):
                let parts = name.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
                guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
                    throw error(at: tagStart, "a delimiter tag needs two delimiters apart, such as {{=<% %>=}}",
                                hint: "write the new opening and closing delimiters with a space between them")
                }
                open = Array(parts[0].utf8)
                close = Array(parts[1].utf8)
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                _ = try path(name, at: tagStart)
                sections.append(OpenSection(name: name, inverted: kind == UInt8(ascii: "^"), offset: tagStart, outer: nodes))
                nodes = []
            case UInt8(ascii: "/"):
                guard let section = sections.popLast() else {
                    throw error(at: tagStart, "'\(name)' is closed here but no section of that name is open",
                                hint: "remove this tag, or open the section with {{#\(name)}} before it")
                }
                guard section.name == name else {
                    let (line, column) = position(section.offset)
                    throw error(at: tagStart, "this closes '\(name)', but the section open here is '\(section.name)' (opened at \(line):\(column))",
                                hint: "close '\(section.name)' with {{/\(section.name)}} first")
                }
                let body = nodes
                nodes = section.outer
                nodes.append(.section(path: try path(name, at: section.offset), inverted: section.inverted, body: body))
            case UInt8(ascii: ">"):
                guard !name.isEmpty, !name.contains(" ") else {
                    throw error(at: tagStart, "a partial tag needs one template name, such as {{> footer}}", hint: nil)
                }
                let (line, column) = position(tagStart)
                let indentation = standalone.map { String(decoding: text[$0.lineStart..<tagStart], as: UTF8.self) } ?? ""
                nodes.append(.partial(name: name, indentation: indentation, line: line, column: column))
            default:
                nodes.append(.variable(path: try path(name, at: tagStart), escaped: kind == 0))
            }
        }
        emitText(upTo: text.count)
        if let section = sections.last {
            throw error(at: section.offset, "section '\(section.name)' is never closed", hint: "add {{/\(section.name)}} where it ends")
        }
        return Template(nodes: nodes)
    }

    /// A name as the path it looks up: `.` is the empty path, `a.b` is `["a", "b"]`.
    private func path(_ name: String, at offset: Int) throws(Diagnostic) -> [String] {
        if name == "." { return [] }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !name.isEmpty, !parts.contains(where: \.isEmpty) else {
            throw error(at: offset, name.isEmpty ? "this tag names nothing" : "'\(name)' is not a name",
                        hint: "write a name, such as {{title}}, {{book.title}} or {{.}}")
        }
        if let bad = parts.first(where: { $0.contains { " \t\n\r(){}".contains($0) } }) {
            throw error(at: offset, "'\(bad)' is not a name",
                        hint: name.contains("(") ? "Tale's templates take plain names; transforms such as upper(name) are not supported"
                                                 : "names have no spaces or brackets, such as {{book.title}}")
        }
        return parts
    }

    /// The line around a tag when nothing but spaces and tabs share it: where the line starts and
    /// where the next one does (past `\n` or `\r\n`, or the end of the text).
    private func standaloneLine(tagStart: Int, tagEnd: Int) -> (lineStart: Int, after: Int)? {
        var lineStart = tagStart
        while lineStart > 0, text[lineStart - 1] != 0x0A {
            guard text[lineStart - 1] == 0x20 || text[lineStart - 1] == 0x09 else { return nil }
            lineStart -= 1
        }
        var after = tagEnd
        while after < text.count, text[after] == 0x20 || text[after] == 0x09 { after += 1 }
        if after == text.count { return (lineStart, after) }
        if text[after] == 0x0A { return (lineStart, after + 1) }
        if text[after] == 0x0D, after + 1 < text.count, text[after + 1] == 0x0A { return (lineStart, after + 2) }
        return nil
    }

    /// The first index at or after `from` where `needle` starts.
    private func find(_ needle: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, needle.count <= text.count else { return nil }
        var index = from
        while index + needle.count <= text.count {
            if text[index] == first, text[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// The 1-based line and column (in characters) of a byte offset.
    private func position(_ offset: Int) -> (Int, Int) {
        var line = 1, column = 1
        for byte in text[..<offset] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    private func error(at offset: Int, _ message: String, hint: String?) -> Diagnostic {
        let (line, column) = position(offset)
        return Diagnostic(.error, at: SourceLocation(file: file, line: line, column: column), message, hint: hint)
    }
}
