import ArgumentParser
import TaleBuild
import TaleCore

/// `tale check`: everything a build checks, writing nothing.
struct CheckCommand: AsyncParsableCommand {
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

    @Flag(name: .customLong("print"), help: "Also lay out each book for print (KDP) and report what would stop it printing well.")
    var printing = false

    @Argument(help: ArgumentHelp("With --print: only these books (folder names in content/).", valueName: "slug"))
    var slugs: [String] = []

    func validate() throws {
        if !printing, let first = slugs.first {
            throw ValidationError("'\(first)': `tale check` checks every book; naming books needs --print (`tale check --print \(first)`)")
        }
    }

    func run() async throws {
        if printing { return try await runPrint() }
        var options = BuildOptions(project: Console.projectURL(project.source))
        options.includeDrafts = drafts
        options.checkOnly = true
        let runner = BuildRunner(.check, reporter: Console.reporter(quiet: quiet, verbose: false))
        do {
            let context = try await runner.run(options)
            let warnings = context.diagnostics.warnings.count
            if !quiet {
                Console.out("Checked \(Console.count(context.books.count, "book")): no errors"
                            + (warnings > 0 ? ", \(Console.count(warnings, "warning"))" : ", no warnings"))
            }
        } catch {
            throw ExitCode(Console.fail(error))
        }
    }

    /// `tale check --print`: the print stages (frozen: nothing is generated or written), then each
    /// book laid out and preflighted.
    func runPrint() async throws {
        var options = project.inMemoryBuild(drafts: drafts)
        options.frozen = true
        if !slugs.isEmpty { options.onlyBooks = Set(slugs) }
        let runner = BuildRunner(.prepare, reporter: Console.reporter(quiet: quiet, verbose: false))
        do {
            let context = try await runner.run(options)
            let books = context.books.filter { slugs.isEmpty || slugs.contains($0.slug) }
            if let unknown = slugs.first(where: { slug in !books.contains { $0.slug == slug } }) {
                throw TaleError.usage("no book '\(unknown)' in content/\(Suggestion.didYouMean(unknown, among: context.books.map(\.slug))); give the folder name of a book")
            }
            var problems = 0
            for book in books {
                let made = try PrintExport.make(book, context: context)
                for problem in made.problems { Console.err(problem.description) }
                problems += made.problems.count
                if !quiet, made.problems.isEmpty {
                    Console.out("\(book.slug): \(made.interior.pages.count) pages at \(made.options.trim) in, cover \(PrintSummary.inches(made.cover.width / 72)) x "
                                + "\(PrintSummary.inches(made.cover.height / 72)) in: ready for KDP")
                }
            }
            guard problems == 0 else {
                Console.err("Print check found \(Console.count(problems, "problem")) in \(Console.count(books.count, "book")).")
                throw ExitCode(1)
            }
            if !quiet { Console.out("Checked \(Console.count(books.count, "book")) for print: no problems") }
        } catch let error as TaleError {
            throw ExitCode(Console.fail(error))
        }
    }
}
