import Foundation
import TaleOutput
import Testing
import TaleBuild
import TaleCore
import TaleRender
import TaleTestSupport

@Suite("Incremental builds")
struct IncrementalTests {
    /// Builds `project` into `output` with `cache` (or none), and returns the tree.
    func build(_ project: URL, into name: String, cache: BuildCache?) async -> [String: Data] {
        var options = BuildOptions(project: project, output: project.appending(path: name))
        options.cache = cache
        let result = await Support.runSite(options)
        #expect((try? result.get()) != nil, "build failed: \(result)")
        return Support.tree(project.appending(path: name))
    }

    @Test("after edits, deletes and renames of books, scenes, images and theme files, a cached build equals a clean one")
    func equalsClean() async throws {
        let project = Support.copyFixture("basic")
        let cache = BuildCache()
        let steps: [(String, (URL) throws -> Void)] = [
            ("first build", { _ in }),
            ("edit a scene", { root in
                let file = root.appending(path: "content/lantern/index.md")
                try Data(String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "tired and happy", with: "tired, happy and humming").utf8).write(to: file)
            }),
            ("add a scene and an inline image", { root in
                let file = root.appending(path: "content/two-paths/index.md")
                try Data((String(contentsOf: file, encoding: .utf8) + "\n## Later {#later .ending}\n\nA ![tiny moth](../lantern/images/moth.svg) flew by.\n")
                    .replacingOccurrences(of: "](../lantern/images/moth.svg)", with: "](images/moth.svg)").utf8).write(to: file)
                try FileManager.default.createDirectory(at: root.appending(path: "content/two-paths/images"), withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: root.appending(path: "content/lantern/images/moth.svg"), to: root.appending(path: "content/two-paths/images/moth.svg"))
            }),
            ("replace an image with other pixels", { root in
                let image = root.appending(path: "content/lantern/images/lantern.png")
                try FileManager.default.removeItem(at: image)
                try FileManager.default.copyItem(at: root.appending(path: "content/lantern/images/cover.png"), to: image)
            }),
            ("rename a book", { root in
                try FileManager.default.moveItem(at: root.appending(path: "content/two-paths"), to: root.appending(path: "content/paths-two"))
            }),
            ("add a book, then delete another", { root in
                Support.write("---\ntitle: New\n---\n\n## Hello\n\nA new book.\n", to: "content/newcomer/index.md", in: root)
                try FileManager.default.removeItem(at: root.appending(path: "content/paths-two"))
            }),
            ("override a theme file", { root in
                Support.write("<footer>Overridden footer</footer>\n", to: "themes/storybook/templates/footer.mustache", in: root)
            }),
            ("add to the pages' head template", { root in
                let head = try String(contentsOf: Support.packageRoot.appending(path: "themes/storybook/templates/head.mustache"), encoding: .utf8)
                Support.write(head + "<meta name=\"x-test\" content=\"head\">\n", to: "themes/storybook/templates/head.mustache", in: root)
            }),
            ("override the stylesheet", { root in
                let css = try String(contentsOf: Support.packageRoot.appending(path: "themes/storybook/assets/storybook.css"), encoding: .utf8)
                Support.write(css + "\n.site-footer { font-style: italic; }\n", to: "themes/storybook/assets/storybook.css", in: root)
            }),
            ("add a sound to the theme", { root in
                Support.write("OggS-theme-owl", to: "themes/storybook/assets/sounds/owl.ogg", in: root)
            }),
            ("change tale.yaml", { root in
                Support.write("title: Renamed Shelf\nbase_url: https://books.example.org/\n", to: "tale.yaml", in: root)
            }),
        ]
        for (index, (label, change)) in steps.enumerated() {
            try change(project)
            let cached = await build(project, into: "public-cached-\(index)", cache: cache)
            let clean = await build(project, into: "public-clean-\(index)", cache: nil)
            #expect(!cached.isEmpty)
            let presence = Set(cached.keys).symmetricDifference(clean.keys).sorted()
            let content = cached.keys.filter { clean[$0] != nil && clean[$0] != cached[$0] }.sorted()
            #expect(cached == clean, "after \(label): \(presence) differ in presence; \(content) differ in content")
        }
        #expect(cache.renderedBooks == 2)
    }

    @Test("only the edited book is rendered again; a page template or stylesheet renders the pages again, a sound the books, neither parses; tale.yaml parses all")
    func reuse() async throws {
        let project = Support.copyFixture("basic")
        let cache = BuildCache()
        _ = await build(project, into: "one", cache: cache)
        #expect(cache.rendersStored == 2)
        #expect(cache.parsesStored == 2)
        _ = await build(project, into: "two", cache: cache)
        #expect(cache.rendersStored == 2)
        #expect(cache.parsesStored == 2)
        let file = project.appending(path: "content/two-paths/index.md")
        try Data((String(contentsOf: file, encoding: .utf8) + "\nOne more line.\n").utf8).write(to: file)
        _ = await build(project, into: "three", cache: cache)
        #expect(cache.rendersStored == 3)
        #expect(cache.parsesStored == 3)
        let head = try String(contentsOf: Support.packageRoot.appending(path: "themes/storybook/templates/head.mustache"), encoding: .utf8)
        Support.write(head + "<meta name=\"x-mine\" content=\"yes\">\n", to: "themes/storybook/templates/head.mustache", in: project)
        let four = await build(project, into: "four", cache: cache)
        #expect(cache.rendersStored == 3, "a page template's change renders the pages again, not the books")
        #expect(cache.pagesRenderedAgain == 2)
        #expect(cache.parsesStored == 3)
        #expect(four["books/lantern/index.html"].map { String(decoding: $0, as: UTF8.self).contains("<meta name=\"x-mine\" content=\"yes\">") } == true)
        Support.write("body { margin: 0; }\n", to: "themes/storybook/assets/storybook.css", in: project)
        _ = await build(project, into: "five", cache: cache)
        #expect(cache.rendersStored == 3, "pages name the stylesheet by its hash: they are rendered again, not the books")
        #expect(cache.pagesRenderedAgain == 4)
        Support.write("OggS-owl", to: "themes/storybook/assets/sounds/owl.ogg", in: project)
        _ = await build(project, into: "five-sound", cache: cache)
        #expect(cache.rendersStored == 5, "a sound goes into every book's cues.json: the books render again")
        #expect(cache.pagesRenderedAgain == 4)
        #expect(cache.parsesStored == 3)
        Support.write("title: Another Shelf\n", to: "tale.yaml", in: project)
        _ = await build(project, into: "six", cache: cache)
        #expect(cache.rendersStored == 7)
        #expect(cache.parsesStored == 5, "a change to tale.yaml reads every book again")
    }
}

