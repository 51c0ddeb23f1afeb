/// XHTML for EPUB content documents: HTML fragments as well-formed XML, and the check that a
/// document is well-formed before it goes into a zip.
public enum XHTML {
    /// `html` (a fragment, such as a scene's sanitised HTML) serialised as XML.
    public static func fragment(_ html: String) -> String {
        guard let document = XMLDocumentHandle.htmlFragment(html), let body = document.body else { return "" }
        return body.children.map { document.serializeAsXML($0) }.joined()
    }

    /// Nil when `text` is well-formed XML; libxml2's message when it is not.
    public static func problem(in text: String) -> String? {
        let (document, message) = XMLDocumentHandle.xml(text)
        return document == nil ? (message ?? "not well-formed XML") : nil
    }
}
