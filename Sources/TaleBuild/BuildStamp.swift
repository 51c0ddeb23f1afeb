import Foundation
import TaleCore
import TaleRender

/// `.tale-cache/last-build.json`: what the last successful `tale build` was made from. When nothing
/// it names has changed (the tool, the theme and config, every book folder, the options, and the
/// output still whole), a build has nothing to do.
public struct BuildStamp: Codable, Equatable, Sendable {
    /// The tool: version plus the executable's size and modification time.
    var tool: String
    /// The theme and config fingerprint.
    var site: String
    /// Each book folder's fingerprint, by name.
    var books: [String: String]
    /// Options that change the output.
    var drafts: Bool
    var requireApproved: Bool
    var output: String
    var sourceDateEpoch: String?
    /// The SHA-256 of the output's tale-manifest.json.
    var manifest: String
    /// The warnings the build printed, printed again when it is skipped.
    var warnings: [String]

    static func file(for project: URL) -> URL { project.appending(path: ".tale-cache/last-build.json") }

    /// The stamp the sources would have now, or nil when it cannot be worked out (then build).
    static func current(_ options: BuildOptions, tool: String, warnings: [String] = []) -> BuildStamp? {
        let context = BuildContext(options: options)
        do { try LoadConfigStage().run(context) } catch { return nil }
        guard !context.diagnostics.hasErrors, let theme = context.theme else { return nil }
        let content = options.project.appending(path: "content")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: content.path) else { return nil }
        var books: [String: String] = [:]
        for name in names.sorted() where !name.hasPrefix(".") {
            books[name] = BuildCache.fingerprint(ofBook: content.appending(path: name))
        }
        let manifestURL = options.output.appending(path: OutputManifest.fileName)
        guard let manifest = try? Data(contentsOf: manifestURL) else { return nil }
        return BuildStamp(tool: tool, site: BuildCache.fingerprint(theme: theme, config: context.config), books: books,
                          drafts: options.includeDrafts, requireApproved: options.requireApproved, output: options.output.path,
                          sourceDateEpoch: ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"],
                          manifest: SHA256.hex(Array(manifest)), warnings: warnings)
    }

    /// The identity of the running tool: a new build of Tale must not trust an older stamp.
    public static func toolIdentity(version: String) -> String {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return version }
        return "\(version) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }

    /// The warnings of the last build when nothing changed since it, else nil.
    public static func upToDate(_ options: BuildOptions, tool: String) -> [String]? {
        guard let data = try? Data(contentsOf: file(for: options.project)),
              let saved = try? JSONDecoder().decode(BuildStamp.self, from: data),
              var now = current(options, tool: tool) else { return nil }
        now.warnings = saved.warnings
        guard now == saved, outputIsWhole(options.output) else { return nil }
        return saved.warnings
    }

    /// Records the build just written.
    public static func record(_ options: BuildOptions, tool: String, warnings: [String]) {
        guard let stamp = current(options, tool: tool, warnings: warnings), let data = try? JSONEncoder().encode(stamp) else { return }
        let file = file(for: options.project)
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? data.write(to: file, options: .atomic)
    }

    /// Whether every file the output's manifest lists is there with its size.
    static func outputIsWhole(_ output: URL) -> Bool {
        guard let data = try? Data(contentsOf: output.appending(path: OutputManifest.fileName)),
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let files = json["files"] as? [[String: Any]] else { return false }
        for file in files {
            guard let path = file["path"] as? String, let bytes = file["bytes"] as? Int else { return false }
            var info = stat()
            guard stat(output.appending(path: path).path, &info) == 0, Int(info.st_size) == bytes else { return false }
        }
        return true
    }
}
