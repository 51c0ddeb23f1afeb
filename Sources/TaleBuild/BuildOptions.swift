import Foundation
import TaleCore
import TaleEPUB
import TaleGenerate

/// What a build is asked to do.
public struct BuildOptions: Sendable {
    /// The project folder (holding `content/`, optional `tale.yaml` and `themes/`).
    public var project: URL
    /// Where the site goes (default `<project>/public`).
    public var output: URL
    /// Build drafts too.
    public var includeDrafts: Bool = false
    /// Write nothing: only check (`tale check`).
    public var checkOnly: Bool = false
    /// Results kept from earlier builds in this process (`tale serve`); nil builds everything.
    public var cache: BuildCache?
    /// Make what only a published site needs: `.gz` siblings, and a service worker versioned by every output's hash.
    /// `tale serve` turns this off.
    public var forPublishing: Bool = true
    /// Use only what the generation locks hold; a missing artifact is an error (`--frozen`, and the default when `CI` is set).
    public var frozen: Bool = false
    /// Refuse generated content a person has not approved (`--require-approved`).
    public var requireApproved: Bool = false
    /// Generate only for these books (`tale generate <slug>...`); nil for all.
    public var onlyBooks: Set<String>?
    /// With a cache: the books whose folders may have changed since the last build (from file
    /// events, in `tale serve`); the others keep their last fingerprint without a walk of their
    /// folder. Nil fingerprints every book.
    public var touchedBooks: Set<String>?
    /// `tale build` only: carry the books whose folders are unchanged over from the last build's
    /// index, and write a new index. Nil builds in full and keeps no index (`tale serve`, exports, tests).
    public var incremental: IncrementalBuild?
    /// `--cache`: the shared cache's location, a folder or `s3://bucket/prefix`; nil takes
    /// tale.yaml's `cache:`, and without that there is none.
    public var cacheLocation: String?
    /// Opens the shared cache at a location (the command knows every backing; TaleBuild knows folders only).
    public var openSharedCache: @Sendable (String) throws(TaleError) -> SharedBookCache? = { _ in nil }
    /// `--shard K/N`: build only this shard's books, store them in the shared cache and write no site.
    public var shard: BuildShard?
    /// The text provider to use instead of the one `tale.yaml` names (tests).
    public var textProvider: (any TextProvider)?
    /// The EPUB layout for every book, over each book's `layout:` (`tale export epub --layout`).
    public var epubLayout: EPUBLayout?
    /// The speech service to use instead of the one `tale.yaml` names (tests).
    public var speechProvider: (any SpeechProvider)?
    /// The picture provider to use instead of the embedded illustrator (tests).
    public var imageProvider: (any ImageProvider)?
    /// The environment providers read their keys from.
    public var environment: [String: String] = ProcessInfo.processInfo.environment
    /// Told after each generated or cached artifact (the progress bar).
    public var generationProgress: @Sendable (GenerationProgress) -> Void = { _ in }

    /// Whether `environment` says this is a CI run (`CI` set to anything but empty, `0` or `false`).
    public static func isContinuousIntegration(_ environment: [String: String]) -> Bool {
        guard let value = environment["CI"]?.lowercased() else { return false }
        return !["", "0", "false", "no"].contains(value)
    }

    /// Options for `project`, writing to `project/public`.
    public init(project: URL, output: URL? = nil) {
        self.project = project.standardizedFileURL
        self.output = (output ?? project.appending(path: "public")).standardizedFileURL
    }
}

/// Where the runner's words go: stage lines to one place, diagnostics to another.
public struct BuildReporter: Sendable {
    /// Prints a line of progress (stage lines, the summary).
    public var progress: @Sendable (String) -> Void
    /// Prints a diagnostic or an error.
    public var problem: @Sendable (String) -> Void
    /// Whether stage timings are wanted.
    public var verbose: Bool

    /// A reporter from two sinks.
    public init(verbose: Bool = false, progress: @escaping @Sendable (String) -> Void, problem: @escaping @Sendable (String) -> Void) {
        self.verbose = verbose
        self.progress = progress
        self.problem = problem
    }

    /// Says nothing.
    public static let silent = BuildReporter(progress: { _ in }, problem: { _ in })
}
