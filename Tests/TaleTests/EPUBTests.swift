import Foundation
import Testing
import TaleEPUB
import TaleImage

private let books = ["moss-and-the-lost-lantern", "pip-and-the-paper-moon", "the-cartographer-of-tides", "which-way-juniper"]

/// What an EPUB holds, read by Python's zipfile (an independent zip reader).
private struct Inspection {
    var entries: [(name: String, method: Int)]
    var texts: [String: String]

    init(_ epub: URL, extractTo folder: URL? = nil) throws {
        let run = Support.run(URL(fileURLWithPath: "/usr/bin/env"),
                              ["python3", Support.fixtures.appending(path: "epub_inspect.py").path, epub.path] + (folder.map { [$0.path] } ?? []))
        guard run.status == 0, let json = try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any],
              json["test"] is NSNull else { throw EPUBFailure(description: "zipfile cannot read \(epub.path): \(run.err)") }
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
            let run = Support.run(URL(fileURLWithPath: "/usr/bin/chromium"), [
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--allow-file-access-from-files", "--window-size=1200,800",
                "--screenshot=\(file.path)", folder.appending(path: document).absoluteString,
            ])
            #expect(run.status == 0, "\(run.err)")
            let image = try PNGImage(decoding: Array(try Data(contentsOf: file)))
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
}
