import Foundation
import Testing
import TaleBuild
import TaleCore
import TaleTestSupport

@Suite("tale build")
struct BuildTests {
    @Test("a site builds into the documented tree")
    func outputTree() async throws {
        let project = Support.copyFixture("basic")
        let result = await Support.build(project)
        #expect(result.error == nil)
        #expect(result.diagnostics == [])
        let tree = Support.tree(project.appending(path: "public"))
        let paths = tree.keys.sorted()
        #expect(paths.contains("index.html"))
        #expect(paths.contains("tale-manifest.json"))
        for slug in ["lantern", "two-paths"] {
            #expect(paths.contains("books/\(slug)/index.html"))
            #expect(paths.contains("books/\(slug)/book.json"))
        }
        #expect(paths.contains { $0.range(of: #"^assets/storybook\.[0-9a-f]{16}\.css$"#, options: .regularExpression) != nil })
        #expect(paths.contains { $0.range(of: #"^assets/reader\.[0-9a-f]{16}\.js$"#, options: .regularExpression) != nil })
        for file in ["sitemap.xml", "feed.xml", "search.json", "robots.txt", "manifest.webmanifest", "_headers", "sw.js"] {
            #expect(paths.contains(file), "no \(file)")
        }
        let media = paths.filter { $0.hasPrefix("media/") && !$0.hasSuffix(".gz") }
        // lantern: its cover PNG, scene PNG and SVG, a card and a thumbnail from the cover, and a picture for its scene without one;
        // two-paths: a drawn cover, its thumbnail and card, and pictures for its 4 scenes.
        #expect(media.filter { $0.hasSuffix(".png") }.count == 6, "\(media)")
        #expect(media.filter { $0.hasSuffix(".svg") }.count == 7, "\(media)")
        for path in paths {
            let topLevel = ["index.html", "index.html.gz", "tale-manifest.json", "sitemap.xml", "feed.xml", "feed.xml.gz", "search.json",
                            "search.json.gz", "robots.txt", "manifest.webmanifest", "_headers", "sw.js", "sw.js.gz"]
            let allowed = topLevel.contains(path) || path.hasPrefix("books/") || path.hasPrefix("assets/") || path.hasPrefix("media/")
            #expect(allowed, "unexpected output \(path)")
        }
        // The media are named by their content.
        for path in media {
            let name = path.dropFirst("media/".count).split(separator: ".").first.map(String.init) ?? ""
            #expect(name == String(SHA256.hex(Array(tree[path]!)).prefix(16)))
        }
    }

    @Test("every scene's text and illustration are in the reader page's HTML")
    func readerPage() async throws {
        let project = Support.copyFixture("basic")
        _ = await Support.build(project)
        let html = String(decoding: try Data(contentsOf: project.appending(path: "public/books/lantern/index.html")), as: UTF8.self)
        #expect(html.contains("Little Moth loved the porch light more than anything."))
        #expect(html.contains("Then Little Moth saw the moon, and flew higher than ever before."))
        #expect(html.contains("Little Moth came home to the porch, tired and happy."))
        #expect(html.contains("alt=\"A moth circles the porch lamp\" width=\"32\" height=\"24\""))
        #expect(html.contains("alt=\"Illustration for “The Moon”\""))
        #expect(html.contains("<a href=\"#porch\">friend</a>"))
        let branching = String(decoding: try Data(contentsOf: project.appending(path: "public/books/two-paths/index.html")), as: UTF8.self)
        #expect(branching.contains("<a class=\"choice\" href=\"#left\">Go left</a>"))
        #expect(branching.contains("<a href=\"../lantern/index.html\">the moth's story</a>"))
        #expect(branching.contains("<p class=\"the-end\">The End</p>"))
    }

