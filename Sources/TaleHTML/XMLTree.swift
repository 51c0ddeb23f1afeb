/// An XML element as a Swift value: name, namespace, attributes, child elements and its own text.
/// For reading small documents (S3 listings, feeds in tests), not for editing.
public struct XMLTreeNode: Sendable, Equatable {
    /// The local name.
    public var name: String
    /// The namespace URI, if any.
    public var namespace: String?
    /// Attributes by (prefixed) name.
    public var attributes: [String: String]
    /// Child elements in order.
    public var children: [XMLTreeNode]
    /// The text directly inside this element.
    public var text: String

    /// Creates a node.
    public init(name: String, namespace: String?, attributes: [String: String], children: [XMLTreeNode], text: String) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
        self.text = text
    }

    /// Parses `xml` (no DTDs, no network), or returns libxml2's complaint.
    public static func parse(_ xml: String) -> Result<XMLTreeNode, XMLTreeError> {
        let (parsed, message) = XMLDocumentHandle.xml(xml)
        guard let document = parsed, let root = document.root else { return .failure(XMLTreeError(message: message ?? "no root element")) }
        return .success(XMLTreeNode(root))
    }

    /// Child elements named `name`.
    public func all(_ name: String) -> [XMLTreeNode] { children.filter { $0.name == name } }

    /// The first child element named `name`.
    public func first(_ name: String) -> XMLTreeNode? { children.first { $0.name == name } }

    /// The text of the first child element named `name`.
    public func text(of name: String) -> String? { first(name)?.text }
}

/// Why XML could not be read.
public struct XMLTreeError: Error, Equatable, Sendable {
    /// libxml2's message.
    public var message: String
}

/// Validation of XML against an XML Schema (XSD), through libxml2.
public enum XMLSchemaValidator {
    /// Problems found validating `xml` against `xsd`, each `line N: message`; empty when valid.
    public static func validate(_ xml: String, schema xsd: String) -> [String] {
        XMLSchemaCheck.problems(xml: xml, xsd: xsd)
    }
}
