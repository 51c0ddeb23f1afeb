import Foundation
import Testing
import TaleCore
import TaleHTML
import TaleImage
import TalePDF
import TalePrint
import TaleTestSupport

/// One sample book and what its print files must measure, worked out by hand from KDP's rules.
struct PrintExpectation: Sendable, CustomTestStringConvertible {
    var slug: String
    /// Interior page size in points: trim plus bleed (0.125 in outside, 0.125 in top and bottom).
    var pageWidth: Double, pageHeight: Double
    /// Trim width and height and the paper's thickness per page, for the cover formula.
    var trimWidth: Double, trimHeight: Double, thickness: Double
    /// A page that holds a picture.
    var artPage: Int
    var testDescription: String { slug }
}

private let expectations = [
    // Picture books (kids): 8.5 x 8.5 in with bleed = 8.625 x 8.75 in, premium colour paper.
    PrintExpectation(slug: "moss-and-the-lost-lantern", pageWidth: 621, pageHeight: 630, trimWidth: 8.5, trimHeight: 8.5, thickness: 0.002347, artPage: 4),
    PrintExpectation(slug: "pip-and-the-paper-moon", pageWidth: 621, pageHeight: 630, trimWidth: 8.5, trimHeight: 8.5, thickness: 0.002347, artPage: 4),
    PrintExpectation(slug: "which-way-juniper", pageWidth: 621, pageHeight: 630, trimWidth: 8.5, trimHeight: 8.5, thickness: 0.002347, artPage: 4),
    // A chapter book (teens): 6 x 9 in without bleed, cream paper.
    PrintExpectation(slug: "the-cartographer-of-tides", pageWidth: 432, pageHeight: 648, trimWidth: 6, trimHeight: 9, thickness: 0.0025, artPage: 3),
]

/// Runs `tale export print` on a sample book into a new folder.
private func exportSample(_ slug: String, _ extra: [String] = []) -> (folder: URL, run: (status: Int32, out: String, err: String)) {
    let folder = Support.temporaryFolder("print")
    let run = Support.tale(["export", "print", slug, "--frozen", "-o", folder.path, "--source", Support.packageRoot.path] + extra)
    return (folder, run)
}

