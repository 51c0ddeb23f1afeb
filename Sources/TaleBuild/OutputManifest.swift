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
        let files: [JSONValue] = sizes.keys.sorted().map { path in
            .object([
                ("path", .string(path)),
                ("sha256", .string(sha256(path))),
                ("bytes", .int(sizes[path]!)),
                ("content_type", .string(ContentTypes.of(path) ?? "application/octet-stream")),
                ("cache_control", .string(ContentTypes.cacheControl(path))),
            ])
        }
        return JSONValue.object([("generator", .string("tale")), ("version", .int(1)), ("files", .array(files))]).text(indent: 2) + "\n"
    }
}
