import Foundation
import TaleCore
import TaleRender

/// Adds the manifest and writes the output (nothing in `tale check`): in full into a staging folder
/// swapped into place, or, when the build carried books over from the last one, only the files that
/// changed. A `tale build` then records the build index for the next one.
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
        for path in context.outputPaths.sorted() where ContentTypes.of(path) == nil {
            throw .io(path: path, reason: "Tale has no content type for this file; rename it with a known extension (\(ContentTypes.byExtension.keys.sorted().joined(separator: ", ")))")
        }
        context.outputs.removeValue(forKey: OutputManifest.fileName)
        context.hashAllOutputs()
        var sizes = context.outputs.mapValues(\.count)
        for (path, copy) in context.copies { sizes[path] = copy.size }
        for (path, file) in context.kept { sizes[path] = file.bytes }
        let manifest = OutputManifest.make(sizes: sizes, sha256: context.sha256(of:))
        var files: [String: BuildIndex.OutputFile] = [:]
        for (path, size) in sizes { files[path] = BuildIndex.OutputFile(sha256: context.sha256(of: path), bytes: size) }
        context.emit(OutputManifest.fileName, text: manifest)
        if let previous = context.previousBuild {
            // Nothing in the output may be trusted by a later build until this one has finished writing it.
            BuildIndex.remove(project: options.project, output: options.output)
            try OutputWriter.update(context.outputs, copies: context.copies, previous: previous.files,
                                    current: Set(sizes.keys).union([OutputManifest.fileName]), sha256: context.sha256(of:), in: options.output)
        } else {
            try OutputWriter.write(context.outputs, copies: context.copies, to: options.output)
        }
        if let incremental = options.incremental {
            try BuildIndex(context, files: files, tool: incremental.tool).write(project: options.project, output: options.output)
        }
    }
}
