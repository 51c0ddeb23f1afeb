import TaleCore

/// A theme's templates by name, each parsed once, rendered over a stack of `TemplateValue`s.
/// A partial standing alone on an indented line is the partial's text with that indentation put
/// before each of its lines (the spec's rule, so the data it shows is not indented); such a
/// variant is parsed the first time it is rendered and kept.
public struct TemplateSet: Sendable {
    /// How many partials deep a render goes before it stops entering more: a partial may include
    /// itself (to draw a tree, say), but not forever.
    static let partialDepthLimit = 64
    /// The nodes one render may reach before it stops entering partials (a book page of 1,000
    /// scenes renders 46,630), and the output after which it stops (64 MiB, many times a page):
    /// a partial that includes itself twice inside a section over data that does not run out (a
    /// list, or a string's `.`) would otherwise double at every level, 2^64 times.
    static let partialWorkLimit = 1_000_000
    /// See `partialWorkLimit`.
    static let partialOutputLimit = 64 * 1_048_576

    private var templates: [String: Template] = [:]
    private var sources: [String: (text: String, file: String)] = [:]
    /// Indented variants of partials, by name and indentation.
    private let indented = Locked<[String: Template]>([:])

    /// The nodes one render may reach before it stops entering partials: `partialWorkLimit`, or
    /// less where many renders must be quick (the fuzz target, whose inputs often include themselves).
    public var workLimit = TemplateSet.partialWorkLimit

    /// An empty set.
    public init() {}

    /// Parses `source` as the template `name`; `file` names it in errors.
    public mutating func add(_ source: String, named name: String, file: String) throws(Diagnostic) {
        templates[name] = try TemplateParser.parse(source, file: file)
        sources[name] = (source, file)
    }

    /// Splits template `name` around its one `{{#section}}`, so that the section's body can be
    /// rendered once per item on its own: adds `item`, the body, and `shell`, the template with
    /// the section replaced by `{{{placeholder}}}`. The split is of the parsed template, so the
    /// shell rendered with the items' output in place is exactly the whole template rendered.
    /// False, adding nothing, when the section is not there exactly once at the top level (inside
    /// another section, its items would see that section's values too).
    public mutating func split(_ name: String, section: String, shell: String, item: String, placeholder: String) -> Bool {
        guard let template = templates[name] else { return false }
        func isTheSection(_ node: Template.Node) -> Bool {
            if case .section(let path, let inverted, _) = node { return !inverted && path == [section] }
            return false
        }
        func count(_ nodes: [Template.Node]) -> Int {
            nodes.reduce(0) { total, node in
                guard case .section(_, _, let body) = node else { return total }
                return total + (isTheSection(node) ? 1 : 0) + count(body)
            }
        }
        guard count(template.nodes) == 1, let index = template.nodes.firstIndex(where: isTheSection),
              case .section(_, _, let body) = template.nodes[index] else { return false }
        var nodes = template.nodes
        nodes[index] = .variable(path: [placeholder], escaped: false)
        templates[shell] = Template(nodes: nodes)
        templates[item] = Template(nodes: body)
        return true
    }

    /// The names of the templates rendering `name` may enter: itself and the partials it reaches,
    /// through partials of partials.
    public func reached(from name: String) -> Set<String> { reached(from: name, through: \.partials) }

    /// `name` and the templates it reaches through the partials `through` gives of each.
    private func reached(from name: String, through partials: (Template) -> [(name: String, line: Int, column: Int)]) -> Set<String> {
        var found: Set<String> = [], waiting = [name]
        while let next = waiting.popLast() {
            guard found.insert(next).inserted, let template = templates[next] else { continue }
            waiting.append(contentsOf: partials(template).map(\.name))
        }
        return found
    }

    /// Whether a template of this name is in the set.
    public func contains(_ name: String) -> Bool { templates[name] != nil }

    /// An error for the first partial that names no template in the set, if any.
    public func missingPartial() -> Diagnostic? {
        for name in templates.keys.sorted() {
            for partial in templates[name]!.partials where templates[partial.name] == nil {
                let file = sources[name]!.file
                let known = templates.keys.filter { !$0.hasPrefix("__") }.sorted().joined(separator: ", ")
                return Diagnostic(.error, at: SourceLocation(file: file, line: partial.line, column: partial.column),
                                  "no template named '\(partial.name)' for this partial",
                                  hint: "the theme's templates are \(known); add templates/\(partial.name).mustache or correct the name")
            }
        }
        return nil
    }

    /// An error for the first partial that includes itself, directly or through other partials,
    /// outside any section: nothing can stop it, so it would repeat until the depth limit, and if it
    /// appears twice, double each time (a page of 2^64 copies). Inside a section it may recurse, as
    /// a tree does, since the data ends it.
    public func endlessPartial() -> Diagnostic? {
        for name in templates.keys.sorted() {
            for first in templates[name]!.unconditionalPartials where reached(from: first.name, through: \.unconditionalPartials).contains(name) {
                let through = first.name == name ? "" : " (through '\(first.name)')"
                return Diagnostic(.error, at: SourceLocation(file: sources[name]!.file, line: first.line, column: first.column),
                                  "the template '\(name)' includes itself\(through) outside any section, so it would never end",
                                  hint: "put the partial inside a section whose data runs out, such as {{#children}}{{>\(first.name)}}{{/children}}")
            }
        }
        return nil
    }

    /// The template `name` as rendered at `indentation`; nil when there is none.
    func template(_ name: String, indentation: String) -> Template? {
        guard !indentation.isEmpty else { return templates[name] }
        let key = name + "\u{0}" + indentation
        if let kept = indented.value[key] { return kept }
        guard let source = sources[name] else { return nil }
        var text: [UInt8] = []
        var lineStart = true
        for byte in source.text.utf8 {
            if lineStart { text.append(contentsOf: indentation.utf8) }
            text.append(byte)
            lineStart = byte == 0x0A
        }
        guard let parsed = try? TemplateParser.parse(String(decoding: text, as: UTF8.self), file: source.file) else { return nil }
        indented.mutate { $0[key] = parsed }
        return parsed
    }

    /// The template `name` rendered over `stack` (its last value on top); empty when there is no such template.
    public func render(_ name: String, stack: [TemplateValue], capacity: Int = 16_384) -> String {
        guard let template = templates[name] else { return "" }
        var out: [UInt8] = []
        out.reserveCapacity(capacity)
        var stack = stack
        var work = 0
        template.render(into: &out, stack: &stack, set: self, depth: 0, work: &work)
        return String(decoding: out, as: UTF8.self)
    }

    /// The template `name` rendered over one object.
    public func render(_ name: String, _ context: TemplateObject, capacity: Int = 16_384) -> String {
        render(name, stack: [.object(context)], capacity: capacity)
    }
}
