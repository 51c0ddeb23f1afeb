import Foundation
import Testing
import TaleBuild
import TaleCore
import TaleHTML
import TaleZip
import TaleTestSupport

@Suite("CDN-ready output")
struct CDNOutputTests {
    static func built() async -> (project: URL, tree: [String: Data]) {
        let project = Support.copyFixture("basic")
        let result = await Support.build(project)
        #expect(result.error == nil)
        return (project, Support.tree(project.appending(path: "public")))
    }

    static func text(_ tree: [String: Data], _ path: String) -> String {
        String(decoding: tree[path] ?? Data(), as: UTF8.self)
    }

    @Test("tale-manifest.json lists every file with its hash, size, type and cache rule")
    func manifest() async throws {
        let (_, tree) = await Self.built()
        let json = try #require(try JSONSerialization.jsonObject(with: tree["tale-manifest.json"]!) as? [String: Any])
        #expect(json["generator"] as? String == "tale")
        let files = try #require(json["files"] as? [[String: Any]])
        #expect(Set(files.compactMap { $0["path"] as? String }) == Set(tree.keys).subtracting(["tale-manifest.json"]))
        for file in files {
            let path = file["path"] as! String
            #expect(file["sha256"] as? String == SHA256.hex(Array(tree[path]!)), "\(path)")
            #expect(file["bytes"] as? Int == tree[path]!.count)
            let type = file["content_type"] as! String
            #expect(type != "application/octet-stream", "\(path)")
            let hashed = path.hasPrefix("assets/") || path.hasPrefix("media/")
            #expect(file["cache_control"] as? String == (hashed ? "public, max-age=31536000, immutable" : "no-cache"), "\(path)")
        }
        let types = Dictionary(uniqueKeysWithValues: files.map { ($0["path"] as! String, $0["content_type"] as! String) })
        #expect(types["index.html"] == "text/html; charset=utf-8")
        #expect(types["feed.xml"] == "application/xml")
        #expect(types["manifest.webmanifest"] == "application/manifest+json")
        #expect(types["_headers"] == "text/plain; charset=utf-8")
    }

    @Test("_headers caches hashed files forever, the rest never, with security headers everywhere")
    func headers() async {
        let (_, tree) = await Self.built()
        let text = Self.text(tree, "_headers")
        #expect(text.contains("/*\n  Content-Security-Policy: default-src 'self';"))
        #expect(text.contains("frame-ancestors 'none'\n"))
        #expect(text.contains("  X-Content-Type-Options: nosniff\n"))
        #expect(text.contains("/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n"))
        #expect(text.contains("/media/*\n  Cache-Control: public, max-age=31536000, immutable\n"))
        #expect(text.contains("/books/*\n  Cache-Control: no-cache\n"))
        #expect(text.contains("/index.html\n  Cache-Control: no-cache\n"))
        #expect(text.contains("/sitemap.xml\n  Cache-Control: no-cache\n"))
        // The rule for every path sets no Cache-Control, so no two matching rules both set it.
        let everyPathRule = text.components(separatedBy: "/*\n")[1].components(separatedBy: "\n/")[0]
        #expect(!everyPathRule.contains("Cache-Control"))
    }

    @Test("text files above 1 KiB get a .gz sibling that unpacks to the same bytes")
    func gzipSiblings() async throws {
        let (_, tree) = await Self.built()
        let compressed = tree.keys.filter { $0.hasSuffix(".gz") }
        #expect(compressed.contains("books/lantern/index.html.gz"))
        for path in compressed {
            let original = String(path.dropLast(3))
            #expect(try Deflate.gunzip(Array(tree[path]!)) == Array(tree[original]!), "\(path)")
        }
        // The manifest is written last and lists every file, so it cannot list a sibling of itself.
        for (path, data) in tree where ["html", "css", "js", "json", "xml", "svg"].contains((path as NSString).pathExtension)
            && path != "tale-manifest.json" {
            #expect(tree.keys.contains(path + ".gz") == (data.count >= 1024), "\(path): \(data.count) bytes")
        }
        #expect(!tree.keys.contains { $0.hasSuffix(".png.gz") })
    }