    @Test("book.json holds the book as data")
    func bookJSON() async throws {
        let project = Support.copyFixture("basic")
        _ = await Support.build(project)
        let data = try Data(contentsOf: project.appending(path: "public/books/two-paths/book.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["title"] as? String == "Two Paths")
        #expect(json["ageTier"] as? String == "kids")
        #expect(json["endings"] as? [String] == ["end"])
        let scenes = try #require(json["scenes"] as? [[String: Any]])
        #expect(scenes.map { $0["id"] as? String } == ["fork", "left", "right", "end"])
        #expect(scenes[1]["next"] as? String == "end")
        let choices = try #require(scenes[0]["choices"] as? [[String: String]])
        #expect(choices == [["label": "Go left", "target": "left"], ["label": "Go right", "target": "right"]])
    }

    @Test("the same sources build to byte-identical output, wherever the project lives")
    func reproducible() async throws {
        let first = Support.copyFixture("basic"), second = Support.copyFixture("basic")
        _ = await Support.build(first)
        _ = await Support.build(second)
        _ = await Support.build(first, output: first.appending(path: "public-again"))
        let a = Support.tree(first.appending(path: "public"))
        #expect(!a.isEmpty)
        #expect(a == Support.tree(second.appending(path: "public")))
        #expect(a == Support.tree(first.appending(path: "public-again")))
    }

    @Test("a failed build leaves the previous output byte-identical")
    func failedBuildKeepsOutput() async throws {
        let project = Support.copyFixture("basic")
        _ = await Support.build(project)
        let before = Support.tree(project.appending(path: "public"))
        Support.write("---\ntitle: Broken\n---\n\n## A\n\n- [x](#nowhere)\n", to: "content/lantern/index.md", in: project)
        let result = await Support.build(project)
        #expect(result.error != nil)
        #expect(Support.tree(project.appending(path: "public")) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: project.path).filter { $0.contains("tale-staging") }
        #expect(leftovers == [])
    }

    @Test("staging folders left by a killed build are removed")
    func leftoversCleaned() async throws {
        let project = Support.copyFixture("basic")
        let stale = project.appending(path: ".public.tale-staging-2147483000")
        try FileManager.default.createDirectory(at: stale.appending(path: "books"), withIntermediateDirectories: true)
        _ = await Support.build(project)
        #expect(!FileManager.default.fileExists(atPath: stale.path))
    }

    @Test("--output refuses a folder Tale did not write, and the project itself")
    func outputGuard() async throws {
        let project = Support.copyFixture("basic")
        let precious = project.appending(path: "precious")
        Support.write("my novel", to: "precious/novel.txt", in: project)
        let result = await Support.build(project, output: precious)
        #expect(result.error == .inStep("Write output", book: nil, .refusingToReplace(path: precious.path)))
        #expect(try String(contentsOf: precious.appending(path: "novel.txt"), encoding: .utf8) == "my novel")
        #expect(await Support.build(project, output: project).error
                == .inStep("Write output", book: nil,
                           .usage("--output '\(project.path)' would overwrite the project or its sources; choose a folder such as public/ or /tmp/site")))
        #expect(await Support.build(project, output: project.appending(path: "content")).error != nil)
        // A previous Tale output may be replaced.
        let site = project.appending(path: "site")
        #expect(await Support.build(project, output: site).error == nil)
        #expect(await Support.build(project, output: site).error == nil)
    }

    @Test("a project's theme overrides the bundled theme file by file")
    func themeOverride() async throws {
        let project = Support.copyFixture("basic")
        Support.write("<footer class=\"mine\">Printed by the override</footer>\n", to: "themes/storybook/templates/footer.mustache", in: project)
        Support.write("body { color: rebeccapurple; }\n", to: "themes/storybook/assets/storybook.css", in: project)
        #expect(await Support.build(project).error == nil)
        let library = String(decoding: try Data(contentsOf: project.appending(path: "public/index.html")), as: UTF8.self)
        #expect(library.contains("Printed by the override"))
        // The other templates are still the bundled ones.
        #expect(library.contains("<ul class=\"shelf\" role=\"list\">"))
        let tree = Support.tree(project.appending(path: "public"))
        let css = try #require(tree.first { $0.key.hasPrefix("assets/storybook.") })
        #expect(String(decoding: css.value, as: UTF8.self) == "body { color: rebeccapurple; }\n")
        #expect(tree.keys.contains { $0.hasPrefix("assets/reader.") })
    }

    @Test("an error a step throws names the step, and the book when one book's part of the step threw it")
    func errorsNameStepAndBook() async throws {
        let project = Support.copyFixture("basic")
        try FileManager.default.createDirectory(at: project.appending(path: "content/zebra/index.md"), withIntermediateDirectories: true)
        let error = try #require(await Support.build(project).error)
        #expect(error == .inStep("Load content", book: "zebra", .io(path: "content/zebra/index.md", reason: "cannot read the file")))
        #expect(error.description == "Load content (book 'zebra'): content/zebra/index.md: cannot read the file")
    }

    @Test("an unknown theme is an error naming the bundled ones")
    func unknownTheme() async {
        let project = Support.copyFixture("basic")
        Support.write("theme: neon\n", to: "tale.yaml", in: project)
        #expect(await Support.build(project).error
                == .inStep("Load config and theme", book: nil,
                           .theme(name: "neon", reason: "no folder themes/neon/ and no bundled theme of that name; bundled themes: storybook")))
    }

