import ArgumentParser
import TaleBuild
import TaleCore

/// `tale check`: everything a build checks, writing nothing.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the books and tale.yaml; write nothing.",
        discussion: "Exits 0 when there are no errors (warnings are printed but allowed), 1 otherwise."
    )

    @OptionGroup var project: ProjectOptions

    @Flag(help: "Check books marked `draft: true` too.")
    var drafts = false

    @Flag(name: [.customShort("q"), .long], help: "Print only warnings and errors.")
    var quiet = false

    func run() throws {
        var options = BuildOptions(project: Console.projectURL(project.source))
        options.includeDrafts = drafts
        options.checkOnly = true
        let runner = BuildRunner(stages: BuildRunner.checkStages, reporter: Console.reporter(quiet: quiet, verbose: false))
        do {
            let context = try runner.run(options)
            let warnings = context.diagnostics.warnings.count
            if !quiet {
                Console.out("Checked \(Console.count(context.books.count, "book")): no errors"
                            + (warnings > 0 ? ", \(Console.count(warnings, "warning"))" : ", no warnings"))
            }
        } catch {
            throw ExitCode(Console.fail(error))
        }
    }
}
