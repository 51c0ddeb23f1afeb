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

    /// The manifest for files of these sizes, by path. The same text as `JSONValue` would write with
    /// an indent of 2, written directly: a large library's manifest lists tens of thousands of files,
    /// and building a value for each first was most of the time a one-edit build spent writing.
    public static func make(sizes: [String: Int], sha256: (String) -> String = { _ in "" }) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(64 + sizes.count * 260)
        out.append(contentsOf: "{\n  \"generator\": \"tale\",\n  \"version\": 1,\n  \"files\": ".utf8)
        if sizes.isEmpty { out.append(contentsOf: "[]".utf8) } else { out.append(UInt8(ascii: "[")) }
        for (index, path) in sizes.keys.sorted().enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: "\n    {\n      \"path\": ".utf8)
            JSONValue.appendQuoted(path, to: &out)
            out.append(contentsOf: ",\n      \"sha256\": ".utf8)
            JSONValue.appendQuoted(sha256(path), to: &out)
            out.append(contentsOf: ",\n      \"bytes\": \(sizes[path]!),\n      \"content_type\": ".utf8)
            JSONValue.appendQuoted(ContentTypes.of(path) ?? "application/octet-stream", to: &out)
            out.append(contentsOf: ",\n      \"cache_control\": ".utf8)
            JSONValue.appendQuoted(ContentTypes.cacheControl(path), to: &out)
            out.append(contentsOf: "\n    }".utf8)
        }
        if !sizes.isEmpty { out.append(contentsOf: "\n  ]".utf8) }
        out.append(contentsOf: "\n}\n".utf8)
        return String(decoding: out, as: UTF8.self)
    }
}
