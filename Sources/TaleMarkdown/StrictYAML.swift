import TaleCore
import Yams

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

/// Parses YAML with Yams under Tale's rules: one document; no anchors, aliases, custom tags or
/// duplicate keys; every scalar kept as its text. Problems become located diagnostics.
public enum StrictYAML {
    /// Parses `yaml`, whose line 1 is line `firstLine` of `file`. Returns nil for an empty document.
    public static func parse(_ yaml: String, file: String, firstLine: Int,
                             diagnostics: inout DiagnosticList) -> YAMLValue? {
        let lineOffset = firstLine - 1
        func location(_ mark: Mark?) -> SourceLocation {
            guard let mark else { return SourceLocation(file: file, line: firstLine, column: 1) }
            return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
        }
        do {
            let parser = try Parser(yaml: yaml)
            guard let root = try parser.singleRoot() else { return nil }
            var seenAnchors: [String] = []
            return convert(root, location: location, seenAnchors: &seenAnchors, diagnostics: &diagnostics)
        } catch let error as YamlError {
            switch error {
            case .duplicatedKeysInMapping(let keys, let context):
                let key = keys.first ?? "?"
                let first = location(context.mark)
                let second = secondOccurrence(of: key, after: context.mark, in: yaml)
                    .map { SourceLocation(file: file, line: $0.line + lineOffset, column: $0.column) } ?? first
                diagnostics.error(second, "duplicate key '\(key)' (first set on line \(first.line))",
                                  hint: "keep one `\(key):` line and delete the other")
            case .composer(_, let problem, let mark, _) where problem.contains("another document"),
                 .parser(_, let problem, let mark, _) where problem.contains("expected <document start>"):
                diagnostics.error(location(mark), "front matter holds more than one YAML document",
                                  hint: "remove the `---` or `...` line inside the front matter; it must be one block of settings")
            case .composer(_, let problem, let mark, _) where problem.contains("undefined alias"):
                diagnostics.error(location(mark), "YAML aliases (`*name`) are not allowed in front matter",
                                  hint: "write the value out in full")
            case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
                 .composer(let context, let problem, let mark, _):
                let detail = context.map { "\($0.text) " } ?? ""
                diagnostics.error(location(mark), "invalid YAML: \(detail)\(problem)",
                                  hint: yamlHint(problem))
            default:
                diagnostics.error(location(nil), "invalid YAML: \(error)")
            }
            return nil
        } catch {
            diagnostics.error(location(nil), "invalid YAML: \(error)")
            return nil
        }
    }

    private static func yamlHint(_ problem: String) -> String {
        if problem.contains("tab") { return "indent with spaces, not tabs" }
        if problem.contains("mapping values are not allowed") {
            return "a value that contains `: ` must be in quotes, like `title: \"Pip: A Tale\"`"
        }
        return "check the quotes and indentation on this line and the one before it"
    }

    private static func convert(_ node: Node, location: (Mark?) -> SourceLocation,
                                seenAnchors: inout [String], diagnostics: inout DiagnosticList) -> YAMLValue? {
        let here = location(node.mark)
        let anchor: Anchor?
        let tag: Tag
        switch node {
        case .scalar(let s): anchor = s.anchor; tag = s.tag
        case .sequence(let s): anchor = s.anchor; tag = s.tag
        case .mapping(let m): anchor = m.anchor; tag = m.tag
        case .alias: anchor = nil; tag = Tag(.implicit)
        }
        if let anchor {
            if !seenAnchors.contains(anchor.rawValue) {
                seenAnchors.append(anchor.rawValue)
                diagnostics.error(here, "YAML anchors and aliases (`&\(anchor.rawValue)`, `*\(anchor.rawValue)`) are not allowed in front matter",
                                  hint: "write each value out in full where it is used")
            }
        }
        let tagName = tag.rawValue
        if !tagName.isEmpty, tagName != "!", tagName != "tag:yaml.org,2002:str" {
            diagnostics.error(here, "YAML tag `\(shortTag(tagName))` is not allowed in front matter",
                              hint: "remove the tag; values are read as written")
        }
        switch node {
        case .scalar(let scalar):
            let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
                || scalar.style == .literal || scalar.style == .folded || tagName == "tag:yaml.org,2002:str"
            return .scalar(scalar.string, quoted: quoted, here)
        case .sequence(let sequence):
            var items: [YAMLValue] = []
            for item in sequence {
                if let value = convert(item, location: location, seenAnchors: &seenAnchors, diagnostics: &diagnostics) {
                    items.append(value)
                }
            }
            return .sequence(items, here)
        case .mapping(let mapping):
            var pairs: [(key: String, keyLocation: SourceLocation, value: YAMLValue)] = []
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    diagnostics.error(location(key.mark), "a key must be a plain word, like `title`")
                    continue
                }
                if let converted = convert(value, location: location, seenAnchors: &seenAnchors, diagnostics: &diagnostics) {
                    pairs.append((keyScalar.string, location(key.mark), converted))
                }
            }
            return .mapping(pairs, here)
        case .alias:
            return nil
        }
    }

    private static func shortTag(_ tag: String) -> String {
        tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst("tag:yaml.org,2002:".count) : tag
    }

    /// The mark of the second `key:` at the same column as the first, after the first.
    private static func secondOccurrence(of key: String, after mark: Mark, in yaml: String) -> (line: Int, column: Int)? {
        let lines = yaml.lines()
        guard mark.line >= 1 else { return nil }
        let prefixes = ["\(key):", "\"\(key)\":", "'\(key)':"]
        for index in mark.line..<lines.count {
            let line = lines[index]
            let indent = line.prefix { $0 == " " || $0 == "-" }.count
            let rest = line.dropFirst(indent)
            if indent + 1 == mark.column, prefixes.contains(where: { rest.hasPrefix($0) }) {
                return (index + 1, indent + 1)
            }
        }
        return nil
    }
}
