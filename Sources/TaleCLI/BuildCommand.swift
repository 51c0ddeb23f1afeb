import ArgumentParser
import Foundation
import TaleBuild
import TaleCore

/// `tale build`: content/ to public/.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the library into public/ (or --output).",
        discussion: """
        Reads content/, tale.yaml and themes/, checks every book, and writes the site. A failed \
        or killed build leaves the previous output as it was. Each build is recorded in \
        .tale-cache/. When nothing has changed since, there is nothing to do. After an edit, only \
        the books whose folders changed are rendered again, and only the files that changed are \
        written, into .public.tale-shadow/ (a twin of the output that shares its files through \
        hard links), which then takes the output's place in one step. After a change to the \
        theme, tale.yaml or the options, every book is rendered again, and still only the files \
        that changed are written. A first build, and --force, write the whole site beside the old \
        one and swap it in.

        What a book leaves out (scenes up to `scenes:`, empty scenes, a summary, tags) is \
        generated and kept in content/<slug>/generated/ with a lock; commit that folder. With \
        --frozen, and whenever CI is set, nothing new is generated and a missing artifact is an error.
        """
    )

    @OptionGroup var project: ProjectOptions

    @OptionGroup var generation: GenerationFlags

    @Option(name: [.customShort("o"), .long],
            help: ArgumentHelp("Where to write the site. It must be empty, new, or an earlier Tale output.", valueName: "dir"))
    var output: String?

    @Flag(help: "Build books marked `draft: true` too.")
    var drafts = false

    @Flag(name: [.customShort("q"), .long], help: "Print only warnings and errors.")
    var quiet = false

    @Flag(name: [.customShort("v"), .long], help: "Also print how long each stage took.")
    var verbose = false

    @Flag(help: "Build even when nothing changed since the last build.")
    var force = false

    @Option(help: ArgumentHelp("A cache of built books to share between builds and machines: a folder, or s3://BUCKET/PREFIX (over tale.yaml's `cache:`).",
                               valueName: "dir|s3-url"))
    var cache: String?

    @Option(help: ArgumentHelp("The storage service's URL for an s3:// cache, for services other than AWS (default: AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL).",
                               valueName: "url"))
    var cacheEndpoint: String?

    @Option(help: ArgumentHelp("Build only the books of shard K of N (K from 1) and store them in the cache; write no site. "
                               + "A build without --shard and the same cache then assembles the site.", valueName: "K/N"))
    var shard: String?

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together") }
        if let shard, BuildShard(shard) == nil { throw ValidationError("--shard must be K/N with 1 ≤ K ≤ N, like 1/4; found '\(shard)'") }
        if shard != nil && output != nil { throw ValidationError("--shard writes no site, so --output has nothing to do; leave it out") }
    }

    func run() async throws {
        let root = Console.projectURL(project.source)
        var options = BuildOptions(project: root, output: output.map(Console.projectURL))
        options.includeDrafts = drafts
        generation.apply(to: &options)
        let bar = ProgressBar(quiet: quiet)
        options.generationProgress = { bar.update($0) }
        options.cacheLocation = cache
        let endpoint = cacheEndpoint, environment = options.environment
        options.openSharedCache = { location throws(TaleError) in
            try SharedCacheOpener.open(location, project: root, endpoint: endpoint, environment: environment)
        }
        options.shard = shard.flatMap(BuildShard.init)
        if options.shard == nil {
            options.incremental = IncrementalBuild(project: root, output: options.output, tool: IncrementalBuild.toolIdentity(version: TaleVersion.current), force: force)
        }
        let runner = BuildRunner(options.shard == nil ? .site : .shard, reporter: Console.reporter(quiet: quiet, verbose: verbose, bar: bar))
        let started = ContinuousClock.now
        do {
            defer { bar.finish() }
            let context = try await runner.run(options)
            bar.finish()
            if context.upToDate {
                if !quiet { Console.out("Nothing changed since the last build; \(Console.display(options.output))/ is up to date (--force builds anyway).") }
                return
            }
            let seconds = (ContinuousClock.now - started).inSeconds
            if let shard = options.shard {
                if !quiet {
                    Console.out("Built shard \(shard): stored \(Console.count(context.storedBooks, "book")) in the cache "
                                + "\(context.sharedCacheDescription ?? "")"
                                + (context.cachedBooks > 0 ? " (\(context.cachedBooks) there already)" : "")
                                + " in \(String(format: "%.2f", seconds)) s; no site written")
                }
                return
            }
            let scenes = context.listings.reduce(0) { $0 + $1.sceneCount }
            let warnings = context.diagnostics.warnings.count
            if !quiet {
                var line = "Built \(Console.count(context.listings.count, "book")) (\(Console.count(scenes, "scene"))) into "
                    + "\(Console.display(options.output))/ in \(String(format: "%.2f", seconds)) s"
                if context.carriedBooks > 0 { line += " (\(context.carriedBooks) unchanged since the last build)" }
                if context.cachedBooks > 0 { line += " (\(context.cachedBooks) from the cache)" }
                if warnings > 0 { line += ", with \(Console.count(warnings, "warning"))" }
                if !context.skippedDrafts.isEmpty { line += "; left out \(Console.count(context.skippedDrafts.count, "draft")) (use --drafts)" }
                if let generated = ProgressBar.summary(context.generation) { line += "; \(generated)" }
                Console.out(line)
                Console.out("Open \(Console.display(options.output))/index.html in a browser.")
            }
        } catch {
            throw ExitCode(Console.fail(error))
        }
    }
}