@Suite("Nothing to do")
struct UpToDateTests {
    @Test("a build with nothing changed does nothing; an edit, a damaged output or --force builds")
    func skip() throws {
        let project = Support.project([
            "content/fox/index.md": "---\ntitle: Fox\nauthr: typo\n---\n\n## Den\n\nPip sleeps.\n",
        ])
        let first = Support.tale(["build"], in: project)
        #expect(first.status == 0)
        #expect(first.out.contains("Built 1 book (1 scene)"))
        let warning = "content/fox/index.md:3:1: warning: unknown front matter key 'authr'; did you mean 'author'?"
        #expect(first.err.hasPrefix(warning))
        let before = Support.tree(project.appending(path: "public"))

        let second = Support.tale(["build"], in: project)
        #expect(second.status == 0)
        #expect(second.out == "[1/12] Load config and theme\n[2/12] Load content\n"
                + "Nothing changed since the last build; public/ is up to date (--force builds anyway).\n")
        #expect(second.err.hasPrefix(warning), "the warnings are printed again")
        #expect(Support.tree(project.appending(path: "public")) == before)

        Support.write("---\ntitle: Fox\n---\n\n## Den\n\nPip wakes.\n", to: "content/fox/index.md", in: project)
        let edited = Support.tale(["build"], in: project)
        #expect(edited.out.contains("Built 1 book (1 scene)"))
        #expect(edited.err == "")

