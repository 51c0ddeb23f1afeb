import CLibXML2
import Foundation

/// Thin Swift access to libxml2 nodes: the one file in TaleHTML that touches the C API.
/// Everything it returns is a Swift value or an opaque node handle used inside this module.
struct XMLNodeHandle {
    let pointer: xmlNodePtr

    var name: String { pointer.pointee.name.map { String(cString: $0) } ?? "" }
    var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }
    var isComment: Bool { pointer.pointee.type == XML_COMMENT_NODE }
    var namespaceURI: String? { pointer.pointee.ns?.pointee.href.map { String(cString: $0) } }

    var children: [XMLNodeHandle] {
        var result: [XMLNodeHandle] = []
        var child = pointer.pointee.children
        while let current = child {
            result.append(XMLNodeHandle(pointer: current))
            child = current.pointee.next
        }
        return result
    }

    /// Attributes as (name, value, namespace prefix) in order.
    var attributes: [(name: String, value: String, prefix: String?)] {
        var result: [(String, String, String?)] = []
        var attribute = pointer.pointee.properties
        while let current = attribute {
            let name = current.pointee.name.map { String(cString: $0) } ?? ""
            let prefix = current.pointee.ns?.pointee.prefix.map { String(cString: $0) }
            var value = ""
            if let raw = xmlNodeListGetString(pointer.pointee.doc, current.pointee.children, 1) {
                value = String(cString: raw)
                tale_xml_free(raw)
            }
            result.append((name, value, prefix))
            attribute = current.pointee.next
        }
        return result
    }

    var textContent: String {
        guard let raw = xmlNodeGetContent(pointer) else { return "" }
        defer { tale_xml_free(raw) }
        return String(cString: raw)
    }

    func removeAttribute(_ name: String, prefix: String?) {
        var attribute = pointer.pointee.properties
        while let current = attribute {
            let currentName = current.pointee.name.map { String(cString: $0) } ?? ""
            let currentPrefix = current.pointee.ns?.pointee.prefix.map { String(cString: $0) }
            attribute = current.pointee.next
            if currentName == name, currentPrefix == prefix { xmlRemoveProp(current) }
        }
    }

    func setAttribute(_ name: String, _ value: String) {
        xmlSetProp(pointer, name, value)
    }

    /// Removes the node and its children from the tree and frees them.
    func remove() {
        xmlUnlinkNode(pointer)
        xmlFreeNode(pointer)
    }

    /// Replaces the node by its children.
    func unwrap() {
        var child = pointer.pointee.children
        while let current = child {
            child = current.pointee.next
            xmlUnlinkNode(current)
            xmlAddPrevSibling(pointer, current)
        }
        remove()
    }
}

/// A parsed HTML or XML document that frees itself.
final class XMLDocumentHandle {
    /// libxml2 must be initialised once before threads use it; a lazy global runs exactly once.
    private static let initialised: Void = { xmlInitParser() }()
    let pointer: xmlDocPtr
    let isHTML: Bool

    private init(pointer: xmlDocPtr, isHTML: Bool) {
        self.pointer = pointer
        self.isHTML = isHTML
    }

    deinit { xmlFreeDoc(pointer) }

    /// Parses an HTML fragment inside a UTF-8 body; never reaches the network.
    static func htmlFragment(_ html: String) -> XMLDocumentHandle? {
        _ = initialised
        let wrapped = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\(html)</body></html>"
        let options = Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        let document = wrapped.withCString { htmlReadMemory($0, Int32(strlen($0)), "fragment.html", "UTF-8", options) }
        return document.map { XMLDocumentHandle(pointer: $0, isHTML: true) }
    }

    /// Parses XML without loading DTDs or external entities and without the network.
    /// Returns nil with libxml2's message when the text is not well-formed.
    static func xml(_ text: String) -> (XMLDocumentHandle?, String?) {
        _ = initialised
        xmlResetLastError()
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let document = text.withCString { xmlReadMemory($0, Int32(strlen($0)), "image.svg", "UTF-8", options) }
        guard let document else {
            let message = xmlGetLastError().map { String(cString: $0.pointee.message).trimmingCharacters(in: .whitespacesAndNewlines) }
            return (nil, message ?? "not well-formed XML")
        }
        return (XMLDocumentHandle(pointer: document, isHTML: false), nil)
    }

