import Foundation

/// Cleans a writer's SVG before it is published: it must be well-formed XML with an `<svg>`
/// root and no DOCTYPE; scripts, `foreignObject`, event handlers, animation of links and any
/// reference outside the file are removed.
public enum SVGSanitizer {
    /// Bump when what the sanitiser keeps or removes changes, so cached results are not reused.
    public static let version = 1

    static let droppedElements: Set<String> = ["script", "foreignObject", "iframe", "embed", "object", "handler", "listener", "set"]

    /// The cleaned SVG and what was removed.
    public static func sanitize(_ svg: String) throws(SVGSanitizerError) -> HTMLSanitizer.Result {
        let (parsed, message) = XMLDocumentHandle.xml(svg)
        guard let document = parsed else { throw .notWellFormed(message ?? "unknown error") }
        if document.hasDoctype { throw .hasDoctype }
        guard let root = document.root else { throw .notWellFormed("no root element") }
        guard root.name == "svg" else { throw .notSVG(root: root.name) }
        var removals: [HTMLSanitizer.Removal] = []
        clean(root, removals: &removals)
        return HTMLSanitizer.Result(html: document.serialize(root) + "\n", removals: removals)
    }

    private static func clean(_ element: XMLNodeHandle, removals: inout [HTMLSanitizer.Removal]) {
        let elementName = element.name
        let animates = elementName == "animate" || elementName == "set"
        for attribute in element.attributes {
            let key = attribute.name.lowercased()
            var reason: String?
            if key.hasPrefix("on") {
                reason = "event handlers run scripts"
            } else if key == "href" && !attribute.value.trimmingCharacters(in: .whitespaces).hasPrefix("#") {
                reason = "references outside the file are not allowed"
            } else if mentionsURL(attribute.value) && !attribute.value.lowercased().replacingOccurrences(of: " ", with: "").contains("url(#") {
                reason = "references outside the file are not allowed"
            } else if animates && ["href", "xlink:href"].contains(attribute.value.trimmingCharacters(in: .whitespaces).lowercased()) {
                reason = "animating a link can inject a script"
            }
            if let reason {
                removals.append(HTMLSanitizer.Removal(what: "\(attribute.prefix.map { "\($0):" } ?? "")\(attribute.name) on <\(elementName)>",
                                                      reason: reason, needle: attribute.name))
                element.removeAttribute(attribute.name, prefix: attribute.prefix)
            }
        }
        for child in element.children {
            if child.isElement {
                let name = child.name
                if droppedElements.contains(name) {
                    removals.append(HTMLSanitizer.Removal(what: "<\(name)>", reason: "not allowed in an image", needle: "<\(name)"))
                    child.remove()
                } else if name == "style", mentionsURL(child.textContent) || child.textContent.lowercased().contains("@import") {
                    removals.append(HTMLSanitizer.Removal(what: "<style>", reason: "styles that load other files are not allowed", needle: "<style"))
                    child.remove()
                } else {
                    clean(child, removals: &removals)
                }
            } else if !child.isText, !child.isComment {
                child.remove()
            }
        }
    }

    /// Whether `text` holds `url(` in any case, looked for in its bytes: most attribute values are
    /// long path data, which lowercasing and searching as characters made the sanitiser's main cost.
    public static func mentionsURL(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= 4 else { return false }
            for index in 0...(bytes.count - 4) where bytes[index + 3] == UInt8(ascii: "(")
                && bytes[index] | 0x20 == UInt8(ascii: "u") && bytes[index + 1] | 0x20 == UInt8(ascii: "r")
                && bytes[index + 2] | 0x20 == UInt8(ascii: "l") {
                return true
            }
            return false
        }
    }
}

/// Why an SVG was refused.
public enum SVGSanitizerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// libxml2 could not parse it.
    case notWellFormed(String)
    /// It declares a DOCTYPE (which can define entities).
    case hasDoctype
    /// The root element is not `<svg>`.
    case notSVG(root: String)

    /// What went wrong.
    public var description: String {
        switch self {
        case .notWellFormed(let message): return "the SVG is not well-formed XML: \(message)"
        case .hasDoctype: return "the SVG declares a DOCTYPE, which Tale does not accept (it can define entities)"
        case .notSVG(let root): return "the file's root element is <\(root)>, not <svg>"
        }
    }
}
