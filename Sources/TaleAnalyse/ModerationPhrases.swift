import Foundation
import TaleCore

/// Moderation by meaning: phrases that are too strong for a tier although none of their words is
/// ("rip you apart", "going to die"), unless they are denied ("nobody is going to die") or
/// pretend ("the wolf pretended to be scary", "in the game").
enum ModerationPhrases {
    /// A phrase: words in order; `*` stands for any one word, and a trailing `*` on a word for any ending.
    struct Pattern: Sendable {
        var words: [String]
        var category: ModerationCategory
    }

    /// The phrases of each tier. Teen books keep only the gravest out; adult books have none.
    static let patterns: [AgeTier: [Pattern]] = [.kids: kids, .teens: teens, .adults: []]

    /// A tier's phrases by their first word, so each word of a book is tried against the few
    /// phrases that can start there rather than all of them.
    struct Lookup: Sendable {
        /// The phrases, in the order they are tried.
        let list: [Pattern]
        /// Positions in `list` of the phrases starting with each plain word, in order.
        let byFirstWord: [String: [Int]]
        /// Positions in `list` of the phrases whose first word is `*` or ends in `*`, in order.
        let wildFirst: [Int]

        init(_ list: [Pattern]) {
            self.list = list
            var byFirstWord: [String: [Int]] = [:], wildFirst: [Int] = []
            for (index, pattern) in list.enumerated() {
                guard let first = pattern.words.first else { continue }
                if first.hasSuffix("*") { wildFirst.append(index) } else { byFirstWord[first, default: []].append(index) }
            }
            self.byFirstWord = byFirstWord
            self.wildFirst = wildFirst
        }

        /// The first phrase of `list` that matches `words` at `start`, as trying them all in order would find.
        func firstMatch(_ words: [String], at start: Int) -> Pattern? {
            var best = (byFirstWord[words[start]] ?? []).first { matches(list[$0].words, words, at: start) }
            if let wild = wildFirst.first(where: { $0 < (best ?? Int.max) && matches(list[$0].words, words, at: start) }) { best = wild }
            return best.map { list[$0] }
        }
    }

    /// Each tier's `Lookup`.
    static let lookups: [AgeTier: Lookup] = patterns.mapValues(Lookup.init)

    static let kids: [Pattern] = {
        var list: [Pattern] = []
        list += phrases(.threat, ["rip you apart", "rip * apart", "rip * to pieces", "tear you apart", "tear * to pieces", "going to hurt you",
                                  "gonna hurt you", "i'll hurt you", "kill you", "you're dead", "you are dead", "going to eat you",
                                  "eat you alive", "break your neck", "end you"])
        list += phrases(.death, ["going to die", "gonna die", "will die", "is dead", "was dead", "are dead", "were dead", "lay dead", "died",
                                 "dead body", "dead bodies", "drowned", "to death", "be killed", "got killed"])
        list += phrases(.injury, ["bleeding", "bled", "broken bones", "broke * neck", "badly hurt", "badly wounded", "wounded", "stabbed"])
        list += phrases(.gore, ["bloody teeth", "dripping blood", "guts", "torn flesh", "ripped flesh", "entrails", "severed"])
        list += phrases(.romance, ["kissed passionately", "made love", "in bed together"])
        list += phrases(.slur, ["retard*", "fatso", "spaz*"])
        return list
    }()

    static let teens: [Pattern] = phrases(.gore, ["torn flesh", "ripped flesh", "entrails", "severed head"]) + phrases(.slur, ["retard*", "spaz*"])

    private static func phrases(_ category: ModerationCategory, _ list: [String]) -> [Pattern] {
        list.map { Pattern(words: $0.split(separator: " ").map(String.init), category: category) }
    }

    /// Idioms that hold a listed phrase but mean no harm.
    static let idioms: [[String]] = [["scared", "to", "death"], ["bored", "to", "death"], ["tickled", "to", "death"], ["died", "laughing"],
                                     ["dying", "to"], ["laughed", "to", "death"]]

    /// Words that deny what follows them within three words.
    static let negations: Set<String> = ["not", "never", "no", "nobody", "isn't", "wasn't", "won't", "didn't", "don't", "doesn't", "aren't",
                                         "weren't", "couldn't", "wouldn't", "nothing"]

    /// Words that make a sentence pretend: threats and fear in it are play, not harm.
    static let pretence: [String] = ["pretend", "pretended", "pretending", "pretends", "make-believe", "game", "playing", "played", "costume",
                                     "joked", "joking", "teased", "teasing", "giggled", "laughed"]

    /// The phrases in `words` too strong for `tier`, each found once, where it starts.
    static func check(_ words: Words, tier: AgeTier) -> [ModerationFinding] {
        guard let lookup = lookups[tier], !lookup.list.isEmpty else { return [] }
        let normal = words.normalized
        var findings: [ModerationFinding] = []
        var index = 0
        while index < normal.count {
            guard let pattern = lookup.firstMatch(normal, at: index) else {
                index += 1
                continue
            }
            let length = pattern.words.count
            let denied = normal[max(0, index - 3)..<index].contains { negations.contains($0) }
            let idiom = idioms.contains { idiom in
                (max(0, index - idiom.count + 1)...index).contains { matches(idiom, normal, at: $0) }
            }
            let pretend = [.threat, .death].contains(pattern.category) && sentence(around: index, in: words).contains { pretence.contains($0) }
            if !denied && !idiom && !pretend {
                let written = words.original[index..<(index + length)].joined(separator: " ")
                    .trimmingCharacters(in: .punctuationCharacters.union(.symbols))
                findings.append(ModerationFinding(word: written, category: pattern.category, wordIndex: index))
            }
            index += length
        }
        return findings
    }

    static func matches(_ pattern: [String], _ words: [String], at start: Int) -> Bool {
        guard start >= 0, start + pattern.count <= words.count else { return false }
        for (offset, part) in pattern.enumerated() {
            let word = words[start + offset]
            if part == "*" { continue }
            if part.hasSuffix("*") { if !word.hasPrefix(part.dropLast()) { return false } } else if word != part { return false }
        }
        return true
    }

    /// The normalised words of the sentence that holds word `index`.
    static func sentence(around index: Int, in words: Words) -> ArraySlice<String> {
        func ends(_ i: Int) -> Bool { words.original[i].last.map { ".!?".contains($0) } ?? false }
        var start = index
        while start > 0, !ends(start - 1) { start -= 1 }
        var end = index
        while end < words.count - 1, !ends(end) { end += 1 }
        return words.normalized[start...end]
    }
}
