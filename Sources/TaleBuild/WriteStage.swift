import Foundation
import TaleCore
import TaleOutput
import TaleRender

/// Adds the manifest and writes the output (nothing in `tale check`). A build writes only the
/// files that differ from the output's twin, into the twin, and swaps that in
/// (`OutputWriter.update`): after carrying books over from the last build, or in full when the
/// twin is intact. A first build, or one with `--force`, writes a staging folder and swaps it into
/// place. Either way the output is whole at every moment, old or new. `tale build` then records
/// the build index for the next one.
public struct WriteStage: BuildStage {
    /// `Write output`.
    public let name = "Write output"

    /// A stage value.
    public init() {}

    /// Renders only error-free sources.
    public var needsErrorFreeSources: Bool { true }

    /// Writes `context.outputs`.
    public func run(_ context: BuildContext) async throws(TaleError) {
        guard !context.options.checkOnly else { return }
        let options = context.options
        try PathPolicy.checkOutput(options.output, project: options.project)
        if let unknown = context.outputPaths.filter({ ContentTypes.of($0) == nil }).min() {
            throw .io(path: unknown, reason: "Tale has no content type for this file; rename it with a known extension (\(ContentTypes.byExtension.keys.sorted().joined(separator: ", ")))")
        }
        // What this build made is stored for other machines first: a book is in the cache before the site names it.
        try await BookStoring.store(context)
        context.outputs.removeValue(forKey: OutputManifest.fileName)
        let (table, moved) = context.outputTable()
        let manifest = OutputManifest.write(table, reusing: context.previousBuild.flatMap { $0.manifest(in: options.output, for: table, moved: moved) })
        context.emit(OutputManifest.fileName, manifest.bytes)
        // Nothing in the output may be trusted by a later build until this one has finished writing it.
        if context.memo.disk != nil { BuildIndex.remove(project: options.project, output: options.output) }
        func index() -> BuildIndex? {
            context.memo.disk.map { BuildIndex(context, table: table, moved: moved, manifest: manifest.entries, tool: $0.tool) }
        }
        var made: BuildIndex?, body: [UInt8]?
        // The next build changes the twin and swaps it in; without one, it builds in full.
        func makeTwin(_ made: BuildIndex) -> Bool {
            let files = table.entries.map(\.path) + [OutputManifest.fileName]
            return (try? OutputWriter.makeShadow(of: options.output, files: files, folders: made.folders)) != nil
        }
        // The twin holds the last build's files; `moved` says which of them this build keeps.
        if let twin = context.lastFiles {
            let removed = twin.entries.indices.filter { moved[$0] == nil }.map { twin.entries[$0].path }
            // The files are written on another thread while this one makes the index.
            let outputs = context.outputs, copies = context.copies, output = options.output, trusted = context.previousBuild != nil
            let lastBuildEnded = await context.memo.disk?.previous?.writtenAt
            let writing = Background {
                Result { () throws(TaleError) -> Bool in
                    try OutputWriter.update(outputs, copies: copies, previous: twin, current: table, removed: removed, in: output,
                                            trustsOutput: trusted, unchangedBefore: lastBuildEnded) { kept in
                        // A compressed copy kept from the twin, found written into: compressed again.
                        guard kept.hasSuffix(".gz"), let plain = outputs[String(kept.dropLast(3))] else { return nil }
                        return GzipSiblings.compress(plain)
                    }
                }
            }
            made = index()
            body = made?.encodedBody()
            // After a full build the output has no twin yet: make it.
            if try await !writing.value.get(), let made, !makeTwin(made) { return }
        } else {
            var hasTwin = true
            // The index and the twin are made while the old output is removed.
            try await OutputWriter.write(context.outputs, copies: context.copies, to: options.output) { () throws(TaleError) in
                made = index()
                if let made { hasTwin = makeTwin(made) }
            }
            guard hasTwin else { return }
        }
        if var made {
            made.stamp(output: options.output)
            try made.write(project: options.project, output: options.output, body: body)
        }
        // `tale build` (not `tale serve`) keeps the cache of derived files from growing for ever.
        if context.memo.disk != nil { DerivedImages(project: options.project).pruneIfDue() }
    }
}
