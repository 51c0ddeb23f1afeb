import Foundation
import Testing
import TaleEPUB
import TaleImage
import TaleTestSupport

private let books = ["moss-and-the-lost-lantern", "pip-and-the-paper-moon", "the-cartographer-of-tides", "which-way-juniper"]

/// What an EPUB holds, read by Python's zipfile (an independent zip reader).
private struct Inspection {
    var entries: [(name: String, method: Int)]
    var texts: [String: String]

    init(_ epub: URL, extractTo folder: URL? = nil) throws {
        let run = Support.run(URL(fileURLWithPath: "/usr/bin/env"),
                              ["python3", Support.fixtures.appending(path: "epub_inspect.py").path, epub.path] + (folder.map { [$0.path] } ?? []))
        guard run.status == 0, let json = try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any],
              json["test"] is NSNull else { throw EPUBError(description: "zipfile cannot read \(epub.path): \(run.err)") }
        entries = (json["entries"] as? [[String: Any]] ?? []).map { ($0["name"] as! String, $0["method"] as! Int) }
        texts = json["texts"] as? [String: String] ?? [:]
    }
}

/// Exports a sample book with `tale export epub`.
private func export(_ slug: String, layout: EPUBLayout, to folder: URL = Support.temporaryFolder("epub")) -> URL {
    let file = folder.appending(path: "\(slug)-\(layout.rawValue).epub")
    let run = Support.tale(["export", "epub", slug, "--layout", layout.rawValue, "--frozen", "-o", file.path, "--source", Support.packageRoot.path])
    precondition(run.status == 0, run.err)
    return file
}

@Suite("EPUB export")
struct EPUBTests {
    @Test("epubcheck reports no error and no warning for every sample book, reflowable and fixed-layout",
          arguments: books.flatMap { slug in EPUBLayout.allCases.map { (slug, $0) } })
    func epubcheck(slug: String, layout: EPUBLayout) {
        let file = export(slug, layout: layout)
        let check = Support.run(URL(fileURLWithPath: "/usr/bin/java"), ["-jar", "/usr/share/java/epubcheck.jar", file.path])
        #expect(check.status == 0)
        #expect((check.out + check.err).contains("Messages: 0 fatals / 0 errors / 0 warnings / 0 infos"), "\(check.out)\(check.err)")
    }

    @Test("the zip is right for EPUB: mimetype first and stored, then the container and the package")
    func container() throws {
        let file = export("moss-and-the-lost-lantern", layout: .reflowable)
        let bytes = Array(try Data(contentsOf: file))
        #expect(Array(bytes[0..<4]) == [0x50, 0x4B, 0x03, 0x04])
        #expect(bytes[8] == 0 && bytes[9] == 0, "stored")
        #expect(String(decoding: bytes[30..<38], as: UTF8.self) == "mimetype")
        #expect(String(decoding: bytes[38..<58], as: UTF8.self) == "application/epub+zip")
        let inspection = try Inspection(file)
        #expect(inspection.entries.prefix(3).map(\.name) == ["mimetype", "META-INF/container.xml", "EPUB/package.opf"])
        #expect(inspection.entries[0].method == 0)
    }

    @Test("the package carries title, language, author, a stable identifier, the cover and accessibility metadata")
    func metadata() throws {
        let file = export("moss-and-the-lost-lantern", layout: .reflowable)
        let opf = try #require(try Inspection(file).texts["EPUB/package.opf"])
        let identifier = EPUBBuilder.identifier(baseURL: "https://tale.example.org/", slug: "moss-and-the-lost-lantern")
        #expect(identifier.range(of: #"^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"#, options: .regularExpression) != nil)
        for expected in [
            "<dc:identifier id=\"pub-id\">\(identifier)</dc:identifier>", "<dc:title>Moss and the Lost Lantern</dc:title>",
            "<dc:language>en</dc:language>", "<dc:creator>The Tale Team</dc:creator>", "<dc:date>2026-11-22</dc:date>",
            "<meta property=\"dcterms:modified\">2026-11-22T00:00:00Z</meta>",
            "<meta property=\"schema:accessMode\">textual</meta>", "<meta property=\"schema:accessMode\">visual</meta>",
            "<meta property=\"schema:accessModeSufficient\">textual</meta>", "<meta property=\"schema:accessibilityFeature\">alternativeText</meta>",
            "<meta property=\"schema:accessibilityHazard\">none</meta>", "<meta property=\"schema:accessibilitySummary\">",
            "properties=\"cover-image\"", "properties=\"nav\"",
        ] {
            #expect(opf.contains(expected), "package.opf lacks \(expected)")
        }
        #expect(!opf.contains("rendition:layout"))
        let fixed = try #require(try Inspection(export("moss-and-the-lost-lantern", layout: .fixed)).texts["EPUB/package.opf"])
        #expect(fixed.contains("<meta property=\"rendition:layout\">pre-paginated</meta>"))
    }

