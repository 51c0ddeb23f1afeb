import TaleCore

/// The `{#id key=value .ending}` block at the end of a scene heading, as in Pandoc and Hugo.
public struct HeadingAttributes: Sendable, Equatable {
    /// One `key=value` pair, with the column of its key in the line.
    public struct Pair: Sendable, Equatable {
        /// The key.
        public var key: String
        /// The value, unquoted.
        public var value: String
        /// 1-based column of the key.
        public var column: Int
        /// 1-based column of the value.
        public var valueColumn: Int
    }

    /// `#id`, if given.
    public var id: String?
    /// Column of `#id`.
    public var idColumn: Int = 0
    /// `.class` names, with their columns.
    public var classes: [(name: String, column: Int)] = []
    /// `key=value` pairs in order.
    public var pairs: [Pair] = []

    /// Equal when every part is equal.
    public static func == (lhs: HeadingAttributes, rhs: HeadingAttributes) -> Bool {
        lhs.id == rhs.id && lhs.idColumn == rhs.idColumn && lhs.pairs == rhs.pairs
            && lhs.classes.map(\.name) == rhs.classes.map(\.name) && lhs.classes.map(\.column) == rhs.classes.map(\.column)
    }

    /// An empty set of attributes.
    public init() {}
}

/// A heading line cut into its title text and its attribute block.
public struct ParsedHeading: Sendable, Equatable {
    /// The title as written, without the attribute block.
    public var title: String
    /// The attributes, or nil when the line has no `{...}` block.
    public var attributes: HeadingAttributes?
}

/// Parses a raw ATX heading line such as `## The Storm {#storm mood=tense}`.
public enum HeadingParser {
    /// Parses `line` (the whole source line). Problems inside the braces are reported at their columns.
    public static func parse(_ line: String, location: SourceLocation, diagnostics: inout DiagnosticList) -> ParsedHeading {
        var chars = Array(line)
        // Trailing blanks go first, so that the title's start is never past its end (`## ` is an empty heading).
        while let last = chars.last, last == " " || last == "\t" { chars.removeLast() }
        var start = 0
        while start < chars.count, chars[start] == " " { start += 1 }
        while start < chars.count, chars[start] == "#" { start += 1 }
        while start < chars.count, chars[start] == " " || chars[start] == "\t" { start += 1 }
        // An optional closing sequence of #s, preceded by a space.
        var end = chars.count
        var hashes = end
        while hashes > start, chars[hashes - 1] == "#" { hashes -= 1 }
        if hashes < end, hashes > start, chars[hashes - 1] == " " {
            end = hashes
            while end > start, chars[end - 1] == " " { end -= 1 }
        }
        guard end > start, chars[end - 1] == "}", let open = openingBrace(chars, start: start, end: end) else {
            return ParsedHeading(title: String(chars[start..<max(start, end)]), attributes: nil)
        }
        var title = String(chars[start..<open])
        while title.last == " " { title.removeLast() }
        let attributes = parseAttributes(chars, from: open + 1, to: end - 1, location: location, diagnostics: &diagnostics)
        return ParsedHeading(title: title, attributes: attributes)
    }

    private static func openingBrace(_ chars: [Character], start: Int, end: Int) -> Int? {
        var quote: Character?
        var index = end - 2
        while index >= start {
            let c = chars[index]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "{" {
                return index
            } else if c == "}" {
                return nil
            }
            index -= 1
        }
        // An unbalanced quote: take the last `{` after a space, so the attribute parser can say what is wrong.
        if quote != nil, let last = chars[start..<end].lastIndex(of: "{"), last > start, chars[last - 1] == " " { return last }
        return nil
    }

    private static func parseAttributes(_ chars: [Character], from: Int, to: Int, location: SourceLocation,
                                        diagnostics: inout DiagnosticList) -> HeadingAttributes {
        var result = HeadingAttributes()
        var i = from
        func at(_ index: Int) -> SourceLocation {
            SourceLocation(file: location.file, line: location.line, column: index + 1)
        }
        while i < to {
            if chars[i] == " " || chars[i] == "\t" { i += 1; continue }
            let tokenStart = i
            if chars[i] == "#" || chars[i] == "." {
                var j = i + 1
                while j < to, chars[j] != " ", chars[j] != "\t" { j += 1 }
                let name = String(chars[(i + 1)..<j])
                if chars[i] == "#" {
                    if result.id != nil {
                        diagnostics.error(at(tokenStart), "a scene can have only one #id", hint: "keep one `#id` in the braces")
                    } else if !Slug.isValid(name) {
                        diagnostics.error(at(tokenStart), "scene id '#\(name)' may hold only a-z, 0-9 and single hyphens",
                                          hint: "try `#\(Slug.make(from: name).isEmpty ? "scene" : Slug.make(from: name))`")
                    } else {
                        result.id = name
                        result.idColumn = tokenStart + 1
                    }
                } else {
                    result.classes.append((name, tokenStart + 1))
                }
                i = j
                continue
            }
            var j = i
            while j < to, chars[j] != "=", chars[j] != " ", chars[j] != "\t" { j += 1 }
            let key = String(chars[i..<j])
            guard j < to, chars[j] == "=" else {
                diagnostics.error(at(tokenStart), "'\(key)' in the heading's braces needs a value, like `\(key)=...`",
                                  hint: "attributes are `#id`, `.ending` or `key=value`")
                i = j
                continue
            }
            j += 1
            let valueStart = j
            var value = ""
            if j < to, chars[j] == "\"" || chars[j] == "'" {
                let quote = chars[j]
                j += 1
                while j < to, chars[j] != quote { value.append(chars[j]); j += 1 }
                if j >= to {
                    diagnostics.error(at(valueStart), "the quote opened here is never closed", hint: "add a closing \(quote)")
                } else { j += 1 }
            } else {
                while j < to, chars[j] != " ", chars[j] != "\t" { value.append(chars[j]); j += 1 }
            }
            result.pairs.append(HeadingAttributes.Pair(key: key, value: value, column: tokenStart + 1, valueColumn: valueStart + 1))
            i = j
        }
        return result
    }
}
