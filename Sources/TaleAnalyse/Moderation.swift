import Foundation
import TaleCore

/// What a moderation rule is about.
public enum ModerationCategory: String, Sendable, CaseIterable {
    /// Killing, fighting and weapons.
    case violence
    /// Horror and things meant to terrify.
    case fear
    /// Romance and sex beyond the age.
    case romance
    /// Rude words.
    case language
    /// A threat to hurt someone ("rip you apart").
    case threat
    /// Dying and the dead ("going to die").
    case death
    /// Wounds ("bleeding", "broken bones").
    case injury
    /// Blood and guts described ("sharp bloody teeth").
    case gore
    /// Words that demean people.
    case slur
}

/// One word in a text that is too strong for the book's age tier.
public struct ModerationFinding: Sendable, Equatable {
    /// The word as written.
    public var word: String
    /// Which rule it broke.
    public var category: ModerationCategory
    /// Its index among the text's words (as `Words` splits them).
    public var wordIndex: Int
}

/// Offline moderation by age tier: a lexicon per tier and category. The writer's own text gets
/// warnings; generated text that breaks a rule is made again, a bounded number of times.
public enum Moderation {
    /// Words (lowercase) too strong for a tier; a trailing `*` matches any ending.
    static let lexicon: [AgeTier: [ModerationCategory: [String]]] = [
        .kids: [
            .violence: ["kill*", "murder*", "blood*", "gun", "guns", "gunfire", "gunshot*", "knife", "knives", "stab*", "shoot", "shooting",
                        "weapon*", "corpse*", "slaughter*", "strangle*", "behead*", "massacre*", "torture*", "bomb*", "war", "wars"],
            .fear: ["horror*", "horrif*", "terrif*", "gore", "gory", "demon*", "nightmarish", "haunted", "haunting", "zombie*", "monstrous"],
            .romance: ["sex*", "naked", "nude", "seduc*", "lover*", "kissing", "flirt*", "dating"],
            .language: ["damn*", "hell", "crap*", "stupid", "idiot*", "dumb", "shut up", "shit*", "fuck*", "bastard*", "bitch*", "ass", "arse"],
        ],
        .teens: [
            .violence: ["slaughter*", "behead*", "dismember*", "massacre*", "torture*", "mutilat*"],
            .fear: ["gore", "gory", "disembowel*"],
            .romance: ["sex", "sexual*", "naked", "nude", "seduc*"],
            .language: ["shit*", "fuck*", "bastard*", "bitch*", "cunt*"],
        ],
        .adults: [:],
    ]

    /// A tier's lexicon made quick to look up: whole words in a table; stems as runs of one byte
    /// buffer, grouped by their first byte (a word is compared with the two or three that start as it
    /// does, not all forty) and held in plain values, so a lookup retains nothing; pairs in a list.
    struct Rules: Sendable {
        /// A stem: where its bytes lie in `stemBytes`, and its category.
        struct Stem: Sendable {
            var start: Int
            var count: Int
            var category: ModerationCategory
        }

        var words: [String: ModerationCategory] = [:]
        /// A quick "no" for words `words` does not hold; set once the words are in.
        var wordFilter = WordFilter([])
        var stemBytes: [UInt8] = []
        /// The stems, sorted by first byte and otherwise in the lexicon's order.
        var stems: [Stem] = []
        /// For each first byte, the range of `stems` that start with it.
        var stemRanges: [Range<Int>] = Array(repeating: 0..<0, count: 256)
        var pairs: [(String, String, ModerationCategory)] = []
        var hasStems: Bool { !stems.isEmpty }

        /// Adds stems in the lexicon's order; call once, with all of them.
        mutating func setStems(_ list: [(stem: [UInt8], category: ModerationCategory)]) {
            for first in 0..<256 {
                let start = stems.count
                for (stem, category) in list where Int(stem[0]) == first {
                    stems.append(Stem(start: stemBytes.count, count: stem.count, category: category))
                    stemBytes += stem
                }
                stemRanges[first] = start..<stems.count
            }
        }

        /// The category of the first stem `word` starts with, in the lexicon's order.
        func stem(of word: String) -> ModerationCategory? {
            var word = word
            return word.withUTF8 { utf8 -> ModerationCategory? in
                guard let first = utf8.first else { return nil }
                return stemBytes.withUnsafeBufferPointer { bytes in
                    stems.withUnsafeBufferPointer { stems in
                        for index in stemRanges[Int(first)] {
                            let stem = stems[index]
                            guard stem.count <= utf8.count else { continue }
                            if memcmp(utf8.baseAddress!, bytes.baseAddress! + stem.start, stem.count) == 0 { return stem.category }
                        }
                        return nil
                    }
                }
            }
        }
    }

    static let rules: [AgeTier: Rules] = {
        var result: [AgeTier: Rules] = [:]
        for (tier, categories) in lexicon {
            var rules = Rules()
            var stems: [(stem: [UInt8], category: ModerationCategory)] = []
            for category in ModerationCategory.allCases {
                for entry in categories[category] ?? [] {
                    if entry.hasSuffix("*") {
                        stems.append((Array(entry.utf8.dropLast()), category))
                    } else if entry.contains(" ") {
                        let parts = entry.split(separator: " ")
                        rules.pairs.append((String(parts[0]), String(parts[1]), category))
                    } else { rules.words[entry] = category }
                }
            }
            rules.setStems(stems)
            rules.wordFilter = WordFilter(rules.words.keys)
            result[tier] = rules
        }
        return result
    }()

    /// The words and phrases in `text` that are too strong for `tier`, in order: the word lists,
    /// then the phrases of `ModerationPhrases` (threats, death, injury, gore, ...) where no word was found.
    public static func check(_ text: String, tier: AgeTier) -> [ModerationFinding] {
        let words = Words(text)
        let found = checkWords(words, tier: tier)
        let taken = Set(found.map(\.wordIndex))
        let phrases = ModerationPhrases.check(words, tier: tier).filter { !taken.contains($0.wordIndex) }
        return phrases.isEmpty ? found : (found + phrases).sorted { $0.wordIndex < $1.wordIndex }
    }

    /// The words of the tier's word lists in `words`.
    static func checkWords(_ words: Words, tier: AgeTier) -> [ModerationFinding] {
        guard let rules = rules[tier], !rules.words.isEmpty || rules.hasStems else { return [] }
        var findings: [ModerationFinding] = []
        for index in words.normalized.indices where !words.normalized[index].isEmpty {
            let word = words.normalized[index]
            var category = rules.wordFilter.mayContain(word) ? rules.words[word] : nil
            if category == nil { category = rules.stem(of: word) }
            if category == nil, index + 1 < words.count {
                for pair in rules.pairs where pair.0 == word && pair.1 == words.normalized[index + 1] {
                    category = pair.2
                    break
                }
            }
            guard let category else { continue }
            let written = words.original[index].trimmingCharacters(in: .punctuationCharacters.union(.symbols))
            findings.append(ModerationFinding(word: written, category: category, wordIndex: index))
        }
        return findings
    }

    /// The reader's words for a tier, for messages: "a kids' book".
    public static func describe(_ tier: AgeTier) -> String {
        switch tier {
        case .kids: return "a kids' book"
        case .teens: return "a teen book"
        case .adults: return "an adult book"
        }
    }
}
