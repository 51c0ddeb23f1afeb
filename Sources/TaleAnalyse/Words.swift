/// A scene's words, lowercased and stripped of punctuation, in order; cue positions index into them.
public struct Words: Sendable, Equatable {
    /// Each word as written (with its punctuation), in order.
    public var original: [String]
    /// Each word lowercased, letters and digits only (apostrophes kept inside: "wasn't").
    public var normalized: [String]

    /// Splits `text` on white space, the same way the reader's read-aloud does.
    public init(_ text: String) {
        original = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        normalized = original.map { word in
            let lowered = word.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
            let kept = lowered.filter { $0.isLetter || $0.isNumber || $0 == "'" }
            return String(kept.drop { $0 == "'" }.reversed().drop { $0 == "'" }.reversed())
        }
    }

    /// How many words.
    public var count: Int { normalized.count }
}
