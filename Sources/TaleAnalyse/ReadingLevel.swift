import TaleCore

/// Counts that describe how hard a text is to read: words, sentences, syllables, the
/// Flesch-Kincaid grade, and minutes to read it (aloud for the youngest readers).
public struct ReadingLevel: Sendable, Equatable {
    /// Words in the text.
    public var words: Int
    /// Sentences (ended by `.`, `!` or `?`, or by the end of a paragraph).
    public var sentences: Int
    /// Syllables, estimated from vowel groups.
    public var syllables: Int

    /// Measures `text`.
    public init(_ text: String) {
        var words = 0, sentences = 0, syllables = 0
        for paragraph in text.split(whereSeparator: \.isNewline) {
            var open = false
            for token in paragraph.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                let letters = token.filter(\.isLetter)
                if !letters.isEmpty {
                    words += 1
                    syllables += ReadingLevel.syllables(in: letters.lowercased())
                    open = true
                }
                if open, let last = token.last(where: { !"\"'”’)".contains($0) }), ".!?".contains(last) {
                    sentences += 1
                    open = false
                }
            }
            if open { sentences += 1 }
        }
        self.words = words
        self.sentences = sentences
        self.syllables = syllables
    }

    /// The Flesch-Kincaid grade level, to one decimal (0 for an empty text).
    public var grade: Double {
        guard words > 0, sentences > 0 else { return 0 }
        let raw = 0.39 * Double(words) / Double(sentences) + 11.8 * Double(syllables) / Double(words) - 15.59
        return (raw * 10).rounded() / 10
    }

    /// Words per sentence, on average.
    public var wordsPerSentence: Double { sentences == 0 ? 0 : Double(words) / Double(sentences) }

    /// Whole minutes to read the text, at least 1: read aloud (120 words a minute) for kids,
    /// silently (200) for everyone else.
    public func minutes(for tier: AgeTier) -> Int {
        let pace = tier == .kids ? 120 : 200
        return max(1, (words + pace - 1) / pace)
    }

    /// Syllables in one lowercased word: vowel groups, less a silent final `e`, at least one.
    static func syllables(in word: String) -> Int {
        let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]
        var count = 0
        var previousWasVowel = false
        for character in word {
            let isVowel = vowels.contains(character)
            if isVowel && !previousWasVowel { count += 1 }
            previousWasVowel = isVowel
        }
        if word.hasSuffix("e"), !word.hasSuffix("le"), count > 1 { count -= 1 }
        return max(1, count)
    }
}
