import TaleImage
import TalePDF

/// A line of text placed on a page.
public struct PlacedText: Sendable {
    /// The text.
    public var text: String
    /// Left end of the baseline, in points from the page's top-left corner.
    public var x: Double, baseline: Double
    /// The size in points.
    public var size: Double
    /// Whether it is set in the bold font.
    public var bold: Bool
    /// Its width in points.
    public var width: Double
    /// Its colour.
    public var color: RGBA = RGBA(34, 28, 24)

    /// The box the line occupies (ascenders to descenders, roughly).
    public var box: PDFRect { PDFRect(x: x, y: baseline - size * 0.8, width: width, height: size) }
}

/// A picture placed on a page: drawn into `box` (which may reach past the page to crop) and clipped to `clip`.
public struct PlacedArt: Sendable {
    /// The picture.
    public var art: PrintArt
    /// Where the whole picture goes.
    public var box: PDFRect
    /// What of it shows.
    public var clip: PDFRect
    /// Whether it runs into the bleed on purpose.
    public var bleeds: Bool
    /// Whether to draw it as black line art on white.
    public var lineArt: Bool
}

/// What a page is for.
public enum PageKind: String, Sendable {
    case title, copyright, belongsTo, art, text, blank, padding
}

/// One interior page, laid out.
public struct PrintPage: Sendable {
    /// The page number, from 1; odd pages are right-hand (recto).
    public var number: Int
    /// What it is for.
    public var kind: PageKind
    /// The scene it shows, if any.
    public var sceneID: String?
    /// Its text lines.
    public var texts: [PlacedText] = []
    /// Its pictures.
    public var arts: [PlacedArt] = []
    /// Outlined boxes (the drawing frame of a padding page) and lines (ruled note lines).
    public var frames: [PDFRect] = []
    /// Where the page is cut, in points from its top-left corner.
    public var trim: PDFRect
    /// Where text and pictures that do not bleed must stay (KDP's margins for this page).
    public var safe: PDFRect
}
