import Foundation
import Testing
import TaleCore
import TaleMarkdown
import TaleZip
import TaleTestSupport

/// Each limit in `SourceLimits` is a located error, never a crash or a stall; the inputs are made here, not committed.
@Suite("Source limits")
struct SourceLimitTests {
    private let top = "---\ntitle: Fox\n---\n\n"

    @Test("a 70,000-character heading is an error at the heading, not a trap in the EPUB's zip")
    func longHeading() {
        let diagnostics = parseBook(top + "## " + String(repeating: "Long ", count: 14_000) + "\n\nText.\n").diagnostics
        #expect(diagnostics == [
            "content/fox/index.md:5:1: error: this heading is 69999 characters; a scene heading holds at most 200\n"
                + "  hint: name the scene in a few words and move the rest into the text below the heading",
        ])
    }

    @Test("an id over 64 characters is an error at the id")
    func longID() {
        let id = String(repeating: "a", count: 65)
        #expect(parseBook(top + "## Storm {#\(id)}\n\nText.\n").diagnostics == [
            "content/fox/index.md:5:11: error: this scene id is 65 characters; an id holds at most 64\n  hint: choose a short id of a word or two, like `#storm`",
        ])
    }

    @Test("scene 1,001 is an error at its heading, and only the first 1,000 are read")
    func tooManyScenes() throws {
        let body = (1...1_001).map { "## Scene \($0)\n\nText \($0).\n" }.joined(separator: "\n")
        let (book, diagnostics) = parseBook(top + body)
        #expect(diagnostics == [
            "content/fox/index.md:4005:1: error: a book holds at most 1000 scenes; this heading starts scene 1001 of 1001\n"
                + "  hint: split the story into several books, each in its own folder under content/",
        ])
        #expect(try #require(book).scenes.count == 1_000)
    }

    @Test("a scene over 512 KiB is an error at its heading")
    func largeScene() {
        let paragraph = String(repeating: "The fox ran on and on. ", count: 40) + "\n\n"
        let diagnostics = parseBook(top + "## Long\n\n" + String(repeating: paragraph, count: 600)).diagnostics
        #expect(diagnostics == [
            "content/fox/index.md:5:1: error: this scene is 553210 bytes; a scene holds at most 524288 (512 KiB)\n"
                + "  hint: split it with `##` headings into several scenes",
        ])
    }

    @Test("quotes nested 300 deep are an error where the limit is passed, under libxml2's 256")
    func deepQuotes() {
        let diagnostics = parseBook(top + "## Deep\n\n" + String(repeating: "> ", count: 300) + "hello\n").diagnostics
        #expect(diagnostics == [
            "content/fox/index.md:7:601: error: the Markdown here nests 302 levels deep; Tale reads at most 32\n"
                + "  hint: flatten the lists and quotes; a `>` or an indented `-` opens one more level",
        ])
    }

    @Test("a book over 4 MiB is refused before it is parsed, at the line where it passes the limit")
    func largeBook() {
        let scene = "## Scene\n\n" + String(repeating: "The fox ran on. ", count: 2_000) + "\n\n"
        let diagnostics = parseBook(top + String(repeating: scene, count: 140)).diagnostics
        #expect(diagnostics == [
            "content/fox/index.md:531:1: error: the book is 4481700 bytes; Tale reads at most 4194304 (4 MiB) from one index.md\n"
                + "  hint: split it into several books, each in its own folder under content/",
        ])
    }

    @Test("the line past 4 MiB is counted as every other message counts lines: CRLF is one line end, and so is a CR alone")
    func largeBookLineEnds() {
        let scene = "## Scene\n\n" + String(repeating: "The fox ran on. ", count: 2_000) + "\n\n"
        let book = top + String(repeating: scene, count: 140)
        for ending in ["\r\n", "\r"] {
            let diagnostics = parseBook(book.replacingOccurrences(of: "\n", with: ending)).diagnostics
            #expect(diagnostics.first?.hasPrefix("content/fox/index.md:531:1: error: the book is ") == true, "line ends \(ending.debugDescription)")
        }
    }

    @Test("zip refuses a name past 65,535 bytes instead of trapping")
    func zipNameTooLong() {
        var zip = ZipWriter()
        #expect(throws: ZipError.nameTooLong(bytes: 70_000)) {
            try zip.add(String(repeating: "n", count: 70_000), [1, 2, 3])
        }
    }

    @Test("invalid UTF-8 is located at its first bad byte")
    func invalidUTF8() {
        let place = SourceLimits.firstInvalidUTF8(in: Array("---\ntitle: Fox\n---\n\nCaf".utf8) + [0xE9] + Array(" au lait\n".utf8))
        #expect(place?.line == 5 && place?.column == 4)
        #expect(SourceLimits.firstInvalidUTF8(in: Array("Über ñ 🦊\n".utf8)) == nil)
        let project = Support.project(["content/fox/index.md": ""])
        try? Data(Array("---\ntitle: Fox\n---\n\nÜber caf".utf8) + [0xE9, 0x0A]).write(to: project.appending(path: "content/fox/index.md"))
        let run = Support.tale(["check", "--source", project.path])
        #expect(run.status == 1)
        #expect(run.err.contains("content/fox/index.md:5:9: error: the file is not UTF-8 text here\n"), "\(run.err)")

        // A NUL: it cut the book short there, silently (cmark was fed up to it); now an error at its place.
        try? Data("---\ntitle: Fox\n---\n\n## One\n\nÜber \u{0} here.\n\n## Two {#t\u{0}wo}\n".utf8).write(to: project.appending(path: "content/fox/index.md"))
        let nul = Support.tale(["check", "--source", project.path])
        #expect(nul.status == 1)
        #expect(nul.err.contains("""
            content/fox/index.md:7:6: error: the file holds a NUL character here, which is not text
              hint: delete it; it comes from a damaged copy of the file or a paste from a binary one

            """), "\(nul.err)")
        #expect(SourceLimits.firstNUL(in: "a\rb\r\nc\u{0}") ?? (0, 0) == (3, 2))
        var diagnostics = DiagnosticList()
        let book = BookParser.parse("---\ntitle: Fox\n---\n\n## One\n\nA \u{0} b\n\n## Two\n\nC\n", slug: "fox", file: "f.md", diagnostics: &diagnostics)
        #expect(book?.scenes.map(\.id) == ["one", "two"])

        // tale.yaml too: it was read leniently, each bad byte a U+FFFD in the site's title.
        try? Data(Array("title: Caf".utf8) + [0xE9, 0x0A]).write(to: project.appending(path: "tale.yaml"))
        try? Data("---\ntitle: Fox\n---\n\n## One\n\nHello.\n".utf8).write(to: project.appending(path: "content/fox/index.md"))
        let config = Support.tale(["check", "--source", project.path])
        #expect(config.status == 1)
        #expect(config.err.contains("tale.yaml:1:11: error: the file is not UTF-8 text here\n"), "\(config.err)")
    }
}
