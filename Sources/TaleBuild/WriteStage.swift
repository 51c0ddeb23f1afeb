import Foundation
import TaleCore
import TaleRender

/// Adds the manifest and writes the output (nothing in `tale check`). A full build writes a staging
/// folder and swaps it into place. A build that carried books over from the last one writes only
/// the files that changed, into the output's twin, and swaps that in (`OutputWriter.update`).
/// Either way the output is whole at every moment, old or new. `tale build` then records the
/// build index for the next one.
public struct WriteStage: BuildStage {
    /// `Write output`.
    public let name = "Write output"

    /// A stage value.
    public init() {}

    /// Renders only error-free sources.
    public var needsErrorFreeSources: Bool { true }

    /// Writes `context.outputs`.
    public func run(_ context: BuildContext) throws(TaleError) {
        guard !context.options.checkOnly else { return }
        let options = context.options
        try PathPolicy.checkOutput(options.output, project: options.project)
        if let unknown = context.outputPaths.filter({ ContentTypes.of($0) == nil }).min() {
            throw .io(path: unknown, reason: "Tale has no content type for this file; rename it with a known extension (\(ContentTypes.byExtension.keys.sorted().joined(separator: ", ")))")
        }
        context.outputs.removeValue(forKey: OutputManifest.fileName)
        let (table, moved) = context.outputTable()
        let manifest = OutputManifest.write(table, reusing: context.previousBuild.flatMap { $0.manifest(in: options.output, for: table, moved: moved) })
        context.emit(OutputManifest.fileName, manifest.bytes)
        // Nothing in the output may be trusted by a later build until this one has finished writing it.
        if options.incremental != nil { BuildIndex.remove(project: options.project, output: options.output) }
        if let previous = context.previousBuild {
            let removed = previous.files.entries.indices.filter { moved[$0] == nil }.map { previous.files.entries[$0].path }
            try OutputWriter.update(context.outputs, copies: context.copies, previous: previous.files, removed: removed,
                                    sha256: context.sha256(of:), in: options.output)
        } else {
            try OutputWriter.write(context.outputs, copies: context.copies, to: options.output)
            // The next build changes the twin and swaps it in; without one, it builds in full.
            if options.incremental != nil, (try? OutputWriter.makeShadow(of: options.output)) == nil { return }
        }
        if let incremental = options.incremental {
            try BuildIndex(context, table: table, moved: moved, manifest: manifest.entries, tool: incremental.tool)
                .write(project: options.project, output: options.output)
        }
    }
}