    @Test("a branching book's choices are links between scene documents, and every link resolves inside the EPUB")
    func branchingLinks() throws {
        let inspection = try Inspection(export("which-way-juniper", layout: .reflowable))
        let names = Set(inspection.entries.map(\.name))
        var choices = 0
        for (name, text) in inspection.texts where name.hasSuffix(".xhtml") {
            choices += text.matches(of: /<ul class="choices">/).count
            for match in text.matches(of: /(?:href|src)="([^"#]+)(#[^"]*)?"/) where !String(match.1).hasPrefix("http") {
                let target = "EPUB/" + String(match.1)
                #expect(names.contains(target), "\(name) links to \(target), which is not in the EPUB")
            }
        }
        #expect(choices >= 1)
        let fork = try #require(inspection.texts.first { $0.value.contains("<ul class=\"choices\">") }?.value)
        #expect(fork.contains("<li><a href=\"s-"))
    }

    @Test("identical input gives a byte-identical EPUB, from any folder")
    func reproducible() throws {
        let first = try Data(contentsOf: export("pip-and-the-paper-moon", layout: .reflowable))
        let second = try Data(contentsOf: export("pip-and-the-paper-moon", layout: .reflowable))
        #expect(first == second)
        let site = IllustrationBuildTests.site
        let built = try Data(contentsOf: site.appending(path: "books/pip-and-the-paper-moon/pip-and-the-paper-moon.epub"))
        #expect(built == first, "tale build and tale export write the same EPUB")
        let page = try String(contentsOf: site.appending(path: "books/pip-and-the-paper-moon/index.html"), encoding: .utf8)
        #expect(page.contains("<a href=\"pip-and-the-paper-moon.epub\" download type=\"application/epub+zip\">Download the EPUB</a>"))
        let library = try String(contentsOf: site.appending(path: "index.html"), encoding: .utf8)
        #expect(library.contains("href=\"books/pip-and-the-paper-moon/pip-and-the-paper-moon.epub\" download"))
    }

    @Test("Chromium renders the content documents with their pictures (screenshots kept)")
    func rendersInChromium() throws {
        let folder = Support.temporaryFolder("epub-open")
        let inspection = try Inspection(export("moss-and-the-lost-lantern", layout: .fixed), extractTo: folder)
        let shots = Support.artifacts.appending(path: "epub")
        try? FileManager.default.removeItem(at: shots)
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
        let documents = inspection.entries.map(\.name).filter { $0.hasSuffix(".xhtml") && $0 != "EPUB/nav.xhtml" }
        #expect(documents.count == 9, "the cover and 8 scenes")
        for document in documents.prefix(4) {
            let file = shots.appending(path: (document as NSString).lastPathComponent.replacingOccurrences(of: ".xhtml", with: ".png"))
            let image = try Support.screenshot(folder.appending(path: document).absoluteString, to: file, width: 1200, height: 800)
            // The picture fills the left half of a fixed page: it is not the page's plain background.
            var colours = Set<UInt32>()
            for y in stride(from: 100, to: 700, by: 37) {
                for x in stride(from: 40, to: 600, by: 41) {
                    let i = (y * image.width + x) * 4
                    colours.insert(UInt32(image.pixels[i]) << 16 | UInt32(image.pixels[i + 1]) << 8 | UInt32(image.pixels[i + 2]))
                }
            }
            #expect(colours.count > 6, "\(document) shows its picture")
        }
    }

