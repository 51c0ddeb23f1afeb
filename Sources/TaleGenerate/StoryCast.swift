import Foundation
import TaleCore

/// Who a story is about and what they want, read once from the front matter: the hero and the
/// friend by role (else by order), how each looks, the goal and the fear in the premise.
struct StoryCast: Sendable {
    /// The hero's name ("Moss", or "Hedgehog" when the book names no character).
    var hero: String
    /// The hero's looks with an article ("a small green snail"), if given.
    var heroLooks: String?
    /// The friend's name, if there is a second character.
    var friend: String?
    /// The friend's looks with an article.
    var friendLooks: String?
    /// A grown-up or wise helper, if one has that role.
    var mentor: String?
    /// What the hero must do, in the plain form after "must" ("find the lost lantern").
    var goal: String?
    /// What the hero is afraid of ("the dark").
    var fear: String?
    /// Where it happens, with an article ("a mossy village").
    var setting: String

    init(_ book: StoryBook) {
        let characters = book.characters
        func role(_ words: [String]) -> StoryCharacter? {
            characters.first { character in
                guard let role = character.role?.lowercased() else { return false }
                return words.contains { role.contains($0) }
            }
        }
        let heroCharacter = role(["hero", "main", "protagonist", "lead"]) ?? characters.first
        let friendCharacter = role(["friend", "helper", "sidekick", "companion"])
            ?? characters.first { $0.name != heroCharacter?.name && !($0.role?.lowercased().contains("villain") ?? false) }
        let heroName = heroCharacter?.name ?? StoryCast.heroFromPremise(book.premise) ?? "Bear"
        let friendName = friendCharacter?.name
        hero = heroName
        heroLooks = heroCharacter?.looks.map(Grammar.withArticle)
        friend = friendName
        friendLooks = friendCharacter?.looks.map(Grammar.withArticle)
        mentor = role(["mentor", "grandparent", "grandma", "grandpa", "teacher", "parent", "mother", "father", "wise", "elder"])
            .flatMap { $0.name == heroName || $0.name == friendName ? nil : $0.name }
        goal = StoryCast.goal(in: book.premise)
        fear = StoryCast.fear(in: book.premise)
        setting = book.setting.map(Grammar.withArticle).map(Grammar.dropFinalStop) ?? "a quiet little place"
    }

    /// "find the lantern" from "... must find the lantern, ..."
    static func goal(in premise: String?) -> String? {
        guard let premise = premise.map(Grammar.dropFinalStop) else { return nil }
        let markers = [" must ", " has to ", " have to ", " wants to ", " want to ", " needs to ", " need to ", " tries to ",
                       " sets out to ", " set out to ", " hopes to ", " learns to ", " learn to ", " decides to "]
        let lower = premise.lowercased()
        let found = markers.compactMap { marker in lower.range(of: marker).map { (marker, $0) } }.min { $0.1.lowerBound < $1.1.lowerBound }
        guard let (marker, range) = found else { return nil }
        var rest = String(premise[range.upperBound...])
        // "learns to love the night": the goal is the learning.
        if marker.hasPrefix(" learn") { rest = "learn to " + rest }
        for cut in [", but ", "; ", " but ", " before "] { if let r = rest.range(of: cut) { rest = String(rest[..<r.lowerBound]) } }
        let words = rest.split(separator: " ")
        guard words.count >= 2, words.count <= 14 else { return nil }
        return rest.trimmingCharacters(in: .whitespaces)
    }

    /// "the dark" from "... who is afraid of the dark must ..."
    static func fear(in premise: String?) -> String? {
        guard let premise else { return nil }
        for marker in ["afraid of ", "scared of ", "frightened of ", "fear of "] {
            guard let range = premise.range(of: marker, options: .caseInsensitive) else { continue }
            var rest = String(premise[range.upperBound...])
            for cut in [" must ", " has ", " wants ", " needs ", " learns ", " and ", " but ", ",", ".", ";", " who ", " until "] {
                if let r = rest.range(of: cut) { rest = String(rest[..<r.lowerBound]) }
            }
            let words = rest.split(separator: " ")
            if (1...5).contains(words.count) { return rest }
        }
        return nil
    }

