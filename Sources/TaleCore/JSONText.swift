/// Deterministic JSON text: keys in the order given, strings escaped so the result is also
/// safe inside an HTML `<script>` element (`<`, `>`, `&` and line separators as \u escapes).
public enum JSONValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// Equal when the texts are equal.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.text() == rhs.text() }

    /// An optional string, or null.
    public static func optional(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

    /// The JSON text; `indent` spaces per level, 0 for compact.
    public func text(indent: Int = 0) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(to: &out, indent: indent, level: 0)
        return String(decoding: out, as: UTF8.self)
    }

    private func write(to out: inout [UInt8], indent: Int, level: Int) {
        func newline(_ level: Int) {
            guard indent > 0 else { return }
            out.append(0x0A)
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * level))
        }
        switch self {
        case .string(let s): JSONValue.appendQuoted(s, to: &out)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .double(let d): out.append(contentsOf: (d.isFinite ? String(d) : "null").utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(level + 1)
                item.write(to: &out, indent: indent, level: level + 1)
            }
            newline(level)
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            if pairs.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(level + 1)
                JSONValue.appendQuoted(key, to: &out)
                out.append(UInt8(ascii: ":"))
                if indent > 0 { out.append(UInt8(ascii: " ")) }
                value.write(to: &out, indent: indent, level: level + 1)
            }
            newline(level)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// A JSON string literal for `text`.
    public static func quote(_ text: String) -> String {
        var out: [UInt8] = []
        appendQuoted(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text` as a JSON string literal, escaping `<`, `>`, `&`, U+2028 and U+2029 too.
    public static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { buffer in
            // Most strings (paths, hashes, words) need no escape: copy them whole.
            guard buffer.contains(where: needsEscape) else {
                out.append(contentsOf: buffer)
                return
            }
            func escape(_ code: UInt32) {
                out.append(92)
                out.append(UInt8(ascii: "u"))
                for shift in stride(from: 12, through: 0, by: -4) { out.append(hexDigits[Int((code >> UInt32(shift)) & 0xf)]) }
            }
            func pair(_ second: UInt8) {
                out.append(92)
                out.append(second)
            }
            // Runs of bytes that need nothing are copied whole; scene HTML has an escape every few words.
            var i = 0, run = 0
            while i < buffer.count {
                let byte = buffer[i]
                guard needsEscape(byte) else {
                    i += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[run..<i]))
                switch byte {
                case UInt8(ascii: "\""): pair(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): pair(UInt8(ascii: "\\"))
                case 0x0A: pair(UInt8(ascii: "n"))
                case 0x0D: pair(UInt8(ascii: "r"))
                case 0x09: pair(UInt8(ascii: "t"))
                case 0xE2 where i + 2 < buffer.count && buffer[i + 1] == 0x80 && (buffer[i + 2] == 0xA8 || buffer[i + 2] == 0xA9):
                    // U+2028 and U+2029 end lines in JavaScript.
                    escape(buffer[i + 2] == 0xA8 ? 0x2028 : 0x2029)
                    i += 2
                case 0xE2: out.append(byte)
                default: escape(UInt32(byte))
                }
                i += 1
                run = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[run..<buffer.count]))
        }
        out.append(UInt8(ascii: "\""))
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Whether a byte may start something `appendQuoted` escapes (0xE2 may begin U+2028 or U+2029), by byte.
    private static let escapes: [Bool] = (0...255).map { byte in
        byte < 0x20 || byte == 0xE2 || "\"\\<>&".utf8.contains(UInt8(byte))
    }

    private static func needsEscape(_ byte: UInt8) -> Bool { escapes[Int(byte)] }
}
