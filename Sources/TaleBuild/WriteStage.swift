import Foundation
import TaleCore

/// Adds the manifest and writes the output atomically (nothing in `tale check`).
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
        try PathPolicy.checkOutput(context.options.output, project: context.options.project)
        for path in context.outputPaths.sorted() where ContentTypes.of(path) == nil {
            throw .io(path: path, reason: "Tale has no content type for this file; rename it with a known extension (\(ContentTypes.byExtension.keys.sorted().joined(separator: ", ")))")
        }
        context.outputs.removeValue(forKey: OutputManifest.fileName)
        context.hashAllOutputs()
        var sizes = context.outputs.mapValues(\.count)
        for (path, copy) in context.copies { sizes[path] = copy.size }
        let manifest = OutputManifest.make(sizes: sizes, sha256: context.sha256(of:))
        context.emit(OutputManifest.fileName, text: manifest)
        try OutputWriter.write(context.outputs, copies: context.copies, to: context.options.output)
    }
}
