import Foundation
import TaleOutput
import Testing
import TaleBuild
import TaleCore
import TaleTestSupport

/// `tale build` carrying unchanged books over from the last build through `.tale-cache/build-index`.
@Suite("Builds after an edit")
struct BuildIndexTests {
    /// A clean build of `project`'s sources, made in a copy of them: the output to compare with.
    func cleanBuild(of project: URL) -> [String: Data] {
        let copy = Support.temporaryFolder("clean")
        for name in ["content", "themes", "tale.yaml"] where FileManager.default.fileExists(atPath: project.appending(path: name).path) {
            try! FileManager.default.copyItem(at: project.appending(path: name), to: copy.appending(path: name))
        }
        let built = Support.tale(["build", "--quiet"], in: copy)
        #expect(built.status == 0, "\(built.err)")
        return Support.tree(copy.appending(path: "public"))
    }

    /// Files a write leaves behind when it fails halfway, anywhere under `folder`.
    func leftovers(in folder: URL) -> [String] {
        let names = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
        return names.filter { ($0 as NSString).lastPathComponent.hasPrefix(".tale-new-") || $0.contains("tale-staging") }
    }

    @Test("after edits, deletes and renames of books, scenes, images, theme files and tale.yaml, tale build equals a clean build")
    func equalsClean() throws {
        let project = Support.copyFixture("basic")
        let steps: [(label: String, carried: Int?, change: (URL) throws -> Void)] = [
            ("first build", nil, { _ in }),
            ("save a book unchanged but for a blank line (the pages that list books are kept)", 1, { root in
                let file = root.appending(path: "content/lantern/index.md")
                try Data((String(contentsOf: file, encoding: .utf8) + "\n").utf8).write(to: file)
            }),
            ("rename a book's title (the catalog pages are made again)", 1, { root in
                let file = root.appending(path: "content/two-paths/index.md")
                try Data(String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "title: ", with: "title: The ").utf8).write(to: file)
            }),
            ("edit a scene", 1, { root in
                let file = root.appending(path: "content/lantern/index.md")
                try Data(String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "tired and happy", with: "tired, happy and humming").utf8).write(to: file)
            }),
            ("add a scene and an inline image", 1, { root in
                let file = root.appending(path: "content/two-paths/index.md")
                try Data((String(contentsOf: file, encoding: .utf8) + "\n## Later {#later .ending}\n\nA ![tiny moth](images/moth.svg) flew by.\n").utf8).write(to: file)
                try FileManager.default.createDirectory(at: root.appending(path: "content/two-paths/images"), withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: root.appending(path: "content/lantern/images/moth.svg"), to: root.appending(path: "content/two-paths/images/moth.svg"))
            }),
            ("replace an image with other pixels", 1, { root in
                let image = root.appending(path: "content/lantern/images/lantern.png")
                try FileManager.default.removeItem(at: image)
                try FileManager.default.copyItem(at: root.appending(path: "content/lantern/images/cover.png"), to: image)
            }),
            ("rename a book", 1, { root in
                try FileManager.default.moveItem(at: root.appending(path: "content/two-paths"), to: root.appending(path: "content/paths-two"))
            }),
            ("add a book, then delete another", 1, { root in
                Support.write("---\ntitle: New\n---\n\n## Hello\n\nA new book.\n", to: "content/newcomer/index.md", in: root)
                try FileManager.default.removeItem(at: root.appending(path: "content/paths-two"))
            }),
            ("override a theme file", nil, { root in
                Support.write("<footer>Overridden footer</footer>\n", to: "themes/storybook/templates/footer.mustache", in: root)
            }),
            ("change tale.yaml", nil, { root in
                Support.write("title: Renamed Shelf\nbase_url: https://books.example.org/\n", to: "tale.yaml", in: root)
            }),
            ("edit a book with a full base URL (sitemap and feed)", 1, { root in
                Support.write("---\ntitle: New\ndate: 2026-01-02\n---\n\n## Hello\n\nA newer book.\n", to: "content/newcomer/index.md", in: root)
            }),
        ]
        for step in steps {
            try step.change(project)
            let built = Support.tale(["build"], in: project)
            #expect(built.status == 0, "after \(step.label): \(built.err)")
            if let carried = step.carried {
                #expect(built.out.contains("(\(carried) unchanged since the last build)"), "after \(step.label): \(built.out)")
            } else {
                #expect(!built.out.contains("unchanged since the last build"), "after \(step.label) every book renders again: \(built.out)")
            }
            let output = Support.tree(project.appending(path: "public"))
            let clean = cleanBuild(of: project)
            #expect(!output.isEmpty)
            let presence = Set(output.keys).symmetricDifference(clean.keys).sorted()
            let content = output.keys.filter { clean[$0] != nil && clean[$0] != output[$0] }.sorted()
            #expect(output == clean, "after \(step.label): \(presence) differ in presence; \(content) differ in content")
            #expect(leftovers(in: project.appending(path: "public")).isEmpty)
            // The output's twin, which the next build changes and swaps in, holds the same files.
            let shadow = project.appending(path: ".public.tale-shadow")
            #expect(Support.tree(shadow) == output, "after \(step.label), the twin differs from the output")
            #expect(leftovers(in: shadow).isEmpty)
        }
    }

    @Test("an edit rewrites only the files that changed: the other book's files are not touched")
    func untouchedFilesStay() throws {
        let project = Support.copyFixture("basic")
        #expect(Support.tale(["build", "--quiet"], in: project).status == 0)
        func inode(_ path: String) throws -> Int {
            try #require(FileManager.default.attributesOfItem(atPath: project.appending(path: "public/\(path)").path)[.systemFileNumber] as? Int)
        }
        let other = try inode("books/two-paths/index.html"), edited = try inode("books/lantern/index.html")
        let file = project.appending(path: "content/lantern/index.md")
        try Data(String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "tired and happy", with: "tired and sleepy").utf8).write(to: file)
        let built = Support.tale(["build"], in: project)
        #expect(built.out.contains("Built 2 books") && built.out.contains("(1 unchanged since the last build)"), "\(built.out)")
        #expect(try inode("books/two-paths/index.html") == other)
        #expect(try inode("books/lantern/index.html") != edited)
        #expect(try String(contentsOf: project.appending(path: "public/books/lantern/index.html"), encoding: .utf8).contains("tired and sleepy"))
    }

    @Test("a book carried over keeps its warnings, and its links to other books are checked again")
    func carriedBooksAreChecked() throws {
        let project = Support.project([
            "content/fox/index.md": "---\ntitle: Fox\nauthr: typo\n---\n\n## Den\n\nPip visits [Owl](../owl/).\n",
            "content/owl/index.md": "---\ntitle: Owl\n---\n\n## Tree\n\nOwl waits.\n",
        ])
        let warning = "content/fox/index.md:3:1: warning: unknown front matter key 'authr'; did you mean 'author'?"
        let first = Support.tale(["build"], in: project)
        #expect(first.status == 0 && first.err.hasPrefix(warning), "\(first.err)")
        Support.write("---\ntitle: Owl\n---\n\n## Tree\n\nOwl waits and waits.\n", to: "content/owl/index.md", in: project)
        let second = Support.tale(["build"], in: project)
        #expect(second.out.contains("(1 unchanged since the last build)"), "\(second.out)")
        #expect(second.err.hasPrefix(warning), "the carried book's warning is printed again: \(second.err)")
        let before = Support.tree(project.appending(path: "public"))
        try FileManager.default.removeItem(at: project.appending(path: "content/owl"))
        let third = Support.tale(["build"], in: project)
        #expect(third.status == 1)
        #expect(third.err.contains("content/fox/index.md:8:18: error: link to unknown book 'owl'"), "\(third.err)")
        #expect(Support.tree(project.appending(path: "public")) == before, "a failed build leaves the output as it was")
    }

    @Test("a damaged index or a changed output is not trusted: the build is full, and right")
    func distrust() throws {
        let project = Support.copyFixture("basic")
        #expect(Support.tale(["build", "--quiet"], in: project).status == 0)
        let index = try #require(FileManager.default.contentsOfDirectory(at: project.appending(path: ".tale-cache"), includingPropertiesForKeys: nil)
            .first { $0.lastPathComponent.hasPrefix("build-index-") && $0.pathExtension.isEmpty })
        var bytes = try Data(contentsOf: index)
        bytes.removeLast(7)
        try bytes.write(to: index)
        let truncated = Support.tale(["build"], in: project)
        #expect(truncated.status == 0 && truncated.out.contains("Built 2 books") && !truncated.out.contains("unchanged"), "\(truncated.out)")
        try Data("garbage".utf8).write(to: index)
        Support.write("---\ntitle: Extra\n---\n\n## One\n\nMore.\n", to: "content/extra/index.md", in: project)
        let afterGarbage = Support.tale(["build"], in: project)
        #expect(afterGarbage.status == 0 && !afterGarbage.out.contains("unchanged"), "\(afterGarbage.out)")
        #expect(Support.tree(project.appending(path: "public")) == cleanBuild(of: project))
        // A file removed from the output by hand: the next build writes the output whole again.
        try FileManager.default.removeItem(at: project.appending(path: "public/books/extra/book.json"))
        Support.write("---\ntitle: Extra\n---\n\n## One\n\nMore still.\n", to: "content/extra/index.md", in: project)
        let repaired = Support.tale(["build"], in: project)
        #expect(repaired.status == 0 && !repaired.out.contains("unchanged"), "\(repaired.out)")
        #expect(Support.tree(project.appending(path: "public")) == cleanBuild(of: project))
    }

    @Test("a full build writes only what differs from the twin, and keeps nothing changed by hand in the output")
    func fullBuildOnTheTwin() throws {
        let project = Support.copyFixture("basic")
        #expect(Support.tale(["build", "--quiet"], in: project).status == 0)
        let output = project.appending(path: "public"), shadow = project.appending(path: ".public.tale-shadow")
        func inode(_ path: String) throws -> Int {
            try #require(FileManager.default.attributesOfItem(atPath: output.appending(path: path).path)[.systemFileNumber] as? Int)
        }
        let picture = try #require(Support.tree(output.appending(path: "media")).keys.first { $0.hasSuffix(".png") }).description
        let pictureInode = try inode("media/\(picture)"), pageInode = try inode("books/lantern/index.html")
        // Changed by hand: a file added, a page written into (and so its twin, which shares it); and
        // tale.yaml, which makes the build full, changes every page and drops the sitemap and feed.
        Support.write("stray\n", to: "public/stray.txt", in: project)
        for path in ["books/two-paths/book.json", "books/lantern/cues.json.gz"] {
            let tampered = try FileHandle(forWritingTo: output.appending(path: path))
            try tampered.write(contentsOf: Data("{}".utf8))
            try tampered.close()
        }
        let compressedInode = try inode("books/two-paths/cues.json.gz")
        Support.write("title: Renamed Shelf\n", to: "tale.yaml", in: project)
        let themed = Support.tale(["build"], in: project)
        #expect(themed.status == 0 && !themed.out.contains("unchanged"), "\(themed.out)")
        #expect(Support.tree(output) == cleanBuild(of: project))
        #expect(Support.tree(shadow) == Support.tree(output))
        #expect(try inode("media/\(picture)") == pictureInode, "a picture tale.yaml does not change is not written again")
        #expect(try inode("books/two-paths/cues.json.gz") == compressedInode, "nor a compressed copy of an unchanged file")
        #expect(try inode("books/lantern/index.html") != pageInode)
        // The output deleted: the twin takes its place, and a new twin is made.
        try FileManager.default.removeItem(at: output)
        let rebuilt = Support.tale(["build"], in: project)
        #expect(rebuilt.status == 0 && !rebuilt.out.contains("unchanged"), "\(rebuilt.out)")
        #expect(Support.tree(output) == cleanBuild(of: project))
        #expect(Support.tree(shadow) == Support.tree(output))
        #expect(try inode("media/\(picture)") == pictureInode)
        #expect(leftovers(in: project).isEmpty)
        // --force writes everything anew.
        #expect(Support.tale(["build", "--force", "--quiet"], in: project).status == 0)
        #expect(try inode("media/\(picture)") != pictureInode)
        #expect(Support.tree(output) == cleanBuild(of: project))
    }

    @Test("a full build reads back a file it keeps from the twin when its size or time says it changed after the last build")
    func keptFilesCheckedByTime() throws {
        let project = Support.copyFixture("basic")
        #expect(Support.tale(["build", "--quiet"], in: project).status == 0)
        let output = project.appending(path: "public")
        // book.json does not change with tale.yaml's title, so the full build below keeps both from the twin.
        let written = output.appending(path: "books/two-paths/book.json"), backdated = output.appending(path: "books/lantern/book.json")
        for file in [written, backdated] {
            // Written into in place (so in the twin too), one byte changed: the size stays, the time moves on.
            var bytes = try Data(contentsOf: file)
            let at = try #require(bytes.firstIndex(of: UInt8(ascii: "a")))
            bytes[at] = UInt8(ascii: "b")
            let handle = try FileHandle(forWritingTo: file)
            try handle.write(contentsOf: bytes)
            try handle.close()
        }
        // Its time set back to before the last build ended, as only a deliberate hand would: taken as the build left it.
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-3600)], ofItemAtPath: backdated.path)
        Support.write("title: Renamed Shelf\n", to: "tale.yaml", in: project)
        let full = Support.tale(["build"], in: project)
        #expect(full.status == 0 && !full.out.contains("unchanged"), "\(full.out)")
        let clean = cleanBuild(of: project), built = Support.tree(output)
        #expect(built["books/two-paths/book.json"] == clean["books/two-paths/book.json"], "the file written into is written again")
        #expect(built["books/lantern/book.json"] != clean["books/lantern/book.json"], "the backdated one is trusted by its time, not read")
        #expect(built.filter { $0.key != "books/lantern/book.json" } == clean.filter { $0.key != "books/lantern/book.json" })
        // --force writes everything anew, whatever the times say.
        #expect(Support.tale(["build", "--force", "--quiet"], in: project).status == 0)
        #expect(Support.tree(output) == clean)
    }

    @Test("derived files no build has used for 30 days are removed, at most once a day; those in use stay")
    func derivedCachePruned() throws {
        let project = Support.copyFixture("basic")
        #expect(Support.tale(["build", "--quiet"], in: project).status == 0)
        let derived = project.appending(path: ".tale-cache/derived")
        let old = Date().addingTimeInterval(-40 * 86_400)
        func files() -> Set<String> { Set(Support.tree(derived).keys) }
        func age(_ names: some Sequence<String>) throws {
            for name in names { try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: derived.appending(path: name).path) }
        }
        let used = files().subtracting([".pruned"])
        #expect(used.contains { $0.hasPrefix("epub/") } && used.contains { $0.hasSuffix(".png") })
        Support.write("stale", to: ".tale-cache/derived/stale.png", in: project)
        Support.write("stale", to: ".tale-cache/derived/epub/stale.epub", in: project)
        try age(used.union(["stale.png", "epub/stale.epub"]))
        // Pruned a day ago or more: the build reads (and so touches) what it uses, and removes the rest.
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: derived.appending(path: ".pruned").path)
        #expect(Support.tale(["build", "--force", "--quiet"], in: project).status == 0)
        #expect(files() == used.union([".pruned"]))
        // Pruned today: nothing goes.
        Support.write("stale", to: ".tale-cache/derived/stale.png", in: project)
        try age(["stale.png"])
        #expect(Support.tale(["build", "--force", "--quiet"], in: project).status == 0)
        #expect(files().contains("stale.png"))
    }

    @Test("the manifest written directly is the text JSONValue would write")
    func manifestText() {
        let sizes = ["index.html": 12, "media/0a.png": 3, "books/a<b>&\"c\"/index.html": 0, "assets/x.css": 9]
        func sha(_ path: String) -> String { SHA256.hex(path) }
        let files: [JSONValue] = sizes.keys.sorted().map { path in
            .object([("path", .string(path)), ("sha256", .string(sha(path))), ("bytes", .int(sizes[path]!)),
                     ("content_type", .string(ContentTypes.of(path) ?? "application/octet-stream")),
                     ("cache_control", .string(ContentTypes.cacheControl(path)))])
        }
        func reference(_ files: [JSONValue]) -> String {
            JSONValue.object([("generator", .string("tale")), ("version", .int(1)), ("files", .array(files))]).text(indent: 2) + "\n"
        }
        #expect(OutputManifest.make(sizes: sizes, sha256: sha) == reference(files))
        #expect(OutputManifest.make(sizes: [:], sha256: sha) == reference([]))
    }
}
