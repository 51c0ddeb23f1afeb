import Foundation

/// A print book's trimmed page size in inches, written `WIDTHxHEIGHT` (`8.5x8.5`).
public struct PrintTrim: Sendable, Equatable, CustomStringConvertible {
    /// Width and height in inches.
    public var width: Double, height: Double

    /// A trim size.
    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// Reads `8.5x8.5` (also `8.5 x 8.5` and `8.5×8.5`); nil when it is not two positive numbers.
    public init?(_ text: String) {
        let parts = text.lowercased().replacingOccurrences(of: "×", with: "x").split(separator: "x").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let width = Double(parts[0]), let height = Double(parts[1]), width > 0, height > 0 else { return nil }
        self.init(width: width, height: height)
    }

    /// `8.5x8.5`.
    public var description: String { "\(PrintTrim.inches(width))x\(PrintTrim.inches(height))" }

    /// The trims Tale lays out for: KDP's common paperback sizes for picture, coloring and chapter books.
    public static let common = ["6x9", "8x10", "8.5x8.5", "8.25x8.25", "8.5x11"].compactMap(PrintTrim.init)

    /// Inches without a trailing `.0`.
    static func inches(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

/// The paper a print book is printed on, which sets the spine's thickness per page.
public enum PrintPaper: String, Sendable, CaseIterable {
    /// Black and white ink on white paper.
    case white
    /// Black and white ink on cream paper.
    case cream
    /// Premium colour ink on white paper.
    case premiumColor = "premium-color"
    /// Standard colour ink on white paper.
    case standardColor = "standard-color"
}

/// The `print:` settings of a book's front matter; nil fields take Tale's defaults.
public struct PrintMatter: Sendable, Equatable {
    /// The trim size, one of `PrintTrim.common`.
    public var trim: PrintTrim?
    /// The paper.
    public var paper: PrintPaper?
    /// Whether art runs to the page edges (bleed).
    public var bleed: Bool?
    /// Whether to print the line-art version of each picture for colouring in.
    public var coloring: Bool?

    /// No settings.
    public init() {}
}