/// `pdfinfo`'s fields.
private func pdfinfo(_ file: URL) -> [String: String] {
    let run = Support.run(URL(fileURLWithPath: "/usr/bin/pdfinfo"), [file.path])
    var fields: [String: String] = [:]
    for line in run.out.split(separator: "\n") {
        guard let colon = line.firstIndex(of: ":") else { continue }
        fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    return fields
}

/// `Page size: 621 x 630 pts` as numbers.
private func pageSize(_ fields: [String: String]) -> (Double, Double) {
    let parts = (fields["Page size"] ?? "").split(separator: " ")
    return (Double(parts.first ?? "") ?? 0, parts.count > 2 ? Double(parts[2]) ?? 0 : 0)
}

/// One page rendered by poppler's pdftoppm, kept in Tests/artifacts/print and decoded.
func render(_ pdf: URL, page: Int, dpi: Int = 30, name: String) throws -> PNGImage {
    let folder = Support.artifacts.appending(path: "print")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let stem = folder.appending(path: name)
    let run = Support.run(URL(fileURLWithPath: "/usr/bin/pdftoppm"),
                          ["-f", "\(page)", "-l", "\(page)", "-r", "\(dpi)", "-png", "-singlefile", pdf.path, stem.path])
    #expect(run.status == 0, "pdftoppm: \(run.err)")
    return try PNGImage(decoding: Array(try Data(contentsOf: stem.appendingPathExtension("png"))))
}

/// The share of pixels that are not near-white.
func ink(_ image: PNGImage) -> Double {
    var count = 0
    for index in stride(from: 0, to: image.pixels.count, by: 4) where min(image.pixels[index], image.pixels[index + 1], image.pixels[index + 2]) < 235 { count += 1 }
    return Double(count) / Double(image.width * image.height)
}

/// How many pixels have colour: channels more than 12 levels apart (anti-aliased black on white stays grey).
private func colouredPixels(_ image: PNGImage) -> Int {
    var count = 0
    for index in stride(from: 0, to: image.pixels.count, by: 4) {
        let channels = image.pixels[index..<index + 3]
        if channels.max()! - channels.min()! > 12 { count += 1 }
    }
    return count
}

/// The text of some pages, by poppler's pdftotext (which reads the fonts' ToUnicode maps).
func text(_ pdf: URL, first: Int? = nil, last: Int? = nil) -> String {
    var arguments = ["-layout"]
    if let first { arguments += ["-f", "\(first)"] }
    if let last { arguments += ["-l", "\(last)"] }
    return Support.run(URL(fileURLWithPath: "/usr/bin/pdftotext"), arguments + [pdf.path, "-"]).out
}

@Suite("Print: interior and cover PDFs for KDP")
struct PrintExportTests {
    @Test("every sample book: the PDFs render, the page size is the trim plus bleed, fonts are embedded, the page count is even and at least 24, and the cover matches KDP's formula",
          arguments: expectations)
    func sampleBook(_ expected: PrintExpectation) throws {
        let (folder, run) = exportSample(expected.slug)
        #expect(run.status == 0, "\(run.err)")
        let interior = folder.appending(path: "\(expected.slug)-interior.pdf"), cover = folder.appending(path: "\(expected.slug)-cover.pdf")
        let info = pdfinfo(interior)
        let pages = Int(info["Pages"] ?? "") ?? 0
        #expect(pages >= 24 && pages % 2 == 0, "\(pages) pages")
        #expect(pageSize(info) == (expected.pageWidth, expected.pageHeight), "\(info["Page size"] ?? "none")")
        #expect(info["Title"] != nil && info["Producer"] == "Tale")
        #expect(run.out.contains("Wrote \(folder.path)/\(expected.slug)-interior.pdf (\(pages) pages"), "\(run.out)")

        // Every font is embedded: pdffonts' `emb` column says yes on every row.
        let fonts = Support.run(URL(fileURLWithPath: "/usr/bin/pdffonts"), [interior.path]).out.split(separator: "\n").dropFirst(2)
        #expect(fonts.count == 2)
        // Embedded, subset (a tag like ABCDEF+ before the name) and with a Unicode map: emb, sub and uni all yes.
        for row in fonts { #expect(row.contains("CID TrueType") && row.contains("yes yes yes") && row.firstMatch(of: /^[A-Z]{6}\+DejaVuSerif/) != nil, "\(row)") }
        let size = try #require(try FileManager.default.attributesOfItem(atPath: interior.path)[.size] as? Int)
        #expect(size < 300_000, "\(size) bytes; with the fonts embedded whole it was over 450 KB")

        // The cover: 2 x trim + pages x thickness + 2 x 0.125 in wide, trim + 0.25 in high.
        let coverWidth = (2 * expected.trimWidth + Double(pages) * expected.thickness + 0.25) * 72
        let (width, height) = pageSize(pdfinfo(cover))
        #expect(abs(width - coverWidth) < 0.01, "cover \(width) pt, formula \(coverWidth) pt")
        #expect(height == (expected.trimHeight + 0.25) * 72)

        // The pages render, with ink where the picture is and real text on the title page.
        let art = try render(interior, page: expected.artPage, name: "\(expected.slug)-page-\(expected.artPage)")
        #expect(ink(art) > 0.25, "page \(expected.artPage) has \(ink(art)) ink")
        let title = try render(interior, page: 1, name: "\(expected.slug)-page-1")
        #expect(ink(title) > 0.002 && ink(title) < 0.2)
        let front = try render(cover, page: 1, name: "\(expected.slug)-cover")
        #expect(ink(front) > 0.3)
        let words = text(interior, first: 1, last: 1).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let source = try String(contentsOf: Support.packageRoot.appending(path: "content/\(expected.slug)/index.md"), encoding: .utf8)
        let bookTitle = source.split(separator: "\n").first { $0.hasPrefix("title:") }!.dropFirst(6).trimmingCharacters(in: .whitespaces)
        #expect(words.contains(bookTitle), "title page reads '\(words)'")
    }

    @Test("exporting twice gives the same bytes")
    func reproducible() throws {
        let first = exportSample("moss-and-the-lost-lantern").folder, second = exportSample("moss-and-the-lost-lantern").folder
        for name in ["moss-and-the-lost-lantern-interior.pdf", "moss-and-the-lost-lantern-cover.pdf"] {
            #expect(try Data(contentsOf: first.appending(path: name)) == Data(contentsOf: second.appending(path: name)))
        }
    }

    @Test("a choice prints as 'turn to page N', and page N starts the scene it leads to")
    func choicesTurnToPages() throws {
        let (folder, run) = exportSample("which-way-juniper")
        #expect(run.status == 0)
        let interior = folder.appending(path: "which-way-juniper-interior.pdf")
        let all = text(interior).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let match = try #require(all.firstMatch(of: /Climb the windy hill: turn to page (\d+)\./), "\(all.prefix(600))")
        let page = try #require(Int(match.1))
        // A picture book's scene starts with its picture on the left page; its words face it.
        let spread = text(interior, first: page, last: page + 1)
        #expect(spread.contains("The Windy Hill"), "pages \(page)-\(page + 1): \(spread)")
        #expect(!text(interior, first: page - 1, last: page - 1).contains("The Windy Hill"))
    }

    @Test("--coloring prints each picture as black line art on a right-hand page with a blank back")
    func coloringBook() throws {
        let (folder, run) = exportSample("moss-and-the-lost-lantern", ["--coloring"])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("8.5x11 in no bleed, white paper, coloring book"), "\(run.out)")
        let interior = folder.appending(path: "moss-and-the-lost-lantern-interior.pdf")
        #expect(pageSize(pdfinfo(interior)) == (612, 792))
        // Scene pictures on pages 3, 5, 7 ...; their backs (4, 6, 8 ...) are blank.
        for page in [3, 5, 7, 9] {
            let image = try render(interior, page: page, dpi: 40, name: "coloring-page-\(page)")
            #expect(colouredPixels(image) == 0, "page \(page) has \(colouredPixels(image)) coloured pixels")
            #expect(ink(image) > 0.01, "page \(page) has no lines")
            let back = try render(interior, page: page + 1, dpi: 20, name: "coloring-page-\(page + 1)")
            #expect(ink(back) == 0, "the back of page \(page) is not blank")
        }
    }

    @Test("a book with style: coloring prints as a coloring book by default, from the illustrator's own line art")
    func coloringStyle() throws {
        let project = Support.project([
            "content/colour-me/index.md": """
            ---
            title: Colour Me In
            author: Test
            age: 4-6
            style: coloring
            summary: A test.
            tags: [test]
            characters:
              - name: Pip
                role: hero
                looks: a small red fox with a blue scarf
            ---

            ## Pip at the Pond

            Pip the fox sits by the pond at night and looks at the moon.

            ## Pip in the Rain

            Rain falls on the meadow. Pip holds a big leaf over her head.

            """,
        ])
        #expect(Support.tale(["generate", "--source", project.path]).status == 0)
        let folder = project.appending(path: "print")
        let run = Support.tale(["export", "print", "colour-me", "-o", folder.path, "--source", project.path])
        #expect(run.status == 0, "\(run.err)")
        let interior = folder.appending(path: "colour-me-interior.pdf")
        #expect(pageSize(pdfinfo(interior)) == (612, 792))
        for page in [3, 5] {
            let image = try render(interior, page: page, dpi: 40, name: "colour-me-page-\(page)")
            #expect(colouredPixels(image) == 0 && ink(image) > 0.01, "page \(page): \(colouredPixels(image)) coloured pixels, ink \(ink(image))")
        }
    }

    @Test("a theme's print font that is not a TrueType font is an error that says what to give")
    func badThemeFont() {
        let project = Support.project([
            "content/fox/index.md": "---\ntitle: Fox\nsummary: A test.\ntags: [test]\n---\n\n## Hello {art=none}\n\nHello.\n",
            "themes/storybook/fonts/print-regular.ttf": "this is not a font",
        ])
        #expect(Support.tale(["generate", "--source", project.path]).status == 0)
        let check = Support.tale(["check", "--print", "--source", project.path])
        #expect(check.status == 1)
        #expect(check.err.contains("error: themes/storybook/fonts/print-regular.ttf is not a usable TrueType font: the file does not start like a TrueType font (OpenType CFF and collections are not supported)\n  hint: give a TrueType (.ttf) font file"), "\(check.err)")
    }

    @Test("a low-resolution PNG fails preflight with the page and the DPI; a sharp one passes")
    func lowResolutionPreflight() throws {
        let project = Support.project([
            "content/low/index.md": """
            ---
            title: Low
            author: Test
            age: 3-5
            summary: A test.
            tags: [test]
            ---

            ## The Pond {art="a pond"}

            ![A pond at dusk](images/pond.png)

            A frog sits by the pond.

            """,
        ])
        func png(_ width: Int, _ height: Int) throws {
            var pixels = [UInt8](repeating: 0, count: width * height * 4)
            for index in stride(from: 0, to: pixels.count, by: 4) { pixels[index + 1] = 120; pixels[index + 2] = 200; pixels[index + 3] = 255 }
            let folder = project.appending(path: "content/low/images")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(try PNGImage(width: width, height: height, pixels: pixels).encoded()).write(to: folder.appending(path: "pond.png"))
        }
        try png(400, 300)
        let first = Support.tale(["generate", "--source", project.path])
        #expect(first.status == 0, "\(first.err)")
        let check = Support.tale(["check", "--print", "--source", project.path])
        #expect(check.status == 1)
        #expect(check.err.contains("""
            content/low/index.md:11:19: error: page 4: the picture content/low/images/pond.png prints at 34 DPI (400 x 300 pixels over 11.67 x 8.75 in); KDP needs 300 DPI
              hint: give the picture at least 3500 x 2625 pixels
            """), "\(check.err)")
        #expect(check.err.contains("Print check found 1 problem in 1 book."))
        // The export still writes the files, and says why KDP may refuse them.
        let export = Support.tale(["export", "print", "low", "-o", project.appending(path: "print").path, "--source", project.path])
        #expect(export.status == 0)
        #expect(export.err.contains("warning: page 4: the picture content/low/images/pond.png prints at 34 DPI"))
        try png(3500, 2625)
        let sharp = Support.tale(["check", "--print", "--source", project.path])
        #expect(sharp.status == 0, "\(sharp.err)")
        #expect(sharp.out.contains("low: 24 pages at 8.5x8.5 in, cover 17.306 x 8.750 in: ready for KDP"), "\(sharp.out)")
    }

    @Test("a character the font cannot draw is named with its page and code point")
    func missingGlyph() throws {
        let project = Support.project([
            "content/fox/index.md": "---\ntitle: Fox\nauthor: Test\nsummary: A test.\ntags: [test]\n---\n\n## Hello {art=none}\n\nThe fox says 🦊 and runs.\n",
        ])
        #expect(Support.tale(["generate", "--source", project.path]).status == 0)
        let check = Support.tale(["check", "--print", "--source", project.path])
        #expect(check.status == 1)
        #expect(check.err.contains("content/fox/index.md:8:1: error: page 4: the font DejaVuSerif cannot draw '🦊' (U+1F98A); it would print as an empty box"), "\(check.err)")
    }

    @Test("print settings in front matter are checked, with the choices named")
    func frontMatterSettings() {
        let project = Support.project([
            "content/odd/index.md": "---\ntitle: Odd\nprint:\n  trim: 7x7\n  paper: glossy\n---\n\nText.\n",
        ])
        let check = Support.tale(["check", "--source", project.path])
        #expect(check.status == 1)
        #expect(check.err.contains("content/odd/index.md:4:9: error: print trim must be one of 6x9, 8x10, 8.5x8.5, 8.25x8.25, 8.5x11 (inches, width x height); found '7x7'"), "\(check.err)")
        #expect(check.err.contains("content/odd/index.md:5:10: error: paper must be one of white, cream, premium-color, standard-color; found 'glossy'"), "\(check.err)")
    }
}
