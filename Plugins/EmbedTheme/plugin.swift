import Foundation
import PackagePlugin

/// Embeds every file under the package's `themes/` folder into the target as Swift source,
/// so the `tale` binary carries its bundled themes wherever it is installed.
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let themes = context.package.directoryURL.appending(path: "themes")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedThemes.swift")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: themes, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in walker
            where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                inputs.append(url)
            }
        }
        return [
            .buildCommand(
                displayName: "Embedding bundled themes",
                executable: try context.tool(named: "ThemeEmbedder").url,
                arguments: [themes.path(), output.path()],
                inputFiles: inputs.sorted { $0.path() < $1.path() },
                outputFiles: [output]
            ),
        ]
    }
}
