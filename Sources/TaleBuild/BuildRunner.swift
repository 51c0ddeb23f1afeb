import Foundation
import TaleCore

/// Runs a pipeline's stages in order, prints `[2/5] Load content` and times them. Checking stages
/// all run, so every problem is reported at once; stages that make output stop at the first error.
public struct BuildRunner: Sendable {
    /// The stages to run.
    public var pipeline: BuildPipeline
    /// Where output goes.
    public var reporter: BuildReporter

    /// A runner of `pipeline`.
    public init(_ pipeline: BuildPipeline, reporter: BuildReporter) {
        self.pipeline = pipeline
        self.reporter = reporter
    }

    /// Runs every stage, or stops once a stage finds the build up to date; prints diagnostics sorted
    /// by place. Throws when there were errors: `invalidSources`, or what a stage threw wrapped with
    /// the stage's name (`TaleError.inStep`).
    @discardableResult
    public func run(_ options: BuildOptions) async throws(TaleError) -> BuildContext {
        let context = BuildContext(options: options)
        let clock = ContinuousClock()
        defer {
            for diagnostic in context.diagnostics.sorted { reporter.problem(diagnostic.description) }
        }
        let stages = pipeline.stages
        for (index, stage) in stages.enumerated() {
            if stage.needsErrorFreeSources, context.diagnostics.hasErrors { break }
            let started = clock.now, startedCPU = BuildRunner.processorTime()
            reporter.progress("[\(index + 1)/\(stages.count)] \(stage.name)")
            do {
                try await stage.run(context)
            } catch {
                // A stage that stops at once on problems of its own (a broken theme template) has them printed too.
                if case .invalidSources(let found) = error {
                    for diagnostic in found where !context.diagnostics.all.contains(diagnostic) { context.diagnostics.report(diagnostic) }
                }
                throw error.atStep(stage.name)
            }
            if reporter.verbose {
                let elapsed = BuildRunner.milliseconds(clock.now - started)
                let cpu = BuildRunner.milliseconds(BuildRunner.processorTime() - startedCPU)
                // Processor time well under cores × elapsed time is work done on one core, or waiting.
                reporter.progress("      \(stage.name): \(elapsed) ms (\(cpu) ms of processor time; peak memory so far \(BuildRunner.peakMemory()) MiB)")
            }
            // The last build's output stands: nothing changed since it.
            if context.upToDate { break }
        }
        if context.diagnostics.hasErrors { throw .invalidSources(context.diagnostics.all) }
        return context
    }

    /// The processor time the process has used so far, on all its threads, user and system.
    static func processorTime() -> Duration {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func duration(_ time: timeval) -> Duration { .seconds(Int64(time.tv_sec)) + .microseconds(Int64(time.tv_usec)) }
        return duration(usage.ru_utime) + duration(usage.ru_stime)
    }

    /// The most memory the process has held at once so far, in MiB (`ru_maxrss`).
    static func peakMemory() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss / 1024
    }

    static func milliseconds(_ duration: Duration) -> Int {
        Int(duration.inSeconds * 1000)
    }
}