    @Test("front matter text is escaped in HTML and JSON")
    func escaping() async throws {
        let title = "</title><script>alert(\"x\")</script> & 'friends'"
        let project = Support.project([
            "content/evil/index.md": "---\ntitle: \"\(title.replacingOccurrences(of: "\"", with: "\\\""))\"\nauthor: \"<img src=x onerror=alert(1)>\"\n---\n\nHello.\n",
        ])
        #expect(await Support.build(project).error == nil)
        let page = String(decoding: try Data(contentsOf: project.appending(path: "public/books/evil/index.html")), as: UTF8.self)
        #expect(!page.contains("<script>alert"))
        #expect(!page.contains("<img src=x"))
        #expect(page.contains("&lt;/title&gt;&lt;script&gt;"))
        let library = String(decoding: try Data(contentsOf: project.appending(path: "public/index.html")), as: UTF8.self)
        #expect(!library.contains("<script>alert"))
        let json = try Data(contentsOf: project.appending(path: "public/books/evil/book.json"))
        #expect(!String(decoding: json, as: UTF8.self).contains("</script>"))
        let decoded = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect(decoded["title"] as? String == title)
    }

    @Test("raw HTML is sanitised and each removal is a located warning, from tale check as from tale build; words an open <svg> took are named")
    func rawHTML() async throws {
        let project = Support.project([
            "content/fox/index.md": "---\ntitle: Fox\n---\n\n## Den\n\nPip <span onclick=\"steal()\">sleeps</span>.\n\n<script>track()</script>\n\n"
                + "## Map\n\n<div>\n<svg viewBox=\"0 0 1 1\">\n<p>The fox ran home.</p>\n</div>\n",
        ])
        let result = await Support.build(project)
        #expect(result.error == nil)
        #expect(result.diagnostics == [
            "content/fox/index.md:7:11: warning: removed onclick on <span> (event handlers run scripts) from the scene's HTML\n"
                + "  hint: books may not hold scripts, forms, frames, event handlers or remote images",
            "content/fox/index.md:9:1: warning: removed <script> (not allowed in a book) from the scene's HTML\n"
                + "  hint: books may not hold scripts, forms, frames, event handlers or remote images",
            "content/fox/index.md:14:1: warning: removed <svg> from the scene's HTML, and the 4 words inside it: “The fox ran home.”\n"
                + "  hint: books may not hold <svg>; if those words should show, close the <svg> before them or take it out",
        ])
        let checked = Support.tale(["check", "--source", project.path])
        #expect(checked.status == 0)
        #expect(checked.err == result.diagnostics.map { $0 + "\n" }.joined(), "\(checked.err)")
        let page = String(decoding: try Data(contentsOf: project.appending(path: "public/books/fox/index.html")), as: UTF8.self)
        #expect(!page.contains("track()"))
        #expect(!page.contains("onclick"))
        #expect(page.contains("Pip <span>sleeps</span>."))
    }

    @Test("a clean SVG is sanitised once and kept in the cache; one that lost something warns on every build")
    func sanitisedSVGCache() async throws {
        let project = Support.project([
            "content/fox/index.md": "---\ntitle: Fox\n---\n\n## Den\n\n![A fox](fox.svg)\n\n## Trap\n\n![A trap](trap.svg)\n",
            "content/fox/fox.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"2\"/></svg>",
            "content/fox/trap.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><circle r=\"3\"/></svg>",
        ])
        let derived = project.appending(path: ".tale-cache/derived")
        for _ in 1...2 {
            let result = await Support.build(project)
            #expect(result.error == nil)
            #expect(result.diagnostics == [
                "content/fox/index.md:11:11: warning: removed onload on <svg> (event handlers run scripts) from 'trap.svg'\n"
                    + "  hint: the published image leaves it out; remove it from the file to silence this",
            ])
            // fox.svg and the generated cover are cached; trap.svg is not.
            let cached = try FileManager.default.contentsOfDirectory(atPath: derived.path).filter { $0.hasSuffix(".svg") }
                .map { try Data(contentsOf: derived.appending(path: $0)) }
            #expect(cached.count == 2)
            let clean = try #require(cached.first { String(decoding: $0, as: UTF8.self).contains("<circle r=\"2\"/>") })
            let media = Support.tree(project.appending(path: "public/media")).filter { $0.key.hasSuffix(".svg") }
            #expect(media.values.contains(clean))
            #expect(media.values.contains { String(decoding: $0, as: UTF8.self).contains("<circle r=\"3\"/>") })
            #expect(!media.values.contains { String(decoding: $0, as: UTF8.self).contains("onload") })
            #expect(media.count == 3)
        }
    }

    @Test("drafts are built only with --drafts")
    func drafts() async throws {
        let project = Support.project([
            "content/done/index.md": "---\ntitle: Done\n---\n\nText.\n",
            "content/wip/index.md": "---\ntitle: WIP\ndraft: true\n---\n\nText.\n",
        ])
        #expect(await Support.build(project).context?.books.map(\.slug) == ["done"])
        #expect(await Support.build(project, drafts: true).context?.books.map(\.slug) == ["done", "wip"])
    }

    @Test("the sample library in content/ builds without errors, frozen: its generated text is committed")
    func sampleLibrary() async throws {
        let output = Support.temporaryFolder("sample").appending(path: "public")
        let result = await Support.build(Support.packageRoot, output: output) { $0.frozen = true }
        #expect(result.error == nil)
        #expect(result.diagnostics == [])
        let books = try #require(result.context?.books)
        #expect(books.count >= 3)
        for book in books { #expect((8...12).contains(book.scenes.count), "\(book.slug) has \(book.scenes.count) scenes") }
        #expect(books.contains { $0.scenes.contains { !$0.choices.isEmpty } })
        #expect(books.contains { $0.frontMatter.ageTier != .kids })
        #expect(books.contains { $0.scenes.contains { $0.illustration?.reference.path.hasSuffix(".png") == true } })
        #expect(books.contains { $0.scenes.contains { $0.illustration?.reference.path.hasSuffix(".svg") == true } })
        #expect(books.contains { $0.scenes.allSatisfy(\.isGenerated) }, "one book shows generation")
        #expect(result.context?.generation.generated == 0)
    }
}

