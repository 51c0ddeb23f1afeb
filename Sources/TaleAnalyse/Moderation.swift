import Foundation
import TaleCore

/// What a moderation rule is about.
public enum ModerationCategory: String, Sendable, CaseIterable {
    case violence, fear, romance, language
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

    /// A tier's lexicon made quick to look up: whole words in a table, stems in lists by their
    /// first byte (a word is compared with the two or three that start as it does, not all forty),
    /// pairs in a list.
    struct Rules: Sendable {
        var words: [String: ModerationCategory] = [:]
        var stems: [[(stem: [UInt8], category: ModerationCategory)]] = Array(repeating: [], count: 256)
        var pairs: [(String, String, ModerationCategory)] = []
        var hasStems = false

        /// The category of the first stem `word` starts with, in the lexicon's order.
        func stem(of word: String) -> ModerationCategory? {
            guard let first = word.utf8.first else { return nil }
            return stems[Int(first)].first { word.utf8.starts(with: $0.stem) }?.category
        }
    }

    static let rules: [AgeTier: Rules] = {
        var result: [AgeTier: Rules] = [:]
        for (tier, categories) in lexicon {
            var rules = Rules()
            for category in ModerationCategory.allCases {
                for entry in categories[category] ?? [] {
                    if entry.hasSuffix("*") {
                        let stem = Array(entry.utf8.dropLast())
                        rules.stems[Int(stem[0])].append((stem, category))
                        rules.hasStems = true
                    } else if entry.contains(" ") {
                        let parts = entry.split(separator: " ")
                        rules.pairs.append((String(parts[0]), String(parts[1]), category))
                    } else { rules.words[entry] = category }
                }
            }
            result[tier] = rules
        }
        return result
    }()

    /// The words in `text` that are too strong for `tier`, in order.
    public static func check(_ text: String, tier: AgeTier) -> [ModerationFinding] {
        guard let rules = rules[tier], !rules.words.isEmpty || rules.hasStems else { return [] }
        let words = Words(text)
        var findings: [ModerationFinding] = []
        for (index, word) in words.normalized.enumerated() where !word.isEmpty {
            var category = rules.words[word]
            if category == nil { category = rules.stem(of: word) }
            if category == nil, index + 1 < words.count {
                let next = words.normalized[index + 1]
                category = rules.pairs.first { $0.0 == word && $0.1 == next }?.2
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
