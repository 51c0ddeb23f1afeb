import ArgumentParser
import Foundation
import TaleBuild
import TaleCore
import TaleGenerate

/// `tale generate [slug...]`: fills the gaps books leave, writing only content/<slug>/generated/.
struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate what books leave out, without building.",
        discussion: """
        Writes missing scenes, empty scenes, titles of empty headings, summaries, tags, \
        illustrations for scenes without one and covers for books without one into \
        content/<slug>/generated/, with a lock that records what went into each artifact. An \
        artifact whose inputs have not changed is never generated again. The writer's own files \
        are never edited. Read what was generated, then approve it with --approve (or set \
        "approved": true in the lock) so that `tale build --require-approved` accepts it.
        """
    )

    @OptionGroup var project: ProjectOptions

    @Argument(help: ArgumentHelp("The books to generate for (folder names in content/); all books when none are given.", valueName: "slug"))
    var slugs: [String] = []

    @Flag(help: "Mark every artifact of these books as approved by a person, after generating.")
    var approve = false

    @Flag(help: "Include books marked `draft: true`.")
    var drafts = false

    @Flag(name: [.customShort("q"), .long], help: "Print only warnings and errors.")
    var quiet = false

    @Option(help: ArgumentHelp("Generate only for the books of shard K of N (K from 1), split by slug as `tale build --shard` splits them.",
                               valueName: "K/N"))
    var shard: String?

    func validate() throws {
        if let shard, BuildShard(shard) == nil { throw ValidationError("--shard must be K/N with 1 ≤ K ≤ N, like 1/4; found '\(shard)'") }
    }

    func run() async throws {
        var options = BuildOptions(project: Console.projectURL(project.source))
        options.includeDrafts = drafts
        options.onlyBooks = slugs.isEmpty ? nil : Set(slugs)
        if let shard = shard.flatMap(BuildShard.init) {
            // Every machine splits the folder names of content/ alike.
            let names = (try? FileManager.default.contentsOfDirectory(atPath: options.project.appending(path: "content").path)) ?? []
            options.onlyBooks = Set(names.filter { shard.contains($0) && (slugs.isEmpty || slugs.contains($0)) })
        }
        let bar = ProgressBar(quiet: quiet)
        options.generationProgress = { bar.update($0) }
        let runner = BuildRunner(.prepare, reporter: Console.reporter(quiet: quiet, verbose: false, bar: bar))
        do {
            defer { bar.finish() }
            let context = try await runner.run(options)
            bar.finish()
            let known = context.books.map(\.slug)
            for slug in slugs where !known.contains(slug) {
                throw TaleError.usage("no book '\(slug)' in content/\(Suggestion.didYouMean(slug, among: known)); "
                                      + "give the folder name of a book (drafts need --drafts)")
            }
            var approved = 0
            if approve {
                for slug in known where slugs.isEmpty || slugs.contains(slug) {
                    let folder = options.project.appending(path: "content/\(slug)/generated")
                    switch GenerationLock.approveAll(folder: folder) {
                    case .success(let count): approved += count
                    case .failure(let problem): throw TaleError.io(path: "content/\(slug)/generated/\(GenerationLock.fileName)", reason: problem.reason)
                    }
                }
            }
            if !quiet {
                let counts = ProgressBar.summary(context.generation) ?? "nothing to generate"
                let books = options.onlyBooks.map { Set(context.books.map(\.slug)).intersection($0).count } ?? context.books.count
                Console.out("Generated for \(Console.count(books, "book")): \(counts)"
                            + (approve ? "; approved \(Console.count(approved, "artifact"))" : ""))
            }
        } catch let error as TaleError {
            throw ExitCode(Console.fail(error))
        }
    }
}
