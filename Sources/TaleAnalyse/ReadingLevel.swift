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

    /// Measures `text`. Paragraphs end at line breaks and words at spaces and tabs; a word counts
    /// when it has a letter. ASCII words are measured on their bytes, others as characters.
    public init(_ text: String) {
        var words = 0, sentences = 0, syllables = 0
        let bytes = Array(text.utf8)
        var open = false
        var index = 0, tokenStart = 0
        func finishToken(_ end: Int) {
            guard end > tokenStart else { return }
            let token = bytes[tokenStart..<end]
            if token.allSatisfy({ $0 < 0x80 }) {
                // The word's letters, lowercased, counted as they come: no array per word.
                var counter = SyllableCounter()
                for byte in token {
                    if byte >= 0x61 && byte <= 0x7A { counter.add(byte) } else if byte >= 0x41 && byte <= 0x5A { counter.add(byte + 32) }
                }
                if counter.letters > 0 {
                    words += 1
                    syllables += counter.syllables
                    open = true
                }
                // The last byte that is not a closing quote or bracket ends a sentence when it is . ! or ?
                if open, let last = token.last(where: { $0 != 0x22 && $0 != 0x27 && $0 != 0x29 }), last == 0x2E || last == 0x21 || last == 0x3F {
                    sentences += 1
                    open = false
                }
            } else {
                let word = String(decoding: token, as: UTF8.self)
                let letters = word.filter(\.isLetter)
                if !letters.isEmpty {
                    words += 1
                    syllables += ReadingLevel.syllables(in: letters.lowercased())
                    open = true
                }
                if open, let last = word.last(where: { !"\"'”’)".contains($0) }), ".!?".contains(last) {
                    sentences += 1
                    open = false
                }
            }
        }
        func finishParagraph() {
            if open { sentences += 1 }
            open = false
        }
        while index < bytes.count {
            let byte = bytes[index]
            // Line breaks: LF, VT, FF, CR, and NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR in UTF-8.
            var lineBreak = 0
            if byte >= 0x0A && byte <= 0x0D { lineBreak = 1 } else if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0x85 {
                lineBreak = 2
            } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                lineBreak = 3
            }
            if lineBreak > 0 {
                finishToken(index)
                finishParagraph()
                index += lineBreak
                tokenStart = index
            } else if byte == 0x20 || byte == 0x09 {
                finishToken(index)
                index += 1
                tokenStart = index
            } else {
                index += 1
            }
        }
        finishToken(bytes.count)
        finishParagraph()
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

    /// Syllables in one lowercased ASCII word (as bytes), by the same rule as `syllables(in:)`.
    static func syllables(ascii word: [UInt8]) -> Int {
        var counter = SyllableCounter()
        for byte in word { counter.add(byte) }
        return counter.syllables
    }

    /// Counts the syllables of a lowercased ASCII word fed one letter at a time.
    struct SyllableCounter {
        private(set) var letters = 0
        private var groups = 0
        private var previousWasVowel = false
        private var last: UInt8 = 0
        private var beforeLast: UInt8 = 0

        mutating func add(_ byte: UInt8) {
            let isVowel = byte == 0x61 || byte == 0x65 || byte == 0x69 || byte == 0x6F || byte == 0x75 || byte == 0x79
            if isVowel && !previousWasVowel { groups += 1 }
            previousWasVowel = isVowel
            beforeLast = last
            last = byte
            letters += 1
        }

        /// Vowel groups, less a silent final `e` (not after `l`), at least one.
        var syllables: Int {
            let silentE = last == 0x65 && !(letters >= 2 && beforeLast == 0x6C) && groups > 1
            return max(1, groups - (silentE ? 1 : 0))
        }
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