@Suite("Paths")
struct PathTests {
    func errors(_ body: String, extra: [String: String] = [:], setup: (URL) -> Void = { _ in }) async -> [String] {
        var files = extra
        files["content/fox/index.md"] = "---\ntitle: Fox\n---\n\n" + body
        let project = Support.project(files)
        setup(project)
        return await Support.build(project, checkOnly: true).diagnostics
    }

    @Test("an image may not leave its book's folder")
    func escapes() async {
        #expect(await errors("![a](../../outside/x.png)\n", extra: ["outside/x.png": "x"]) == [
            "content/fox/index.md:5:6: error: image path '../../outside/x.png' leaves the book's folder\n"
                + "  hint: copy the picture into this book's folder and refer to it from there",
        ])
        #expect(await errors("![a](images/%2e%2e/%2e%2e/x.png)\n") == [
            "content/fox/index.md:5:6: error: image path 'images/%2e%2e/%2e%2e/x.png' leaves the book's folder\n"
                + "  hint: copy the picture into this book's folder and refer to it from there",
        ])
        #expect(await errors("![a](/etc/x.png)\n") == [
            "content/fox/index.md:5:6: error: image path '/etc/x.png' is absolute; paths are relative to the book's folder\n"
                + "  hint: write it like images/fox.png",
        ])
        #expect(await errors("![a](https://cdn.example/x.png)\n") == [
            "content/fox/index.md:5:6: error: remote image 'https://cdn.example/x.png': a book may not load images from other sites\n"
                + "  hint: download the picture into this book's images/ folder and use images/<name>",
        ])
        #expect(await errors("![a](images/fx.png)\n", extra: ["content/fox/images/fox.png": "x"]) == [
            "content/fox/index.md:5:6: error: image 'images/fx.png' does not exist; did you mean 'fox.png'?\n"
                + "  hint: check the file name and its folder; paths are relative to the book's folder",
        ])
    }

    @Test("a symlink out of the book's folder is an error")
    func symlinkedImage() async {
        let found = await errors("![a](images/secret.png)\n", extra: ["outside/secret.png": "x"]) { project in
            try! FileManager.default.createDirectory(at: project.appending(path: "content/fox/images"), withIntermediateDirectories: true)
            try! FileManager.default.createSymbolicLink(at: project.appending(path: "content/fox/images/secret.png"),
                                                        withDestinationURL: project.appending(path: "outside/secret.png"))
        }
        #expect(found == [
            "content/fox/index.md:5:6: error: image 'images/secret.png' is a link to a file outside the book's folder\n"
                + "  hint: copy the file into the book's folder instead of linking to it",
        ])
        // A linked folder on the way out is one too.
        let throughFolder = await errors("![a](images/secret.png)\n", extra: ["outside/secret.png": "x"]) { project in
            try! FileManager.default.createSymbolicLink(at: project.appending(path: "content/fox/images"),
                                                        withDestinationURL: project.appending(path: "outside"))
        }
        #expect(throughFolder == found)
    }

    @Test("a book folder linked from outside content/ is an error")
    func symlinkedBook() async {
        let project = Support.project(["elsewhere/book/index.md": "---\ntitle: X\n---\n"])
        try! FileManager.default.createDirectory(at: project.appending(path: "content"), withIntermediateDirectories: true)
        try! FileManager.default.createSymbolicLink(at: project.appending(path: "content/linked"),
                                                    withDestinationURL: project.appending(path: "elsewhere/book"))
        #expect(await Support.build(project, checkOnly: true).diagnostics == [
            "content/linked: error: 'content/linked' is a link to a folder outside content/\n"
                + "  hint: move the book's folder into content/ instead of linking to it",
        ])
    }

    @Test("a folder that is not a slug is named with the allowed characters")
    func badSlug() async {
        let project = Support.project(["content/My Book/index.md": "---\ntitle: X\n---\n"])
        #expect(await Support.build(project, checkOnly: true).diagnostics == [
            "content/My Book: error: book folder name 'My Book' is not a valid slug: use lowercase a-z, 0-9 and single hyphens\n"
                + "  hint: rename the folder to 'my-book'",
        ])
    }

    @Test("a link to another book must name one")
    func otherBooks() async {
        #expect(await errors("See [the owl](../owl/).\n", extra: ["content/owl/index.md": "---\ntitle: Owl\n---\n\nHoot.\n"]) == [])
        #expect(await errors("See [the owl](../owls/).\n", extra: ["content/owl/index.md": "---\ntitle: Owl\n---\n\nHoot.\n"]) == [
            "content/fox/index.md:5:15: error: link to unknown book 'owls'; did you mean 'owl'?\n"
                + "  hint: link to another book as ../<slug>/ with the folder name of a book in content/",
        ])
    }
}