    @Test("sitemap.xml validates against the sitemap schema, and the check can fail")
    func sitemap() async throws {
        let (_, tree) = await Self.built()
        let schema = try String(contentsOf: Support.fixtures.appending(path: "schemas/sitemap.xsd"), encoding: .utf8)
        let sitemap = Self.text(tree, "sitemap.xml")
        #expect(XMLSchemaValidator.validate(sitemap, schema: schema) == [])
        #expect(sitemap.contains("<loc>https://books.example.org/books/lantern/</loc>\n    <lastmod>2026-01-02</lastmod>"))
        let broken = sitemap.replacingOccurrences(of: "<lastmod>2026-01-02</lastmod>", with: "<lastmod>yesterday</lastmod>")
        #expect(XMLSchemaValidator.validate(broken, schema: schema).count == 1)
    }

    @Test("feed.xml is an Atom feed with what RFC 4287 requires")
    func feed() async throws {
        let (_, tree) = await Self.built()
        let feed = try XMLTreeNode.parse(Self.text(tree, "feed.xml")).get()
        #expect(feed.name == "feed")
        #expect(feed.namespace == "http://www.w3.org/2005/Atom")
        #expect(feed.text(of: "id") == "https://books.example.org/")
        #expect(feed.text(of: "title") == "Fixture Shelf")
        #expect(feed.text(of: "updated") == "2026-01-03T00:00:00Z")
        #expect(feed.all("link").contains { $0.attributes["rel"] == "self" && $0.attributes["href"] == "https://books.example.org/feed.xml" })
        let entries = feed.all("entry")
        #expect(entries.map { $0.text(of: "title") } == ["Two Paths", "The Lantern Moth"])
        for entry in entries {
            #expect(entry.text(of: "id")?.hasPrefix("https://books.example.org/books/") == true)
            #expect(entry.text(of: "updated")?.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"#, options: .regularExpression) != nil)
            #expect(entry.first("author")?.text(of: "name") == "Test Writer")
        }
    }

    @Test("every reader page has Open Graph tags and Book JSON-LD that parses")
    func socialMetadata() async throws {
        let (_, tree) = await Self.built()
        for slug in ["lantern", "two-paths"] {
            let page = Self.text(tree, "books/\(slug)/index.html")
            #expect(page.contains("<link rel=\"canonical\" href=\"https://books.example.org/books/\(slug)/\">"))
            for property in ["og:type\" content=\"book", "og:title", "og:description", "og:url\" content=\"https://books.example.org/books/\(slug)/",
                             "og:image\" content=\"https://books.example.org/media/", "og:image:alt"] {
                #expect(page.contains("<meta property=\"\(property)"), "\(slug) lacks \(property)")
            }
            #expect(page.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"))
            let start = try #require(page.range(of: "<script type=\"application/ld+json\">"))
            let end = try #require(page.range(of: "</script>", range: start.upperBound..<page.endIndex))
            let json = try #require(try JSONSerialization.jsonObject(with: Data(page[start.upperBound..<end.lowerBound].utf8)) as? [String: Any])
            #expect(json["@context"] as? String == "https://schema.org")
            #expect(json["@type"] as? String == "Book")
            #expect(json["url"] as? String == "https://books.example.org/books/\(slug)/")
            #expect((json["author"] as? [String: String])?["name"] == "Test Writer")
        }
        let lantern = try #require(try JSONSerialization.jsonObject(with: tree["search.json"]!) as? [String: Any])
        #expect((lantern["books"] as? [[String: Any]])?.map { $0["slug"] as? String } == ["lantern", "two-paths"])
        #expect(Self.text(tree, "robots.txt") == "User-agent: *\nAllow: /\n\nSitemap: https://books.example.org/sitemap.xml\n")
    }

    @Test("a relative base_url leaves out the sitemap and the feed, which need full URLs")
    func relativeBase() async {
        let project = Support.project(["content/a/index.md": "---\ntitle: A\n---\n\nHi.\n"])
        #expect(await Support.build(project).error == nil)
        let tree = Support.tree(project.appending(path: "public"))
        #expect(tree["sitemap.xml"] == nil)
        #expect(tree["feed.xml"] == nil)
        #expect(Self.text(tree, "robots.txt") == "User-agent: *\nAllow: /\n")
    }