    @Test("narration: every word of a narrated book has a clip, clips run in order, and each SMIL ends with its MP3 (soxi)")
    func mediaOverlays() throws {
        let folder = Support.temporaryFolder("epub-audio")
        let inspection = try Inspection(export("moss-and-the-lost-lantern", layout: .reflowable), extractTo: folder)
        let opf = try #require(inspection.texts["EPUB/package.opf"])
        #expect(opf.contains("<meta property=\"media:active-class\">-epub-media-overlay-active</meta>"))
        #expect(opf.contains("<meta property=\"schema:accessibilityFeature\">synchronizedAudioText</meta>"))
        let overlays = inspection.entries.map(\.name).filter { $0.hasSuffix(".smil") }
        #expect(overlays.count == 8, "one overlay per scene")
        for overlay in overlays {
            let smil = try String(contentsOf: folder.appending(path: overlay), encoding: .utf8)
            let clips = smil.matches(of: /<audio src="([^"]+)" clipBegin="(\d+):(\d\d):(\d\d\.\d{3})" clipEnd="(\d+):(\d\d):(\d\d\.\d{3})"\/>/).map { match in
                (String(match.1), Double(match.2)! * 3600 + Double(match.3)! * 60 + Double(match.4)!,
                 Double(match.5)! * 3600 + Double(match.6)! * 60 + Double(match.7)!)
            }
            #expect(clips.count > 5)
            for (previous, clip) in zip(clips, clips.dropFirst()) { #expect(clip.1 == previous.2 && clip.2 > clip.1, "\(overlay): clips follow each other") }
            // Every clip points at a word the content document has.
            let document = overlay.replacingOccurrences(of: ".smil", with: ".xhtml")
            let xhtml = try #require(inspection.texts[document])
            #expect(xhtml.matches(of: /<span id="w\d+">/).count == clips.count, "\(document) has a span for every clip")
            let audio = folder.appending(path: "EPUB").appending(path: clips[0].0)
            let soxi = Support.run(URL(fileURLWithPath: "/usr/bin/soxi"), ["-D", audio.path])
            let duration = try #require(Double(soxi.out.trimmingCharacters(in: .whitespacesAndNewlines)), "soxi: \(soxi.err)")
            let end = clips.last!.2
            #expect(end <= duration + 0.01 && end >= duration - 0.15, "\(overlay) ends at \(end) s; its MP3 lasts \(duration) s")
        }
    }

    @Test("the web reader gets the same recordings and timings in book.json and on each page")
    func readerTimings() throws {
        let site = IllustrationBuildTests.site
        let data = try Data(contentsOf: site.appending(path: "books/moss-and-the-lost-lantern/book.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let scenes = try #require(json["scenes"] as? [[String: Any]])
        for scene in scenes {
            let narration = try #require(scene["narration"] as? [String: Any], "\(scene["id"]!) is narrated")
            let words = try #require(narration["words"] as? [String]), timings = try #require(narration["timings"] as? [Int])
            #expect(timings.count == words.count + 1 && timings == timings.sorted())
            // Per-sentence timings: the sentences cover every word, in order, each from its first word's start to its last word's end.
            let sentences = try #require(narration["sentences"] as? [[String: Any]])
            var next = 0
            for sentence in sentences {
                let range = try #require(sentence["words"] as? [Int])
                #expect(range[0] == next && range[1] >= range[0])
                #expect(sentence["start"] as? Int == timings[range[0]] && sentence["end"] as? Int == timings[range[1] + 1])
                next = range[1] + 1
            }
            #expect(next == words.count && sentences.count >= 2, "the title and at least one sentence of text")
            #expect(FileManager.default.fileExists(atPath: site.appending(path: narration["audio"] as! String).path))
        }
        let page = try String(contentsOf: site.appending(path: "books/moss-and-the-lost-lantern/index.html"), encoding: .utf8)
        #expect(page.matches(of: /data-narration="\.\.\/\.\.\/media\/[0-9a-f]{16}\.mp3" data-timings="[0-9 ]+"/).count == 8)
        let pip = try Data(contentsOf: site.appending(path: "books/pip-and-the-paper-moon/book.json"))
        #expect(!String(decoding: pip, as: UTF8.self).contains("\"audio\""), "books without narration: auto are not narrated")
    }
}
