import TaleCore

/// A mustache template, parsed once into nodes. Tale renders its themes with its own engine:
/// the spec's interpolation, sections, inverted sections, comments, partials (indented when they
/// stand alone) and set delimiters, over `TemplateValue`s. See `TemplateParser` for the syntax and
/// `TemplateSet` for rendering.
struct Template: Sendable {
    /// One piece of a template.
    enum Node: Sendable {
        /// Text copied as it is.
        case text([UInt8])
        /// `{{name}}` (escaped for HTML) or `{{{name}}}` / `{{&name}}` (as it is). An empty path is `.`.
        case variable(path: [String], escaped: Bool)
        /// `{{#name}}…{{/name}}`, or with `inverted`, `{{^name}}…{{/name}}`.
        case section(path: [String], inverted: Bool, body: [Node])
        /// `{{>name}}`; `indentation` is the whitespace before a partial tag that stands alone on its
        /// line, put before every line of the partial. `line` and `column` place the tag.
        case partial(name: String, indentation: String, line: Int, column: Int)
    }

    /// The template's nodes, in order.
    let nodes: [Node]

    /// The partials this template names, with where, including those inside sections.
    var partials: [(name: String, line: Int, column: Int)] { partials(insideSections: true) }

    /// The partials this template always enters: those outside every section, with where.
    var unconditionalPartials: [(name: String, line: Int, column: Int)] { partials(insideSections: false) }

    private func partials(insideSections: Bool) -> [(name: String, line: Int, column: Int)] {
        var found: [(String, Int, Int)] = []
        func walk(_ nodes: [Node]) {
            for node in nodes {
                switch node {
                case .partial(let name, _, let line, let column): found.append((name, line, column))
                case .section(_, _, let body) where insideSections: walk(body)
                default: break
                }
            }
        }
        walk(nodes)
        return found
    }
}

/// Rendering: a context stack of values, names looked up from its top down, bytes appended to one buffer.
extension Template {
    /// The value `path` names: its first name is looked up from the top of the stack down, the rest
    /// inside what that finds (so `a.b` is never looked for further down once `a` is found).
    static func lookup(_ path: [String], in stack: [TemplateValue]) -> TemplateValue? {
        guard let first = path.first else { return stack.last }
        for value in stack.reversed() {
            guard var found = value.child(first) else { continue }
            for name in path.dropFirst() {
                guard let child = found.child(name) else { return nil }
                found = child
            }
            return found
        }
        return nil
    }

    /// Appends this template rendered over `stack`; partials come from `set`. `depth` counts the
    /// partials entered, so a partial that includes itself forever stops, as it does once `work`
    /// (nodes rendered in the whole render) reaches `set.workLimit` or the output
    /// passes `TemplateSet.partialOutputLimit`.
    func render(into out: inout [UInt8], stack: inout [TemplateValue], set: TemplateSet, depth: Int, work: inout Int) {
        Template.render(nodes, into: &out, stack: &stack, set: set, depth: depth, work: &work)
    }

    private static func render(_ nodes: [Node], into out: inout [UInt8], stack: inout [TemplateValue], set: TemplateSet, depth: Int,
                               work: inout Int) {
        for node in nodes {
            work += 1
            switch node {
            case .text(let bytes):
                out.append(contentsOf: bytes)
            case .variable(let path, let escaped):
                guard let value = lookup(path, in: stack) else { continue }
                switch value {
                case .string(let text): append(text, escaped: escaped, to: &out)
                case .int(let number): out.append(contentsOf: String(number).utf8)
                case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
                case .list, .object: break
                }
            case .section(let path, let inverted, let body):
                let value = lookup(path, in: stack)
                if inverted {
                    if value?.isFalsey ?? true { render(body, into: &out, stack: &stack, set: set, depth: depth, work: &work) }
                    continue
                }
                switch value {
                case nil, .bool(false)?:
                    break
                case .bool(true)?:
                    render(body, into: &out, stack: &stack, set: set, depth: depth, work: &work)
                case .list(let items)?:
                    for item in items {
                        stack.append(item)
                        render(body, into: &out, stack: &stack, set: set, depth: depth, work: &work)
                        stack.removeLast()
                    }
                case let value?:
                    stack.append(value)
                    render(body, into: &out, stack: &stack, set: set, depth: depth, work: &work)
                    stack.removeLast()
                }
            case .partial(let name, let indentation, _, _):
                guard depth < TemplateSet.partialDepthLimit, work < set.workLimit, out.count < TemplateSet.partialOutputLimit,
                      let partial = set.template(name, indentation: indentation) else { continue }
                partial.render(into: &out, stack: &stack, set: set, depth: depth + 1, work: &work)
            }
        }
    }

    /// Appends `text`, with `& < > " '` escaped for HTML when `escaped`.
    static func append(_ text: String, escaped: Bool, to out: inout [UInt8]) {
        guard escaped else {
            out.append(contentsOf: text.utf8)
            return
        }
        XMLEscape.append(text, apostrophe: .numeric, to: &out)
    }
}