        try FileManager.default.removeItem(at: project.appending(path: "public/books/fox/book.json"))
        #expect(Support.tale(["build"], in: project).out.contains("Built 1 book"))
        #expect(Support.tale(["build", "--force"], in: project).out.contains("Built 1 book"))
        #expect(Support.tale(["build", "--drafts"], in: project).out.contains("Built 1 book"), "another option, another output")
        #expect(Support.tale(["build", "--drafts"], in: project).out.contains("Nothing changed"))
    }

    @Test("the library page from cards rendered one by one (and remembered) is byte for byte the page from the whole template")
    func libraryCards() async throws {
        let project = Support.copyFixture("basic")
        Support.write("---\ntitle: Third\nauthor: \"A & B <c>\"\ntags: [x, y]\n---\n\n## One\n\nText.\n", to: "content/third/index.md", in: project)
        let built = await Support.build(project, output: project.appending(path: "public"))
        let context = try #require(built.context, "\(built.diagnostics)")
        let theme = try #require(context.theme)
        // A theme whose card section sits inline, not on lines of its own, and reaches up to the page's context
        // (the site, the number of books, the age tiers on the page).
        var variant = theme
        variant.files["templates/library.mustache"] = Array("<ul>{{#books}}<li>{{title}} {{site.title}} {{root}}|{{#tags}}{{tag}};{{/tags}} of {{bookCount}} ({{#tiers}}{{label}} {{/tiers}})</li>{{/books}}</ul>\n{{^books}}none{{/books}}\n".utf8)
        // One that changes delimiters first, and one whose cards sit inside another section (not split: rendered whole).
        var delimited = theme, nested = theme
        delimited.files["templates/library.mustache"] = Array("{{=<% %>=}}\n<ol>\n  <%#books%>\n  <li><%title%> of <%bookCount%></li>\n  <%/books%>\n</ol>\n".utf8)
        nested.files["templates/library.mustache"] = Array("{{#site}}<h1>{{title}}</h1>{{#books}}<p>{{title}}</p>{{/books}}{{/site}}\n".utf8)
        for (theme, splits) in [(theme, true), (variant, true), (delimited, true), (nested, false)] {
            let whole = try PageRenderer(theme: theme, site: context.config, assetPaths: context.assetPaths, splitLibraryCards: false)
            let split = try PageRenderer(theme: theme, site: context.config, assetPaths: context.assetPaths)
            let memo = CardMemo()
            let reference = whole.libraryPage(context.listings)
            #expect(split.libraryPage(context.listings, cards: memo) == reference)
            // Split, each card was rendered on its own and remembered; whole, none was.
            #expect((memo.card(context.listings[0].slug) != nil) == splits)
            // Again from the memo, and with one book changed.
            #expect(split.libraryPage(context.listings, cards: memo) == reference)
            var changed = context.listings
            changed[0].title = "Renamed"
            #expect(split.libraryPage(changed, cards: memo) == whole.libraryPage(changed))
            // A card may show the page around it: a new age tier on the page renders the cards again.
            changed[1].ageTier = .adults
            #expect(split.libraryPage(changed, cards: memo) == whole.libraryPage(changed))
            #expect(split.libraryPage([], cards: memo) == whole.libraryPage([]))
        }
    }

    @Test("tale serve's file events choose which folders are walked: an edited book named by them renders again, unnamed ones keep their fingerprint")
    func touchedBooks() async throws {
        let project = Support.copyFixture("basic")
        let cache = BuildCache()
        func build(touched: Set<String>?) async -> [String: Data] {
            var options = BuildOptions(project: project, output: project.appending(path: "public"))
            options.cache = cache
            options.touchedBooks = touched
            let result = await Support.runSite(options)
            #expect((try? result.get()) != nil, "build failed: \(result)")
            return Support.tree(project.appending(path: "public"))
        }
        _ = await build(touched: nil)
        let renders = cache.rendersStored
        let file = project.appending(path: "content/lantern/index.md")
        try Data(String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "tired and happy", with: "tired, happy and humming").utf8).write(to: file)
        // No event named the book: its folder is not walked, so nothing renders again.
        _ = await build(touched: ["two-paths"])
        #expect(cache.rendersStored == renders)
        // The event names it: it renders again, and the site equals a clean build.
        let cached = await build(touched: ["lantern"])
        #expect(cache.rendersStored == renders + 1)
        #expect(await cached == IncrementalTests().build(project, into: "public-clean", cache: nil))
    }

    @Test("pictures are copied from their files at the write; one saved during the build fails it and leaves the old output whole")
    func copiedPictures() async throws {
        let root = Support.temporaryFolder("copies")
        let picture = root.appending(path: "moth.png"), output = root.appending(path: "public")
        try Data([1, 2, 3]).write(to: picture)
        let copy = try #require(SourceCopy(picture, bytes: [1, 2, 3]))
        #expect(SourceCopy(picture, bytes: [1, 2]) == nil)
        try await OutputWriter.write(["index.html": Array("one".utf8)], copies: ["media/moth.png": copy], to: output)
        #expect(try Data(contentsOf: output.appending(path: "media/moth.png")) == Data([1, 2, 3]))
        // Rewritten with the same bytes (as another build writing the same derived PNG does): still good.
        try Data([1, 2, 3]).write(to: picture)
        #expect(copy.bytes() == [1, 2, 3])
        // Other bytes of the same size, saved later: refused. (The clock behind file times is coarse, so the
        // test dates the save itself rather than trusting two writes a moment apart to differ.)
        try Data([1, 2, 4]).write(to: picture)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 10)], ofItemAtPath: picture.path)
        #expect(copy.bytes() == nil)
        await #expect(throws: TaleError.io(path: picture.path, reason: "the file changed while the site was being built; build again")) {
            try await OutputWriter.write(["index.html": Array("two".utf8)], copies: ["media/moth.png": copy], to: output)
        }
        #expect(try String(contentsOf: output.appending(path: "index.html"), encoding: .utf8) == "one")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["moth.png", "public"])
    }
}
