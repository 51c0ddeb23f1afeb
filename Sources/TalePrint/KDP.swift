import TaleCore

/// Amazon KDP's rules for paperbacks, in inches unless a name says otherwise. Sources are named
/// in docs/print.md; every number Tale checks or lays out by is here.
public enum KDP {
    /// Bleed beyond the trim: on the top, bottom and outside edge of interior pages, on every edge of a cover.
    public static let bleed = 0.125
    /// The fewest pages a paperback may have.
    public static let minimumPages = 24
    /// The fewest pages a book may have for text on its spine.
    public static let spineTextMinimumPages = 79
    /// Room kept on each side of spine text.
    public static let spineTextMargin = 0.0625
    /// Text on a cover stays this far inside the trim.
    public static let coverSafeInset = 0.125
    /// The area KDP prints the barcode in, at the lower right of the back cover, this far from the spine and the bottom trim.
    public static let barcodeWidth = 2.0, barcodeHeight = 1.2, barcodeInset = 0.25
    /// Pictures print sharply at this many pixels an inch or more.
    public static let minimumDPI = 300.0

    /// The inside (gutter) margin a book of `pages` pages needs.
    public static func insideMargin(pages: Int) -> Double {
        switch pages {
        case ...150: return 0.375
        case 151...300: return 0.5
        case 301...500: return 0.625
        case 501...700: return 0.75
        default: return 0.875
        }
    }

    /// The least outside (top, bottom and outer) margin: larger with bleed, because trimming wanders.
    public static func minimumOutsideMargin(bleed: Bool) -> Double { bleed ? 0.375 : 0.25 }

    /// The most pages KDP prints on this paper.
    public static func maximumPages(_ paper: PrintPaper) -> Int { paper == .standardColor ? 600 : 828 }

    /// The fewest pages KDP prints on this paper.
    public static func minimumPages(_ paper: PrintPaper) -> Int { paper == .standardColor ? 72 : minimumPages }

    /// The thickness of one page (a sheet is two pages).
    public static func pageThickness(_ paper: PrintPaper) -> Double {
        switch paper {
        case .white, .standardColor: return 0.002252
        case .cream: return 0.0025
        case .premiumColor: return 0.002347
        }
    }

    /// The spine's width for `pages` pages on `paper`.
    public static func spineWidth(pages: Int, paper: PrintPaper) -> Double { Double(pages) * pageThickness(paper) }

    /// The size of the cover wrap: back, spine and front with bleed on every edge.
    public static func coverSize(trim: PrintTrim, pages: Int, paper: PrintPaper) -> (width: Double, height: Double) {
        (2 * trim.width + spineWidth(pages: pages, paper: paper) + 2 * bleed, trim.height + 2 * bleed)
    }

    /// The size of an interior page: the trim, plus bleed on the outside edge, top and bottom when asked.
    public static func pageSize(trim: PrintTrim, bleed withBleed: Bool) -> (width: Double, height: Double) {
        withBleed ? (trim.width + bleed, trim.height + 2 * bleed) : (trim.width, trim.height)
    }
}
