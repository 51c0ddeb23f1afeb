import Foundation
import TaleCore
import TaleFont
import TaleRender

/// The literacy font the storybook theme reads in: Andika, by SIL International, under the SIL
/// Open Font License 1.1, taken from Debian's `fonts-sil-andika` where it is installed (the
/// project's install step installs it). Each face is packed whole as WOFF, every table kept, so
/// it is still Andika and may keep that Reserved Font Name (subsetting would make it a modified
/// font that must be renamed). The licence is published beside the fonts, and `assets/fonts.css`
/// holds the `@font-face` rules with `font-display: swap`, so text shows at once in the next
/// face of the stack and changes when the font arrives. Without the package no font is
/// published, and pages read in the reader's own fonts.
enum ThemeFonts {
    /// One face: its file in the package, and its weight.
    struct Face: Sendable {
        /// Like `Andika-Regular.ttf`.
        var file: String
        /// 400 or 700.
        var weight: Int
    }

    /// The family name the theme's CSS asks for.
    static let family = "Andika"
    /// Where Debian (or a hand install) puts the faces.
    static let folders = ["/usr/share/fonts/truetype/andika", "/usr/local/share/fonts/andika", "/usr/local/share/fonts/truetype/andika"]
    /// The faces published: the words (regular) and headings and buttons (bold).
    static let faces = [Face(file: "Andika-Regular.ttf", weight: 400), Face(file: "Andika-Bold.ttf", weight: 700)]
    /// Debian's copyright file for the package, which holds the licence's full text.
    static let licences = ["/usr/share/doc/fonts-sil-andika/copyright", "/usr/local/share/fonts/andika/OFL.txt"]

    /// The files to publish as `(logical path, hashed path, bytes)`: the WOFF faces, the licence,
    /// and `assets/fonts.css` naming them; none when the font or its licence is not installed.
    static func files(derived: DerivedImages, folders: [String] = folders, licences: [String] = licences) -> [(path: String, hashed: String, bytes: [UInt8])] {
        guard let folder = folders.first(where: { folder in faces.allSatisfy { FileManager.default.fileExists(atPath: folder + "/" + $0.file) } }),
              let licence = licences.lazy.compactMap({ FileManager.default.contents(atPath: $0) }).first else { return [] }
        var files: [(path: String, hashed: String, bytes: [UInt8])] = []
        func add(_ path: String, _ bytes: [UInt8]) -> String {
            let hashed = AssetNames.hashedThemeAsset(path, bytes: bytes)
            files.append((path, hashed, bytes))
            return hashed
        }
        let licencePath = add("assets/fonts/andika-licence.txt", Array(licence))
        var rules = "/* \(family), by SIL International, under the SIL Open Font License 1.1: \(relative(licencePath)).\n"
            + "   Packed whole as WOFF by Tale; every table is the original's. */\n"
        for face in faces {
            let source = folder + "/" + face.file
            // Keyed by the file's size and time, so an unchanged font is not read again to be hashed.
            guard let info = try? FileManager.default.attributesOfItem(atPath: source),
                  let size = info[.size] as? Int, let time = info[.modificationDate] as? Date else { return [] }
            let packed = derived.file("woff-1 \(source) \(size) \(time.timeIntervalSince1970)", fileExtension: "woff") {
                guard let data = FileManager.default.contents(atPath: source), let font = try? SFNTFont(Array(data)) else { return nil }
                return try? WOFF.encode(font)
            }
            guard let packed else { return [] }
            let name = face.file.lowercased().replacingOccurrences(of: ".ttf", with: ".woff")
            let path = add("assets/fonts/\(name)", packed.bytes)
            rules += "@font-face { font-family: \"\(family)\"; src: url(\"\(relative(path))\") format(\"woff\"); font-weight: \(face.weight); "
                + "font-style: normal; font-display: swap; }\n"
        }
        _ = add("assets/fonts.css", Array(rules.utf8))
        return files
    }

    /// A path under `assets/` as the CSS file in `assets/` names it.
    private static func relative(_ path: String) -> String { String(path.dropFirst("assets/".count)) }
}
