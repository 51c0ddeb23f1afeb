/// Whether a weather, effect or sound word tells of something happening now in the story, or only
/// names a place ("the windy hill", "Stormy Point") or sits in a clause about another time or a
/// maybe ("the bridge had washed away in the spring rain", "if it rains", "last winter's snow",
/// "it might snow"). Rain falls on the page only when it rains there.
enum CueTense {
    /// Nouns of places that a weather adjective names rather than describes: "the windy hill".
    static let places: Set<String> = [
        "hill", "hills", "hilltop", "path", "road", "lane", "street", "coast", "shore", "beach", "island", "isle", "mountain",
        "mountains", "peak", "valley", "moor", "moors", "field", "fields", "plain", "plains", "town", "city", "village", "cliff",
        "cliffs", "point", "bay", "harbour", "harbor", "lake", "pass", "ridge", "land", "lands", "country", "forest", "wood",
        "woods", "glen", "heath", "downs", "side", "corner", "castle", "tower", "farm", "house", "cottage", "garden", "park",
    ]
    /// Words that put the rest of their clause in another time or in a maybe.
    static let clauseMarkers: Set<String> = [
        "if", "unless", "whether", "suppose", "yesterday", "tomorrow", "ago", "remember", "remembered", "remembers",
        "remembering", "dream", "dreams", "dreamed", "dreamt", "dreaming", "imagine", "imagined", "imagining", "pretend",
        "pretended", "pretending",
    ]
    /// Modal words that make the next few words a maybe or a later: "it might snow", "the rain will come".
    static let modals: Set<String> = ["will", "would", "might", "may", "shall", "it'll", "they'll", "we'll", "i'll"]
    /// Words after "last" that make it a past time: "last winter".
    static let pastTimes: Set<String> = [
        "night", "week", "year", "winter", "spring", "summer", "autumn", "fall", "time", "month", "morning", "evening",
    ]
    /// Words that start a new clause about now, so what came before them no longer counts: "but now".
    static let resets: Set<String> = ["now", "but", "then", "today", "tonight", "suddenly", "until"]
    /// Past participles that do not end in "-ed" or "-en", for "had" + participle.
    static let participles: Set<String> = [
        "been", "gone", "come", "blown", "flown", "fallen", "grown", "known", "seen", "done", "made", "left", "brought",
        "thought", "swept", "felt", "heard", "lost", "found", "kept", "spent", "run", "begun", "drunk", "sung",
    ]

    /// Whether the cue word at `index` of `words` is about now. Words before `titleEnd` are the heading's.
    static func isNow(_ index: Int, in words: Words, titleEnd: Int) -> Bool {
        !namesPlace(index, in: words, titleEnd: titleEnd) && !inOtherTime(index, in: words)
    }

    /// "the windy hill", "Windy Hill", "Stormy Point": the word is part of a name or describes a place.
    static func namesPlace(_ index: Int, in words: Words, titleEnd: Int) -> Bool {
        let word = words.normalized[index]
        if word.hasSuffix("y"), index + 1 < words.count, places.contains(words.normalized[index + 1]),
           !endsSentence(words.original[index]) {
            return true
        }
        // Capitalised in the middle of a sentence of the text (headings capitalise every word).
        guard index > titleEnd, !endsSentence(words.original[index - 1]) else { return false }
        let written = words.original[index].drop { !$0.isLetter }
        guard written.count == words.original[index].count else { return false }
        return written.first?.isUppercase == true
    }

    /// The word's clause is about another time or a maybe: a marker earlier in the clause, "had"
    /// with a participle, "last" with a time, "used to", "in case", or a modal just before.
    static func inOtherTime(_ index: Int, in words: Words) -> Bool {
        var look = index - 1
        while look >= 0, look >= index - 12 {
            let original = words.original[look], word = words.normalized[look]
            if endsClause(original) || resets.contains(word) { return false }
            if clauseMarkers.contains(word) { return true }
            if index - look <= 3, modals.contains(word) { return true }
            let next = look + 1 < words.count ? words.normalized[look + 1] : ""
            if word == "had", next.hasSuffix("ed") || next.hasSuffix("en") || participles.contains(next) { return true }
            if word == "last", pastTimes.contains(next) { return true }
            if word == "used", next == "to" { return true }
            if word == "in", next == "case" { return true }
            look -= 1
        }
        return false
    }

    private static func endsSentence(_ original: String) -> Bool {
        guard let last = original.unicodeScalars.last(where: { !"\"'”’)]".unicodeScalars.contains($0) }) else { return false }
        return last == "." || last == "!" || last == "?"
    }

    private static func endsClause(_ original: String) -> Bool {
        if endsSentence(original) { return true }
        guard let last = original.unicodeScalars.last else { return false }
        return last == ";" || last == ":" || last == "\u{2014}"
    }
}
