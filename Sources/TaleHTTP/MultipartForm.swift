/// A `multipart/form-data` body (RFC 7578): text fields and files, in the order added, between
/// boundary lines that appear in none of the parts.
public struct MultipartForm: Sendable {
    /// One part: a field's text, or a file's bytes with its name and type.
    struct Part: Sendable {
        var name: String
        var filename: String?
        var contentType: String?
        var bytes: [UInt8]
    }

    private var parts: [Part] = []
    /// The boundary between parts.
    public let boundary: String

    /// An empty form whose boundary is `boundary` (a fixed one keeps bodies the same from run to run).
    public init(boundary: String = "tale-form-7b3f2a9c4e1d") {
        self.boundary = boundary
    }

    /// Adds a text field.
    public mutating func add(_ name: String, _ value: String) {
        parts.append(Part(name: name, filename: nil, contentType: nil, bytes: Array(value.utf8)))
    }

    /// Adds a file.
    public mutating func add(_ name: String, file bytes: [UInt8], filename: String, contentType: String) {
        parts.append(Part(name: name, filename: filename, contentType: contentType, bytes: bytes))
    }

    /// The `Content-Type` header's value.
    public var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    /// The body's bytes.
    public var body: [UInt8] {
        var out: [UInt8] = []
        func line(_ text: String) { out += Array((text + "\r\n").utf8) }
        for part in parts {
            line("--\(boundary)")
            let quoted = part.name.replacingOccurrences(of: "\"", with: "%22")
            if let filename = part.filename {
                line("Content-Disposition: form-data; name=\"\(quoted)\"; filename=\"\(filename.replacingOccurrences(of: "\"", with: "%22"))\"")
                line("Content-Type: \(part.contentType ?? "application/octet-stream")")
            } else {
                line("Content-Disposition: form-data; name=\"\(quoted)\"")
            }
            line("")
            out += part.bytes
            line("")
        }
        line("--\(boundary)--")
        return out
    }
}
