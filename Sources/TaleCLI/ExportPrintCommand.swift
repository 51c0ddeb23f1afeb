import ArgumentParser
import Foundation
import TaleBuild
import TaleCore
import TalePrint

/// `tale export print <slug>`: the interior and cover-wrap PDFs for Amazon KDP.
struct ExportPrintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print",
        abstract: "Write one book's print interior and cover PDFs for Amazon KDP.",
        discussion: """
        Writes <slug>-interior.pdf and <slug>-cover.pdf. Options override the book's `print:` \
        settings; without either, picture books (kids) are 8.5x8.5 on premium colour with bleed, \
        coloring books 8.5x11 on white, chapter books 6x9 on cream. Preflight problems (pictures \
        under 300 DPI, text in the unsafe zone, characters the font lacks) are printed; the files \
        are written anyway so you can look, and `tale check --print` fails on them.
        """
    )

    @OptionGroup var project: ProjectOptions

    @OptionGroup var generation: GenerationFlags

    @Argument(help: ArgumentHelp("The book (its folder name in content/).", valueName: "slug"))
    var slug: String

    @Option(help: ArgumentHelp("The trim size in inches: \(PrintTrim.common.map(\.description).joined(separator: ", ")).", valueName: "WxH"))
    var trim: String?

    @Option(help: ArgumentHelp("white, cream, premium-color or standard-color.", valueName: "paper"))
    var paper: String?

    @Flag(inversion: .prefixedNo, help: "Run pictures to the page edges (0.125 in bleed).")
    var bleed: Bool?

    @Flag(help: "Print the line-art version of each picture for colouring in.")
    var coloring = false

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("The folder to write into (default: here).", valueName: "dir"))
    var output: String?

    @Flag(help: "Include books marked `draft: true`.")
    var drafts = false

    func validate() throws {
        if let trim, PrintTrim(trim).map({ PrintTrim.common.map(\.description).contains($0.description) }) != true {
            throw ValidationError("--trim must be one of \(PrintTrim.common.map(\.description).joined(separator: ", ")); found '\(trim)'")
        }
        if let paper, PrintPaper(rawValue: paper) == nil {
            throw ValidationError("--paper must be one of \(PrintPaper.allCases.map(\.rawValue).joined(separator: ", ")); found '\(paper)'")
        }
    }

    func run() async throws {
        var options = project.inMemoryBuild(drafts: drafts)
        options.onlyBooks = [slug]
        generation.apply(to: &options)
        let runner = BuildRunner(.prepare, reporter: Console.reporter(quiet: true, verbose: false))
        do {
            let context = try await runner.run(options)
            guard let book = context.books.first(where: { $0.slug == slug }) else {
                throw TaleError.usage("no book '\(slug)' in content/\(Suggestion.didYouMean(slug, among: context.books.map(\.slug))); give the folder name of a book")
            }
            let overrides = PrintExport.Overrides(trim: trim.flatMap(PrintTrim.init), paper: paper.flatMap(PrintPaper.init(rawValue:)),
                                                  bleed: bleed, coloring: coloring ? true : nil)
            let made = try PrintExport.make(book, context: context, overrides: overrides)
            let folder = Console.projectURL(output ?? ".")
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (name, bytes) in [("\(slug)-interior.pdf", made.interiorPDF), ("\(slug)-cover.pdf", made.coverPDF)] {
                let file = folder.appending(path: name)
                do { try Data(bytes).write(to: file, options: .atomic) } catch {
                    throw TaleError.io(path: Console.display(file), reason: "cannot write the file: \(error.localizedDescription)")
                }
            }
            Console.out(PrintSummary.lines(made, slug: slug, folder: Console.display(folder)).joined(separator: "\n"))
            for problem in made.problems { Console.err(problem.description.replacingOccurrences(of: ": error: ", with: ": warning: ")) }
            if !made.problems.isEmpty {
                Console.err("Preflight found \(Console.count(made.problems.count, "problem")); KDP may reject these files. `tale check --print \(slug)` lists them.")
            }
        } catch let error as TaleError {
            throw ExitCode(Console.fail(error))
        }
    }
}

/// What `tale export print` says it wrote.
enum PrintSummary {
    static func lines(_ made: PrintExport, slug: String, folder: String) -> [String] {
        let options = made.options
        let pages = made.interior.pages.count
        let kind = options.bleed ? "with bleed" : "no bleed"
        var lines = [
            "Wrote \(join(folder, "\(slug)-interior.pdf")) (\(pages) pages, \(options.trim) in \(kind), \(options.paper.rawValue) paper\(options.coloring ? ", coloring book" : ""))",
            "Wrote \(join(folder, "\(slug)-cover.pdf")) (\(inches(made.cover.width / 72)) x \(inches(made.cover.height / 72)) in, spine \(inches(made.cover.spineWidth / 72)) in"
                + (made.cover.spineHasText ? ", spine text)" : pages < KDP.spineTextMinimumPages ? ", no spine text under 79 pages)" : ", spine too narrow for text)"),
        ]
        if made.interior.padded > 0 {
            lines.append("Added \(made.interior.padded) \(made.interior.paddingKind) \(made.interior.padded == 1 ? "page" : "pages") at the end: KDP needs at least \(KDP.minimumPages(options.paper)) pages and an even count.")
        }
        return lines
    }

    static func join(_ folder: String, _ name: String) -> String { folder == "." || folder.isEmpty ? name : "\(folder)/\(name)" }

    /// Inches with three decimals: `17.349`.
    static func inches(_ value: Double) -> String { String(format: "%.3f", value) }
}