    /// "Hedgehog" from "A shy hedgehog who ..." when the book names no character, as picture books name their animals.
    static func heroFromPremise(_ premise: String?) -> String? {
        guard let premise else { return nil }
        let words = premise.split(separator: " ").map { String($0).trimmingCharacters(in: .punctuationCharacters) }
        guard let first = words.first?.lowercased(), ["a", "an", "the"].contains(first) else { return nil }
        let stops: Set<String> = ["who", "that", "which", "must", "wants", "has", "learns", "finds", "tries", "is", "and", "with", "from", "in", "on"]
        var noun: String?
        for word in words.dropFirst() {
            if stops.contains(word.lowercased()) { break }
            noun = word
        }
        guard let noun, noun.count > 1 else { return nil }
        return noun.prefix(1).uppercased() + noun.dropFirst().lowercased()
    }
}

/// Small English helpers for the storyteller.
enum Grammar {
    /// "a small fox" stays; "small fox" becomes "a small fox"; "orange cat" becomes "an orange cat".
    static func withArticle(_ phrase: String) -> String {
        let trimmed = dropFinalStop(phrase.trimmingCharacters(in: .whitespaces))
        let lower = trimmed.lowercased()
        for article in ["a ", "an ", "the ", "some ", "two ", "three "] where lower.hasPrefix(article) { return lowerFirst(trimmed) }
        guard let first = lower.first else { return trimmed }
        return ("aeiou".contains(first) ? "an " : "a ") + lowerFirst(trimmed)
    }

    /// Without a final `.`, `!` or `;`.
    static func dropFinalStop(_ text: String) -> String {
        var result = text.trimmingCharacters(in: .whitespacesAndNewlines)
        while let last = result.last, ".;!".contains(last) { result.removeLast() }
        return result
    }

    /// Every word capitalised but the small ones inside ("the lantern is gone" → "The Lantern Is Gone").
    static func titleCase(_ text: String) -> String {
        let small: Set<String> = ["a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with"]
        return text.split(separator: " ").enumerated().map { index, word in
            index > 0 && small.contains(word.lowercased()) ? word.lowercased() : upperFirst(String(word))
        }.joined(separator: " ")
    }

    /// The first letter in upper case.
    static func upperFirst(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    /// The first letter in lower case, unless the first word looks like a name (all capitals, or a capital inside).
    static func lowerFirst(_ text: String) -> String {
        guard let word = text.split(separator: " ").first, word.count > 1,
              word.dropFirst().allSatisfy({ $0.isLowercase || !$0.isLetter }) else { return text }
        return text.prefix(1).lowercased() + text.dropFirst()
    }

    /// A clause as a sentence: capitalised, ending in a stop.
    static func sentence(_ clause: String) -> String {
        let trimmed = clause.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return "" }
        let body = upperFirst(trimmed)
        return ".!?\"”".contains(body.last!) ? body : body + "."
    }

    /// "find the lantern" → "finds the lantern" (third person, present tense).
    static func thirdPerson(_ plain: String) -> String {
        var words = plain.split(separator: " ", maxSplits: 1).map(String.init)
        guard let verb = words.first else { return plain }
        let irregular = ["be": "is", "have": "has", "do": "does", "go": "goes"]
        if let known = irregular[verb.lowercased()] { words[0] = known } else if verb.hasSuffix("y"), verb.count > 1,
            !"aeiou".contains(verb.dropLast().last!) { words[0] = verb.dropLast() + "ies" } else if ["s", "sh", "ch", "x", "z", "o"].contains(where: verb.hasSuffix) {
            words[0] = verb + "es"
        } else { words[0] = verb + "s" }
        return words.joined(separator: " ")
    }

    /// A brief as a story sentence: instructions to the writer ("Describe how ...", "Show ...") are dropped.
    static func briefSentence(_ brief: String) -> String {
        var text = dropFinalStop(brief)
        let lower = text.lowercased()
        for prefix in ["describe how ", "show how ", "tell how ", "explain how ", "write how ", "write about how ",
                       "describe ", "show ", "write about ", "tell of ", "introduce "] where lower.hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count))
            if !prefix.hasSuffix("how ") { return sentence("here is " + lowerFirst(text)) }
            break
        }
        return sentence(text)
    }
}
