import Foundation
import TaleCore
import TaleMarkdown
import TaleRender

/// Reads `tale.yaml` (optional) and loads the theme it names.
public struct LoadConfigStage: BuildStage {
    /// `Load config`.
    public let name = "Load config and theme"

    /// A stage value.
    public init() {}

    /// Reads the config and the theme into the context.
    public func run(_ context: BuildContext) async throws(TaleError) {
        let file = context.options.project.appending(path: "tale.yaml")
        if FileManager.default.fileExists(atPath: file.path) {
            guard let data = try? Data(contentsOf: file) else { throw .io(path: "tale.yaml", reason: "cannot read the file") }
            if let text = String(data: data, encoding: .utf8) {
                context.config = SiteConfigDecoder.decode(text, file: "tale.yaml", diagnostics: &context.diagnostics)
            } else if let problem = SourceLimits.notUTF8(Array(data), file: "tale.yaml") {
                context.diagnostics.report(problem)
            }
        }
        guard !context.diagnostics.hasErrors else { return }
        let theme = try Theme.load(named: context.config.theme, projectThemes: context.options.project.appending(path: "themes"))
        context.theme = theme
        let options = context.options
        if let location = options.cacheLocation ?? context.config.cache {
            context.sharedCache = try options.openSharedCache(location)
        } else if let shard = options.shard {
            throw .usage("--shard \(shard) needs a shared cache to store its books in: pass --cache DIR or --cache s3://bucket/prefix, or set `cache:` in tale.yaml")
        }
        guard context.memo.fingerprintsBooks || context.sharedCache != nil else { return }
        let themeFingerprint = BuildCache.fingerprint(theme: theme), configFingerprint = BuildCache.fingerprint(config: context.config)
        context.siteFingerprint = SHA256.hex(themeFingerprint.combined + " " + configFingerprint)
        context.memo.memory?.use(config: configFingerprint, theme: themeFingerprint)
        if let shared = context.sharedCache {
            // The pages name the installed fonts by hash, so machines with other fonts do not share entries.
            let fonts = ThemeFonts.files(derived: DerivedImages(project: options.project)).map(\.hashed)
            let site = themeFingerprint.combined + " " + BuildCache.sharedFingerprint(config: context.config)
            context.sharedSiteKey = shared.siteKey(site: site, fonts: fonts, options: options)
        }
    }
}
