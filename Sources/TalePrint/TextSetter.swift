import TalePDF

/// One set line: its text and width in points.
public struct SetLine: Sendable, Equatable {
    /// The text, with a hyphen added when a word was broken.
    public var text: String
    /// Its width at the size it was set.
    public var width: Double
}

/// Breaks text into lines that fit a width, measuring with the font's own advance widths.
/// Greedy, like most picture books' ragged-right setting; a word that does not fit is hyphenated
/// where `Hyphenation` allows, and a word that fits nowhere is left whole (preflight reports it).
public enum TextSetter {
    /// The lines of `text` at `size` points in `font`, each at most `width` points wide where possible;
    /// titles pass `hyphenate: false` and break only between words.
    public static func lines(_ text: String, font: TrueTypeFont, size: Double, width: Double, hyphenate: Bool = true) -> [SetLine] {
        var lines: [SetLine] = []
        var line = ""
        let space = font.width(" ", size: size)
        var lineWidth = 0.0
        func flush() {
            if !line.isEmpty { lines.append(SetLine(text: line, width: lineWidth)) }
            line = ""
            lineWidth = 0
        }
        for word in text.split(separator: " ") {
            var rest = String(word)
            while !rest.isEmpty {
                let restWidth = font.width(rest, size: size)
                let gap = line.isEmpty ? 0 : space
                if lineWidth + gap + restWidth <= width {
                    line += (line.isEmpty ? "" : " ") + rest
                    lineWidth += gap + restWidth
                    rest = ""
                    break
                }
                // Break the word where it may be broken and the first part (with its hyphen) still fits.
                let room = width - lineWidth - gap
                if hyphenate, let cut = Hyphenation.points(rest).reversed().first(where: { font.width(hyphenated(rest, $0), size: size) <= room }) {
                    let head = hyphenated(rest, cut)
                    line += (line.isEmpty ? "" : " ") + head
                    lineWidth += gap + font.width(head, size: size)
                    rest = String(rest.dropFirst(cut))
                    flush()
                    continue
                }
                if line.isEmpty {
                    // Too wide for any line: set it whole and let preflight say so.
                    line = rest
                    lineWidth = restWidth
                    rest = ""
                    flush()
                } else {
                    flush()
                }
            }
        }
        flush()
        return lines
    }

    /// The first `count` characters of `word` with a hyphen, unless they already end in one.
    static func hyphenated(_ word: String, _ count: Int) -> String {
        let head = String(word.prefix(count))
        return head.hasSuffix("-") ? head : head + "-"
    }
}

/// Where an English word may be hyphenated, by simple rules rather than a dictionary: after an
/// existing hyphen; between two consonants with vowels either side (`lan-tern`); before a single
/// consonant, or a pair that makes one sound (`th`, `ch`, `sh`, `ph`, `wh`, `ck`, `ng`, `gh`, `qu`),
/// between vowels (`pa-per`, `some-thing`). Never within the first or last three letters, never
/// in words under six letters.
public enum Hyphenation {
    /// Character offsets where the word may break, in increasing order.
    public static func points(_ word: String) -> [Int] {
        let characters = Array(word)
        // Letters only: trailing punctuation stays with the last part.
        let letters = characters.prefix { $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" }.count
        guard letters >= 6 else { return characters.firstIndex(of: "-").map { [$0 + 1] } ?? [] }
        func vowel(_ index: Int) -> Bool { index >= 0 && index < letters && "aeiouyAEIOUY".contains(characters[index]) }
        func consonant(_ index: Int) -> Bool { index >= 0 && index < letters && characters[index].isLetter && !vowel(index) }
        func pair(_ index: Int) -> String { index + 1 < letters ? String(characters[index...index + 1]).lowercased() : "" }
        let digraphs: Set<String> = ["th", "ch", "sh", "ph", "wh", "ck", "ng", "qu", "gh"]
        var found: [Int] = []
        for cut in 3...(letters - 3) {
            if characters[cut - 1] == "-" { found.append(cut); continue }
            guard characters[cut] != "-" else { continue }
            let twoConsonants = vowel(cut - 2) && consonant(cut - 1) && consonant(cut) && vowel(cut + 1) && !digraphs.contains(pair(cut - 1))
            let oneConsonant = vowel(cut - 1) && consonant(cut) && vowel(cut + 1)
            let oneSound = vowel(cut - 1) && digraphs.contains(pair(cut)) && vowel(cut + 2)
            if twoConsonants || oneConsonant || oneSound { found.append(cut) }
        }
        return found
    }
}
