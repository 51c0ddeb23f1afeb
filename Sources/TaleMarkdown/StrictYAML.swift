import TaleCore

/// A YAML value as written, with where it was written. Scalars keep their text; nothing is coerced.
public enum YAMLValue: Sendable {
    /// A scalar: its text exactly as written, whether it was quoted, and where.
    case scalar(String, quoted: Bool, SourceLocation)
    /// A list.
    case sequence([YAMLValue], SourceLocation)
    /// A mapping with its keys in order.
    case mapping([(key: String, keyLocation: SourceLocation, value: YAMLValue)], SourceLocation)

    /// Where the value starts.
    public var location: SourceLocation {
        switch self {
        case .scalar(_, _, let l), .sequence(_, let l), .mapping(_, let l): return l
        }
    }
}

/// Reads YAML under Tale's rules, from libyaml's events: one document; no anchors, aliases, merge
/// keys or custom tags; no duplicate keys; at most `maximumDepth` levels and `maximumBytes` bytes;
/// every scalar kept as its text. An alias is refused where it is written and nothing is expanded,
/// so a "billion laughs" costs no more than its own bytes. Problems become located diagnostics.
public enum StrictYAML {
    /// The most bytes of YAML read from one front matter or `tale.yaml` (64 KiB).
    public static let maximumBytes = 65_536
    /// The deepest nesting of lists and mappings read (a cast list is three levels).
    public static let maximumDepth = 16

    /// Parses `yaml`, whose line 1 is line `firstLine` of `file`; `document` names it in messages
    /// ("front matter", "tale.yaml"). Returns nil for an empty document or after an error that
    /// stops reading (an anchor, an alias, too deep, too large, a syntax error).
    public static func parse(_ yaml: String, file: String, firstLine: Int, document: String = "front matter",
                             diagnostics: inout DiagnosticList) -> YAMLValue? {
        let locate = { (line: Int, column: Int) in SourceLocation(file: file, line: line + firstLine - 1, column: column) }
        let size = yaml.utf8.count
        guard size <= maximumBytes else {
            let line = SourceLimits.line(ofByte: maximumBytes, in: yaml)
            diagnostics.error(locate(line, 1), "\(document) is \(size) bytes; Tale reads at most \(maximumBytes)",
                              hint: "keep \(document) to settings and short text; the story belongs in the scenes")
            return nil
        }
        var composer = Composer(reader: YAMLEventReader(yaml), locate: locate, document: document)
        let value = composer.readDocument()
        diagnostics.append(contentsOf: composer.diagnostics)
        return value
    }

    /// Builds `YAMLValue`s from events, depth first, stopping at the first problem that makes the rest unreadable.
    private struct Composer {
        let reader: YAMLEventReader
        let locate: (Int, Int) -> SourceLocation
        let document: String
        var diagnostics = DiagnosticList()

        /// Reading stopped; the reason is already a diagnostic.
        struct StopError: Error {}

        mutating func readDocument() -> YAMLValue? {
            do {
                _ = try next()  // the stream's start
                guard case .documentStart = try next().kind else { return nil }
                let value = try node(try next(), depth: 1)
                _ = try next()  // the document's end
                let after = try next()
                if case .documentStart = after.kind {
                    diagnostics.error(locate(after.line, after.column), "\(document) holds more than one YAML document",
                                      hint: "remove the `---` or `...` line inside the \(document); it must be one block of settings")
                    return nil
                }
                return value
            } catch {
                return nil
            }
        }

        private mutating func next() throws(StopError) -> YAMLEvent {
            do throws(YAMLSyntaxError) {
                guard let event = try reader.next() else { throw YAMLSyntaxError(problem: "unexpected end of YAML", context: nil, line: 1, column: 1) }
                return event
            } catch {
                let here = locate(error.line, error.column)
                if error.problem.contains("Maximum nesting level") {
                    // libyaml's own limit (1,000 flow levels) can be met while scanning ahead, before
                    // the composer has counted past maximumDepth.
                    diagnostics.error(here, "YAML nested more than \(StrictYAML.maximumDepth) levels deep in \(document)",
                                      hint: "\(document) holds settings a few levels deep; write the lists flatter")
                } else if error.problem.contains("expected <document start>") {
                    diagnostics.error(here, "\(document) holds more than one YAML document",
                                      hint: "remove the `---` or `...` line inside the \(document); it must be one block of settings")
                } else {
                    diagnostics.error(here, "invalid YAML: \(error.context.map { "\($0) " } ?? "")\(error.problem)",
                                      hint: StrictYAML.hint(error.problem))
                }
                throw StopError()
            }
        }

