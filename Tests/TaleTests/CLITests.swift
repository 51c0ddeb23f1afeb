import Foundation
import Testing
import TaleTestSupport

@Suite("The tale command")
struct CLITests {
    @Test("tale --help lists the commands")
    func help() {
        let result = Support.tale(["--help"])
        #expect(result.status == 0)
        #expect(result.out.hasPrefix("OVERVIEW: Build illustrated, interactive storybooks from Markdown."))
        #expect(result.out.contains("USAGE: tale <subcommand>"))
        #expect(result.out.contains("  build                   Build the library into public/ (or --output)."))
        #expect(result.out.contains("  check                   Check the books and tale.yaml; write nothing."))
        #expect(result.out.contains("  new                     Start a new book in content/<slug>/index.md."))
        #expect(result.out.contains("  serve                   Serve the library while you write, reloading on save."))
        #expect(result.out.contains("  cues                    Show a book's sound and effect cues, with reasons."))
        #expect(result.out.contains("  publish                 Upload the built site to S3-compatible object storage."))
    }

    @Test("each subcommand's help names its options", arguments: [
        ("build", ["--output <dir>", "--drafts", "--quiet", "--verbose", "--source <dir>"]),
        ("check", ["--drafts", "--quiet", "--source <dir>"]),
        ("new", ["<slug>", "--title <title>", "--author <author>"]),
    ])
    func subcommandHelp(command: String, options: [String]) {
        let result = Support.tale([command, "--help"])
        #expect(result.status == 0)
        for option in options { #expect(result.out.contains(option), "\(command) --help lacks \(option)") }
    }

    @Test("a successful build prints its stages and where to look")
    func buildOutput() throws {
        let project = Support.copyFixture("basic")
        let result = Support.tale(["build"], in: project)
        #expect(result.status == 0)
        #expect(result.err == "")
        let lines = result.out.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("[") } == [
            "[1/12] Load config and theme", "[2/12] Load content", "[3/12] Check books", "[4/12] Generate text", "[5/12] Analyse cues",
            "[6/12] Illustrate", "[7/12] Narrate", "[8/12] Paint cards", "[9/12] Render pages", "[10/12] Write EPUBs",
            "[11/12] Write feeds and indexes", "[12/12] Write output",
        ])
        // Not a terminal: each artifact made gets a plain line under its stage (two-paths has no summary, so a plan and a summary; no cover, no pictures).
        let made = lines.filter { $0.hasPrefix("      ") }
        #expect(Array(made.prefix(2)) == ["      1/2 two-paths/plan", "      2/2 two-paths/summary"], "the plan, then what is written from it")
        #expect(made.contains { $0.hasSuffix(" two-paths/cover") })
        try #require(lines.count >= 2)
        #expect(lines[lines.count - 2].range(of: #"^Built 2 books \(7 scenes\) into public/ in [0-9]+\.[0-9]{2} s; generated [0-9]+, 0 from the lock$"#,
                                             options: .regularExpression) != nil, "\(lines)")
        #expect(lines.last == "Open public/index.html in a browser.")
        #expect(Support.tale(["build", "--quiet"], in: project).out == "")
        // --verbose adds each stage's elapsed and processor time and the peak memory so far.
        let verbose = Support.tale(["build", "--verbose", "--force"], in: project).out.split(separator: "\n").map(String.init)
        let timings = verbose.filter { $0.range(of: #"^      [A-Za-z ]+: [0-9]+ ms \([0-9]+ ms of processor time; peak memory so far [0-9]+ MiB\)$"#,
                                                options: .regularExpression) != nil }
        #expect(timings.count == 12, "\(verbose)")
        #expect(timings.first?.hasPrefix("      Load config and theme: ") == true && timings.last?.hasPrefix("      Write output: ") == true)
    }

    @Test("a broken book fails with located errors and exit status 1")
    func brokenBuild() {
        let project = Support.copyFixture("broken")
        let result = Support.tale(["build", "--quiet"], in: project)
        #expect(result.status == 1)
        #expect(result.out == "")
        #expect(result.err == """
        content/fox/index.md:9:22: error: unknown scene 'forset' in choice; did you mean 'forest'?
          hint: a choice must link to a scene id in this book: den, forest
        content/fox/index.md:12:1: warning: scene 'forest' is never reached: no scene leads to it
          hint: add a choice that links to #forest, or set next=forest on the scene before it
        error: the build stopped: 1 error in the sources (listed above)

        """)
        #expect(!FileManager.default.fileExists(atPath: project.appending(path: "public").path))
    }

    @Test("tale check writes nothing")
    func check() {
        let project = Support.copyFixture("basic")
        let result = Support.tale(["check", "--source", project.path])
        #expect(result.status == 0)
        #expect(result.out.hasSuffix("Checked 2 books: no errors, no warnings\n"))
        #expect(!FileManager.default.fileExists(atPath: project.appending(path: "public").path))
    }

    @Test("tale new makes a book that builds cleanly")
    func newBook() throws {
        let project = Support.project(["tale.yaml": "title: Mine\n"])
        let created = Support.tale(["new", "brave-fox", "--title", "The \"Brave\" Fox", "--author", "Me"], in: project)
        #expect(created.status == 0)
        #expect(created.out == "Created content/brave-fox/index.md\nWrite your story there, then run `tale build` and open public/books/brave-fox/index.html.\n")
        let built = Support.tale(["build", "--quiet"], in: project)
        #expect(built.status == 0)
        #expect(built.err == "")
        let page = String(decoding: try Data(contentsOf: project.appending(path: "public/books/brave-fox/index.html")), as: UTF8.self)
        #expect(page.contains("The &quot;Brave&quot; Fox"))
        let again = Support.tale(["new", "brave-fox", "--title", "X"], in: project)
        #expect(again.status == 1)
        #expect(again.err == "error: content/brave-fox already exists; choose another slug or edit content/brave-fox/index.md\n")
    }

    @Test("tale new refuses a bad slug and says what is allowed")
    func newBadSlug() {
        let result = Support.tale(["new", "Brave Fox", "--title", "X"], in: Support.temporaryFolder())
        #expect(result.status != 0)
        #expect(result.err.contains("Error: 'Brave Fox' is not a valid slug: use lowercase a-z, 0-9 and single hyphens (for example 'brave-fox')"))
    }

    @Test("--output refuses a folder Tale did not write")
    func outputRefusal() throws {
        let project = Support.copyFixture("basic")
        Support.write("keep me", to: "notes/todo.txt", in: project)
        let result = Support.tale(["build", "--quiet", "--output", "notes"], in: project)
        #expect(result.status == 1)
        #expect(result.err == "error: Write output: refusing to replace '\(project.appending(path: "notes").path)': it is not empty and holds no tale-manifest.json, "
                + "so Tale did not write it. Choose an empty or new folder for --output, or remove this one yourself if you are sure.\n")
        #expect(try String(contentsOf: project.appending(path: "notes/todo.txt"), encoding: .utf8) == "keep me")
    }
}
