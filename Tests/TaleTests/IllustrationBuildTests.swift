import Foundation
import Testing
import TaleCore
import TaleImage
import TaleTestSupport

/// `src` and `alt` of every `<img>` in an HTML page.
private func images(in html: String) -> [(src: String, alt: String?)] {
    html.matches(of: /<img\s[^>]*>/).map { match in
        let tag = String(match.0)
        let src = tag.firstMatch(of: /src="([^"]*)"/).map { String($0.1) } ?? ""
        let alt = tag.firstMatch(of: /alt="([^"]*)"/).map { String($0.1) }
        return (src, alt)
    }
}

@Suite("Illustrations in the build")
struct IllustrationBuildTests {
    /// The sample library, built once into a temporary folder (frozen: its pictures are committed).
    static let site: URL = {
        let output = Support.temporaryFolder("illustrated").appending(path: "public")
        let result = Support.tale(["build", "--quiet", "--frozen", "--source", Support.packageRoot.path, "--output", output.path])
        precondition(result.status == 0, result.err)
        return output
    }()

    @Test("every scene of every sample book has an illustration and every book a cover, each with alt text")
    func everySceneIllustrated() throws {
        let books = ["moss-and-the-lost-lantern", "pip-and-the-paper-moon", "the-cartographer-of-tides", "which-way-juniper"]
        for slug in books {
            let data = try Data(contentsOf: Self.site.appending(path: "books/\(slug)/book.json"))
            let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let scenes = try #require(json["scenes"] as? [[String: Any]])
            for scene in scenes {
                let illustration = try #require(scene["illustration"] as? [String: Any], "\(slug)#\(scene["id"]!) has no picture")
                #expect((illustration["alt"] as? String)?.isEmpty == false)
                #expect(FileManager.default.fileExists(atPath: Self.site.appending(path: illustration["src"] as! String).path))
            }
            #expect((json["cover"] as? [String: Any])?["src"] != nil)
            let page = try String(contentsOf: Self.site.appending(path: "books/\(slug)/index.html"), encoding: .utf8)
            for image in images(in: page) { #expect(image.alt?.isEmpty == false, "\(slug): \(image.src) has no alt text") }
        }
        let library = try String(contentsOf: Self.site.appending(path: "index.html"), encoding: .utf8)
        let covers = images(in: library)
        #expect(covers.count == books.count)
        #expect(covers.allSatisfy { $0.src.hasSuffix(".png") && $0.alt?.hasPrefix("Cover of ") == true }, "the library shows PNG thumbnails")
    }

    @Test("a drawn picture's alt text is its SVG's description, word for word, on the page, in book.json and in the EPUB")
    func altIsDescription() throws {
        let slug = "moss-and-the-lost-lantern"
        let page = try String(contentsOf: Self.site.appending(path: "books/\(slug)/index.html"), encoding: .utf8)
        let epub = Self.site.appending(path: "books/\(slug)/\(slug).epub")
        let unzip = Support.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", """
            import sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            print("".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xhtml")))
            """, epub.path])
        var compared = 0
        for image in images(in: page) where image.src.hasSuffix(".svg") {
            let svg = try String(contentsOf: Self.site.appending(path: "books/\(slug)").appending(path: image.src).standardized, encoding: .utf8)
            guard let desc = svg.firstMatch(of: /<desc id="d">([^<]*)<\/desc>/).map({ String($0.1) }) else { continue }
            let alt = try #require(image.alt)
            #expect(alt == desc, "\(image.src)")
            #expect(unzip.out.contains("alt=\"\(desc)\""), "the EPUB's picture has the same alt text: \(desc)")
            compared += 1
        }
        #expect(compared >= 9, "the cover and every scene's picture")
    }

    @Test("a character Tale cannot draw is drawn as the nearest kind, and the build says so at the character's line")
    func undrawableKind() throws {
        let project = Support.project([
            "tale.yaml": "title: Sea\nbase_url: https://example.org/\n",
            "content/nelly/index.md": """
            ---
            title: Nelly Sees the Lights
            premise: A narwhal wants to see the northern lights
            characters:
              - name: Nelly
                role: hero
                looks: a small grey narwhal with a spotted back
            ---
            ## The Cold Sea
            Nelly swam under the ice at night.
            """,
        ])
        let result = Support.tale(["build", "--quiet"], in: project)
        #expect(result.status == 0, "\(result.err)")
        #expect(result.err == """
        content/nelly/index.md:5:5: warning: the illustrator cannot draw a narwhal yet, so Nelly is drawn as a dolphin
          hint: name a kind Tale draws in `looks` (such as 'dolphin', 'crab', 'fish'), or give the scenes your own pictures

        """)
        let svg = try String(contentsOf: project.appending(path: "content/nelly/generated/illustration-the-cold-sea.svg"), encoding: .utf8)
        #expect(svg.contains("Nelly the narwhal swimming"), "the description keeps the writer's word")
        // The next build draws nothing new, and still says so: the picture is still a dolphin.
        #expect(Support.tale(["build", "--quiet"], in: project).err == result.err)
    }

    @Test("each book has a 1200x630 social card that libpng decodes and pngcheck passes")
    func socialCards() throws {
        for slug in ["moss-and-the-lost-lantern", "pip-and-the-paper-moon", "the-cartographer-of-tides", "which-way-juniper"] {
            let page = try String(contentsOf: Self.site.appending(path: "books/\(slug)/index.html"), encoding: .utf8)
            let url = try #require(page.firstMatch(of: /<meta property="og:image" content="([^"]+)">/).map { String($0.1) })
            #expect(page.contains("<meta property=\"og:image:width\" content=\"1200\">"))
            let path = Self.site.appending(path: String(url.dropFirst("https://tale.example.org/".count)))
            let bytes = Array(try Data(contentsOf: path))
            let image = try PNGImage(decoding: bytes)
            #expect(image.width == 1200 && image.height == 630)
            let check = Support.run(URL(fileURLWithPath: "/usr/bin/pngcheck"), [path.path])
            #expect(check.status == 0 && check.out.contains("OK"), "\(check.out)\(check.err)")
        }
    }

    @Test("the writer's PNG illustrations get smaller copies in srcset; the pictures themselves are unchanged")
    func responsiveVariants() throws {
        let page = try String(contentsOf: Self.site.appending(path: "books/pip-and-the-paper-moon/index.html"), encoding: .utf8)
        let srcset = try #require(page.firstMatch(of: /srcset="([^"]+)" sizes="\(min-width: 900px\) 50vw, 100vw"/).map { String($0.1) })
        let candidates = srcset.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).split(separator: " ") }
        #expect(candidates.count >= 2)
        for candidate in candidates {
            let image = try PNGImage(decoding: Array(try Data(contentsOf: Self.site.appending(path: "books/pip-and-the-paper-moon").appending(path: String(candidate[0])))))
            #expect("\(image.width)w" == candidate[1])
        }
    }

    @Test("screenshots of generated pages and covers, taken in headless Chromium, are kept for people to look at")
    func screenshots() throws {
        let server = try FixtureServer(script: "static_server.py", arguments: [Self.site.path])
        defer { server.stop() }
        let folder = Support.artifacts.appending(path: "illustrations")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let shots = [
            ("library", "index.html"),
            ("moss-cover", "books/moss-and-the-lost-lantern/index.html"),
            ("moss-lantern-gone-night", "books/moss-and-the-lost-lantern/index.html#the-lantern-is-gone"),
            ("moss-tall-grass", "books/moss-and-the-lost-lantern/index.html#into-the-tall-grass"),
            ("juniper-garden", "books/which-way-juniper/index.html#garden"),
            ("cartographer-harbour", "books/the-cartographer-of-tides/index.html#harbour"),
        ]
        for (name, path) in shots {
            let file = folder.appending(path: "\(name).png")
            let image = try Support.screenshot("http://127.0.0.1:\(server.port)/\(path)", to: file, width: 1280, height: 900)
            #expect(image.width == 1280 && image.height == 900)
            #expect(Set(stride(from: 0, to: image.pixels.count, by: 4 * 97).map { image.pixels[$0] }).count > 8, "\(name) is not blank")
        }
    }
}