        private mutating func node(_ event: YAMLEvent, depth: Int) throws(StopError) -> YAMLValue? {
            let here = locate(event.line, event.column)
            switch event.kind {
            case .alias(let name):
                diagnostics.error(here, "YAML aliases (`*\(name)`) are not allowed in \(document)", hint: "write the value out in full")
                throw StopError()
            case .scalar(let text, let plain, let tag, let anchor):
                try refuse(anchor, at: here)
                check(tag, at: here)
                return .scalar(text, quoted: !plain || tag == "tag:yaml.org,2002:str", here)
            case .sequenceStart(let tag, let anchor):
                try refuse(anchor, at: here)
                check(tag, at: here)
                try check(depth: depth, at: here)
                var items: [YAMLValue] = []
                while true {
                    let item = try next()
                    if case .sequenceEnd = item.kind { break }
                    if let value = try node(item, depth: depth + 1) { items.append(value) }
                }
                return .sequence(items, here)
            case .mappingStart(let tag, let anchor):
                try refuse(anchor, at: here)
                check(tag, at: here)
                try check(depth: depth, at: here)
                return .mapping(try pairs(depth: depth), here)
            default:
                return nil
            }
        }

        /// A mapping's pairs up to its end. A duplicate key, a merge key or a key that is not a
        /// word is reported and its value skipped, and reading goes on.
        private mutating func pairs(depth: Int) throws(StopError) -> [(key: String, keyLocation: SourceLocation, value: YAMLValue)] {
            var pairs: [(key: String, keyLocation: SourceLocation, value: YAMLValue)] = []
            var firstLines: [String: Int] = [:]
            while true {
                let keyEvent = try next()
                if case .mappingEnd = keyEvent.kind { break }
                let keyHere = locate(keyEvent.line, keyEvent.column)
                let key = try node(keyEvent, depth: depth + 1)
                let value = try node(try next(), depth: depth + 1)
                guard case .scalar(let name, _, _) = key else {
                    diagnostics.error(keyHere, "a key must be a plain word, like `title`")
                    continue
                }
                if case .scalar("<<", plain: true, tag: nil, _) = keyEvent.kind {
                    diagnostics.error(keyHere, "YAML merge keys (`<<`) are not allowed in \(document)",
                                      hint: "write each setting out in full")
                    continue
                }
                if let first = firstLines[name] {
                    diagnostics.error(keyHere, "duplicate key '\(name)' (first set on line \(first))",
                                      hint: "keep one `\(name):` line and delete the other")
                    continue
                }
                firstLines[name] = keyHere.line
                if let value { pairs.append((name, keyHere, value)) }
            }
            return pairs
        }

        private mutating func refuse(_ anchor: String?, at here: SourceLocation) throws(StopError) {
            guard let anchor else { return }
            diagnostics.error(here, "YAML anchors and aliases (`&\(anchor)`, `*\(anchor)`) are not allowed in \(document)",
                              hint: "write each value out in full where it is used")
            throw StopError()
        }

        private mutating func check(_ tag: String?, at here: SourceLocation) {
            guard let tag, tag != "!", tag != "tag:yaml.org,2002:str" else { return }
            let short = tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst("tag:yaml.org,2002:".count) : tag
            diagnostics.error(here, "YAML tag `\(short)` is not allowed in \(document)",
                              hint: "remove the tag; values are read as written")
        }

        private mutating func check(depth: Int, at here: SourceLocation) throws(StopError) {
            guard depth > StrictYAML.maximumDepth else { return }
            diagnostics.error(here, "YAML nested more than \(StrictYAML.maximumDepth) levels deep in \(document)",
                              hint: "\(document) holds settings a few levels deep; write the lists flatter")
            throw StopError()
        }
    }

    static func hint(_ problem: String) -> String {
        if problem.contains("tab") { return "indent with spaces, not tabs" }
        if problem.contains("mapping values are not allowed") {
            return "a value that contains `: ` must be in quotes, like `title: \"Pip: A Tale\"`"
        }
        if problem.contains("control characters") { return "delete the invisible character here; it may have come from a copy and paste" }
        return "check the quotes and indentation on this line and the one before it"
    }
}
