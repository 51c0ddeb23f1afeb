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

    /// The words in `text` that are too strong for `tier`, in order.
    public static func check(_ text: String, tier: AgeTier) -> [ModerationFinding] {
        guard let rules = lexicon[tier], !rules.isEmpty else { return [] }
        let words = Words(text)
        var findings: [ModerationFinding] = []
        for (index, word) in words.normalized.enumerated() where !word.isEmpty {
            let next = index + 1 < words.count ? words.normalized[index + 1] : ""
            for category in ModerationCategory.allCases {
                for entry in rules[category] ?? [] where matches(entry, word: word, next: next) {
                    let written = words.original[index].trimmingCharacters(in: .punctuationCharacters.union(.symbols))
                    findings.append(ModerationFinding(word: written, category: category, wordIndex: index))
                }
            }
        }
        return findings
    }

    private static func matches(_ entry: String, word: String, next: String) -> Bool {
        if entry.contains(" ") { return entry == word + " " + next }
        if entry.hasSuffix("*") { return word.hasPrefix(entry.dropLast()) }
        return word == entry
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
