import ArgumentParser
import Foundation
import TaleBuild
import TaleCore
import TaleEPUB
import TaleRender

/// `tale export`: one book in another format.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a book in another format.",
        subcommands: [ExportEPUBCommand.self, ExportPrintCommand.self]
    )
}

/// `tale export epub <slug>`: the book as an EPUB 3 file.
struct ExportEPUBCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "epub",
        abstract: "Write one book as an EPUB 3 file.",
        discussion: """
        The same EPUB that `tale build` puts beside the book's reader page, written where you \
        choose. --layout fixed gives one fixed page per scene (like a printed picture book); \
        the default is the book's `layout:`, else reflowable.
        """
    )

    @OptionGroup var project: ProjectOptions

    @OptionGroup var generation: GenerationFlags

    @Argument(help: ArgumentHelp("The book (its folder name in content/).", valueName: "slug"))
    var slug: String

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("The file to write (default: <slug>.epub here).", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("reflowable or fixed (default: the book's layout).", valueName: "layout"))
    var layout: String?

    @Flag(help: "Include books marked `draft: true`.")
    var drafts = false

    func validate() throws {
        if let layout, EPUBLayout(rawValue: layout) == nil { throw ValidationError("--layout must be reflowable or fixed; found '\(layout)'") }
    }

    func run() async throws {
        var options = project.inMemoryBuild(drafts: drafts)
        options.epubLayout = layout.flatMap(EPUBLayout.init(rawValue:))
        generation.apply(to: &options)
        let runner = BuildRunner(.export, reporter: Console.reporter(quiet: true, verbose: false))
        do {
            let context = try await runner.run(options)
            let known = context.books.map(\.slug)
            guard let bytes = context.outputs[BookFiles.epub(slug)] else {
                throw TaleError.usage("no book '\(slug)' in content/\(Suggestion.didYouMean(slug, among: known)); give the folder name of a book")
            }
            let file = Console.projectURL(output ?? "\(slug).epub")
            do { try Data(bytes).write(to: file, options: .atomic) } catch {
                throw TaleError.io(path: Console.display(file), reason: "cannot write the file: \(error.localizedDescription)")
            }
            Console.out("Wrote \(Console.display(file)) (\(bytes.count / 1024) KiB)")
        } catch let error as TaleError {
            throw ExitCode(Console.fail(error))
        }
    }
}
