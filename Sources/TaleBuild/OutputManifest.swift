import TaleCore

/// `tale-manifest.json`: every file of the output with its sha256, size, content type and cache
/// rule. It also marks a folder as Tale's output, so `--output` may replace it.
public enum OutputManifest {
    /// The file's name at the output's top.
    public static let fileName = "tale-manifest.json"

    /// The manifest for `outputs` (which must not include the manifest itself); `sha256` gives each file's hash.
    public static func make(_ outputs: [String: [UInt8]], sha256: (String) -> String = { _ in "" }) -> String {
        make(sizes: outputs.mapValues(\.count), sha256: sha256)
    }

    /// The manifest for files of these sizes, by path.
    public static func make(sizes: [String: Int], sha256: (String) -> String = { _ in "" }) -> String {
        make(OutputTable(sizes.map { OutputTable.Entry(path: $0.key, sha256: sha256($0.key), bytes: $0.value, isCompressedCopy: false) }))
    }

    /// The manifest for `table`. The same text as `JSONValue` would write with an indent of 2,
    /// written directly: a large library's manifest lists tens of thousands of files, and building
    /// a value for each first was most of the time a one-edit build spent writing.
    static func make(_ table: OutputTable) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(64 + table.entries.count * 260)
        out.append(contentsOf: "{\n  \"generator\": \"tale\",\n  \"version\": 1,\n  \"files\": ".utf8)
        out.append(contentsOf: (table.entries.isEmpty ? "[]" : "[").utf8)
        // One lookup per ending (from the last dot): most of the files share a handful.
        var types: [Substring: String] = [:]
        func contentType(_ path: String) -> String {
            if let named = ContentTypes.byName[path] { return named }
            let ending = path[(path.utf8.lastIndex(of: UInt8(ascii: ".")) ?? path.endIndex)...]
            if let known = types[ending] { return known }
            let type = ContentTypes.of(path) ?? "application/octet-stream"
            types[ending] = type
            return type
        }
        for (index, entry) in table.entries.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: "\n    {\n      \"path\": ".utf8)
            JSONValue.appendQuoted(entry.path, to: &out)
            out.append(contentsOf: ",\n      \"sha256\": ".utf8)
            JSONValue.appendQuoted(entry.sha256, to: &out)
            out.append(contentsOf: ",\n      \"bytes\": \(entry.bytes),\n      \"content_type\": ".utf8)
            JSONValue.appendQuoted(contentType(entry.path), to: &out)
            out.append(contentsOf: ",\n      \"cache_control\": ".utf8)
            JSONValue.appendQuoted(ContentTypes.cacheControl(entry.path), to: &out)
            out.append(contentsOf: "\n    }".utf8)
        }
        if !table.entries.isEmpty { out.append(contentsOf: "\n  ]".utf8) }
        out.append(contentsOf: "\n}\n".utf8)
        return String(decoding: out, as: UTF8.self)
    }
}