    var hasDoctype: Bool { pointer.pointee.intSubset != nil || pointer.pointee.extSubset != nil }

    var root: XMLNodeHandle? { xmlDocGetRootElement(pointer).map(XMLNodeHandle.init) }

    /// The `<body>` of an HTML document.
    var body: XMLNodeHandle? {
        guard let html = root else { return nil }
        return html.children.first { $0.isElement && $0.name == "body" }
    }

    /// Serialises one node (HTML or XML rules, per the document).
    func serialize(_ node: XMLNodeHandle) -> String {
        guard let buffer = xmlBufferCreate() else { return "" }
        defer { xmlBufferFree(buffer) }
        if isHTML {
            htmlNodeDump(buffer, pointer, node.pointer)
        } else {
            xmlNodeDump(buffer, pointer, node.pointer, 0, 0)
        }
        guard let content = xmlBufferContent(buffer) else { return "" }
        return String(cString: content)
    }

    /// Serialises one node with XML rules (`<br/>`, quoted attributes), whatever the document is.
    func serializeAsXML(_ node: XMLNodeHandle) -> String {
        guard let buffer = xmlBufferCreate() else { return "" }
        defer { xmlBufferFree(buffer) }
        xmlNodeDump(buffer, pointer, node.pointer, 0, 0)
        guard let content = xmlBufferContent(buffer) else { return "" }
        return String(cString: content)
    }

    /// Serialises the whole XML document with its declaration.
    func serializeDocument() -> String {
        var output: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        xmlDocDumpMemoryEnc(pointer, &output, &size, "UTF-8")
        guard let output else { return "" }
        defer { tale_xml_free(output) }
        return String(cString: output)
    }
}

/// XML Schema (XSD) validation through libxml2.
enum XMLSchemaCheck {
    /// The problems libxml2 finds when validating `xml` against the schema `xsd`; empty when valid.
    static func problems(xml: String, xsd: String) -> [String] {
        let collector = ProblemCollector()
        let context = Unmanaged.passRetained(collector)
        defer { context.release() }
        guard let parserContext = xsd.withCString({ xmlSchemaNewMemParserCtxt($0, Int32(strlen($0))) }) else {
            return ["the schema could not be read"]
        }
        defer { xmlSchemaFreeParserCtxt(parserContext) }
        xmlSchemaSetParserStructuredErrors(parserContext, collectStructuredError, context.toOpaque())
        guard let schema = xmlSchemaParse(parserContext) else { return ["the schema is not valid: " + collector.lines.joined(separator: "; ")] }
        defer { xmlSchemaFree(schema) }
        let (parsed, message) = XMLDocumentHandle.xml(xml)
        guard let document = parsed else { return ["not well-formed: \(message ?? "")"] }
        guard let validator = xmlSchemaNewValidCtxt(schema) else { return ["no validation context"] }
        defer { xmlSchemaFreeValidCtxt(validator) }
        xmlSchemaSetValidStructuredErrors(validator, collectStructuredError, context.toOpaque())
        let result = xmlSchemaValidateDoc(validator, document.pointer)
        if result != 0 && collector.lines.isEmpty { return ["invalid (libxml2 code \(result))"] }
        return collector.lines
    }
}

/// Collects libxml2's structured errors as lines `line N: message`.
final class ProblemCollector {
    var lines: [String] = []
}

private func collectStructuredError(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let context, let error else { return }
    let collector = Unmanaged<ProblemCollector>.fromOpaque(context).takeUnretainedValue()
    let message = error.pointee.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "unknown"
    collector.lines.append("line \(error.pointee.line): \(message)")
}

extension XMLTreeNode {
    /// Converts a libxml2 element and its subtree.
    init(_ node: XMLNodeHandle) {
        var children: [XMLTreeNode] = []
        var text = ""
        for child in node.children {
            if child.isElement { children.append(XMLTreeNode(child)) } else if child.isText { text += child.textContent }
        }
        var attributes: [String: String] = [:]
        for attribute in node.attributes { attributes[(attribute.prefix.map { "\($0):" } ?? "") + attribute.name] = attribute.value }
        self.init(name: node.name, namespace: node.namespaceURI, attributes: attributes, children: children, text: text)
    }
}
