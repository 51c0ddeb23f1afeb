import ArgumentParser
import Foundation
import TaleCore

/// `tale new <slug>`: scaffold a book that builds.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new book in content/<slug>/index.md.",
        discussion: "The new book builds as it is; replace its scenes with your story."
    )

    @OptionGroup var project: ProjectOptions

    @Argument(help: ArgumentHelp("The book's folder name: lowercase a-z, 0-9 and single hyphens.", valueName: "slug"))
    var slug: String

    @Option(help: "The book's title.")
    var title: String

    @Option(help: "The author's name.")
    var author: String?

    func validate() throws {
        guard Slug.isValid(slug) else {
            let suggestion = Slug.make(from: slug)
            throw ValidationError("'\(slug)' is not a valid slug: use lowercase a-z, 0-9 and single hyphens"
                                  + (suggestion.isEmpty ? "" : " (for example '\(suggestion)')"))
        }
        if title.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--title must not be empty") }
    }

    func run() throws {
        let root = Console.projectURL(project.source)
        let folder = root.appending(path: "content").appending(path: slug)
        let file = folder.appending(path: "index.md")
        if FileManager.default.fileExists(atPath: folder.path) {
            Console.err("error: content/\(slug) already exists; choose another slug or edit content/\(slug)/index.md")
            throw ExitCode(1)
        }
        do {
            try FileManager.default.createDirectory(at: folder.appending(path: "images"), withIntermediateDirectories: true)
            try Data(BookScaffold.text(title: title, author: author).utf8).write(to: file)
        } catch {
            Console.err("error: cannot create \(Console.display(file)): \(error.localizedDescription)")
            throw ExitCode(1)
        }
        Console.out("Created \(Console.display(file))")
        Console.out("Write your story there, then run `tale build` and open public/books/\(slug)/index.html.")
    }
}

/// The text of a new book: valid front matter and three short scenes that show the format.
enum BookScaffold {
    /// A YAML double-quoted scalar for `text`.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func text(title: String, author: String?) -> String {
        var lines = ["---", "title: \(quoted(title))"]
        if let author { lines.append("author: \(quoted(author))") }
        lines += [
            "age: 3-6",
            "tags: [new]",
            "summary: \"A new story, waiting to be told.\"",
            "---",
            "",
            "## The Beginning {#beginning mood=calm}",
            "",
            "Every story starts somewhere. This one starts here, on a quiet morning,",
            "with a page that is waiting for your words.",
            "",
            "## Something Happens {#middle mood=playful}",
            "",
            "Write what happens next. Each `##` heading starts a new page of the book.",
            "",
            "## The End {#end .ending mood=sleepy}",
            "",
            "And when the story is done, the last page says goodnight.",
            "",
        ]
        return lines.joined(separator: "\n")
    }
}