    @Test("time zone, locale and SOURCE_DATE_EPOCH-free builds give the same tree", arguments: [
        ["TZ": "Pacific/Kiritimati", "LC_ALL": "tr_TR.UTF-8", "LANG": "tr_TR.UTF-8"],
        ["TZ": "America/Los_Angeles", "LC_ALL": "C", "LANG": "C"],
    ])
    func timeZonesAndLocales(environment: [String: String]) async throws {
        let reference = await Self.built().tree
        let project = Support.copyFixture("basic")
        let result = Support.tale(["build", "--quiet"], in: project, environment: environment)
        #expect(result.status == 0, "\(result.err)")
        let tree = Support.tree(project.appending(path: "public"))
        #expect(tree["tale-manifest.json"] == reference["tale-manifest.json"])
        #expect(tree == reference)
    }

    @Test("SOURCE_DATE_EPOCH dates the feed of undated books")
    func sourceDateEpoch() throws {
        let project = Support.project(["tale.yaml": "base_url: https://x.example/\n", "content/a/index.md": "---\ntitle: A\n---\n\nHi.\n"])
        let result = Support.tale(["build", "--quiet"], in: project, environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        #expect(result.status == 0)
        let feed = String(decoding: try Data(contentsOf: project.appending(path: "public/feed.xml")), as: UTF8.self)
        #expect(feed.contains("<updated>2023-11-14T22:13:20Z</updated>"))
    }

    @Test("a build killed at random points always leaves a whole previous or new public/")
    func killedBuilds() throws {
        // A library big enough that a build takes a while.
        var files: [String: String] = ["tale.yaml": "base_url: https://x.example/\n"]
        let paragraph = String(repeating: "The fox ran through the long grass under a silver moon, counting the stars. ", count: 12)
        for book in 0..<120 {
            var body = "---\ntitle: Book \(book)\n---\n"
            for scene in 0..<12 { body += "\n## Scene \(scene)\n\n\(paragraph)\n" }
            files["content/book-\(book)/index.md"] = body
        }
        let project = Support.project(files)
        #expect(Support.tale(["build", "--quiet"], in: project).status == 0)
        let output = project.appending(path: "public")
        for round in 0..<8 {
            Support.write("---\ntitle: Edited \(round)\n---\n\nRound \(round).\n", to: "content/book-0/index.md", in: project)
            // Every other round changes tale.yaml too: a full build, written onto the twin when it is intact.
            if round % 2 == 1 { Support.write("title: Shelf \(round)\nbase_url: https://x.example/\n", to: "tale.yaml", in: project) }
            let process = Process()
            process.executableURL = Support.taleBinary
            process.arguments = ["build", "--quiet"]
            process.currentDirectoryURL = project
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 20_000...1_100_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            try Self.expectWhole(output)
        }
        #expect(Support.tale(["build", "--quiet"], in: project).status == 0)
        try Self.expectWhole(output)
        #expect(Support.tree(project.appending(path: ".public.tale-shadow")) == Support.tree(output), "the twin matches the output again")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: project.path).filter { $0.contains("tale-staging") }
        #expect(leftovers == [])
    }

    /// Every file the output's manifest lists is there with its hash, and nothing else is.
    static func expectWhole(_ output: URL) throws {
        let tree = Support.tree(output)
        let manifest = try #require(tree["tale-manifest.json"])
        let json = try #require(try JSONSerialization.jsonObject(with: manifest) as? [String: Any])
        let files = try #require(json["files"] as? [[String: Any]])
        #expect(Set(files.map { $0["path"] as! String }) == Set(tree.keys).subtracting(["tale-manifest.json"]))
        for file in files {
            let path = file["path"] as! String
            #expect(file["sha256"] as? String == tree[path].map { SHA256.hex(Array($0)) }, "\(path) is not whole")
        }
    }
}
