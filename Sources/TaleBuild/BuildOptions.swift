import Foundation

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
