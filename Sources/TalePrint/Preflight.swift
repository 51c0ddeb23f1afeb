import TaleCore
import TalePDF

/// The checks `tale check --print` runs on a laid-out book before it goes to KDP: pictures under
/// 300 DPI at their printed size, text or pictures in the unsafe zone, characters the font cannot
/// draw, pictures that cannot be printed, and page counts KDP refuses. Each problem names the
/// page and the fix.
public enum Preflight {
    /// Every problem with the interior and the cover.
    public static func problems(_ interior: InteriorLayout, cover: CoverLayout, book: PrintBook, fonts: PrintFonts) -> [PrintError] {
        var problems: [PrintError] = []
        let point = 72.0
        for page in interior.pages {
            let scene = book.scenes.first { $0.id == page.sceneID }?.location
            for text in page.texts where !page.safe.contains(text.box) {
                problems.append(PrintError(page: page.number, message: "text \"\(text.text.prefix(30))\" reaches into the unsafe zone (KDP's margins are \(margins(interior)))",
                                             fix: "shorten the word or break it with a hyphen; long words that fit no line stay whole", location: scene))
            }
            for art in page.arts {
                if !art.bleeds, !page.safe.contains(art.clip) {
                    problems.append(PrintError(page: page.number, message: "the picture \(art.art.source) reaches into the unsafe zone",
                                                 fix: "this is a bug in Tale's layout; please report it with the book"))
                }
                problems += check(art, page: page.number)
            }
            for text in page.texts {
                let font = text.bold ? fonts.bold : fonts.regular
                let missing = font.missingCharacters(in: text.text)
                if !missing.isEmpty {
                    problems.append(PrintError(page: page.number, message: "the font \(font.postScriptName) cannot draw \(missing.map { "'\($0)' (U+\(hex($0)))" }.joined(separator: ", ")); it would print as an empty box",
                                                 fix: "replace the character in the book, or give your theme a fonts/print-regular.ttf and print-bold.ttf that have it", location: scene))
                }
            }
        }
        let count = interior.pages.count
        if count > KDP.maximumPages(interior.options.paper) {
            problems.append(PrintError(page: nil, message: "the interior has \(count) pages; KDP prints at most \(KDP.maximumPages(interior.options.paper)) on \(interior.options.paper.rawValue) paper",
                                         fix: "split the book in two, or choose a larger trim so more fits a page"))
        }
        if count % 2 != 0 || count < KDP.minimumPages(interior.options.paper) {
            problems.append(PrintError(page: nil, message: "the interior has \(count) pages; KDP needs an even count of at least \(KDP.minimumPages(interior.options.paper))",
                                         fix: "this is a bug in Tale's padding; please report it with the book"))
        }
        // The cover.
        let coverSafe = PDFRect(x: cover.back.x, y: cover.back.y, width: cover.front.maxX - cover.back.x, height: cover.back.height).inset(KDP.coverSafeInset * point)
        for text in cover.texts {
            if !coverSafe.contains(text.box) || (text.box.x < cover.spine.maxX && text.box.maxX > cover.spine.x) {
                problems.append(PrintError(page: 0, message: "cover text \"\(text.text.prefix(30))\" is within \(KDP.coverSafeInset) in of the trim or crosses the spine",
                                             fix: "shorten the title or the summary"))
            }
            if intersects(text.box, cover.barcode) {
                problems.append(PrintError(page: 0, message: "the back cover's text runs into the barcode area (\(KDP.barcodeWidth) x \(KDP.barcodeHeight) in at the lower right)",
                                             fix: "shorten the book's summary"))
            }
        }
        for text in cover.spineTexts where text.width > cover.spine.height - 2 * KDP.coverSafeInset * point || text.size < 6 {
            problems.append(PrintError(page: 0, message: "the spine text \"\(text.text.prefix(30))\" does not fit the spine (\(inches(cover.spineWidth / point)) in wide)",
                                         fix: "shorten the title on the spine"))
        }
        if let art = cover.art { problems += check(art, page: 0) }
        return problems
    }

    /// Resolution and printability of one placed picture.
    static func check(_ art: PlacedArt, page: Int) -> [PrintError] {
        switch art.art.artwork {
        case .vector:
            return []
        case .unprintable(let reason):
            return [PrintError(page: page, message: "the picture \(art.art.source) cannot be printed: \(reason)",
                                 fix: "give a PNG of at least \(pixels(art.box.width)) x \(pixels(art.box.height)) pixels instead, or simplify the SVG",
                                 location: art.art.location)]
        case .pixels(let image):
            let inchesWide = art.box.width / 72, inchesHigh = art.box.height / 72
            let dpi = min(Double(image.width) / inchesWide, Double(image.height) / inchesHigh)
            guard dpi < KDP.minimumDPI - 0.5 else { return [] }
            return [PrintError(page: page, message: "the picture \(art.art.source) prints at \(Int(dpi.rounded())) DPI (\(image.width) x \(image.height) pixels over "
                                 + "\(inches(inchesWide)) x \(inches(inchesHigh)) in); KDP needs \(Int(KDP.minimumDPI)) DPI",
                                 fix: "give the picture at least \(pixels(art.box.width)) x \(pixels(art.box.height)) pixels",
                                 location: art.art.location)]
        }
    }

    /// Inches with two decimals: `5.67`.
    static func inches(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    static func pixels(_ points: Double) -> Int { Int((points / 72 * KDP.minimumDPI).rounded(.up)) }

    static func intersects(_ a: PDFRect, _ b: PDFRect) -> Bool { a.x < b.maxX && b.x < a.maxX && a.y < b.maxY && b.y < a.maxY }

    static func hex(_ character: Character) -> String {
        let value = character.unicodeScalars.first?.value ?? 0
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    static func margins(_ interior: InteriorLayout) -> String {
        let outside = KDP.minimumOutsideMargin(bleed: interior.options.bleed)
        return "\(KDP.insideMargin(pages: interior.pages.count)) in inside, \(outside) in elsewhere"
    }
}
