/// Settles the tense choices in the storyteller's clauses: `[present|past]` becomes one or the
/// other; and makes such choices for verbs read from a writer's premise.
enum Tense {
    /// `text` with every `[present|past]` settled.
    static func resolve(_ text: String, past: Bool) -> String {
        guard text.contains("[") else { return text }
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "["), let close = rest[open...].firstIndex(of: "]") {
            result += rest[..<open]
            let choice = rest[rest.index(after: open)..<close].split(separator: "|", omittingEmptySubsequences: false)
            result += past && choice.count > 1 ? choice[1] : choice[0]
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// Verbs whose past is not made with -ed.
    static let irregular: [String: String] = [
        "is": "was", "are": "were", "has": "had", "have": "had", "does": "did", "do": "did", "goes": "went", "go": "went",
        "comes": "came", "come": "came", "falls": "fell", "fall": "fell", "begins": "began", "rises": "rose", "sets": "set",
        "leaves": "left", "gets": "got", "get": "got", "makes": "made", "make": "made", "takes": "took", "take": "took",
        "finds": "found", "find": "found", "brings": "brought", "bring": "brought", "catches": "caught", "catch": "caught",
        "wins": "won", "win": "won", "lights": "lit", "light": "lit", "runs": "ran", "keeps": "kept", "keep": "kept",
        "holds": "held", "hold": "held", "shines": "shone", "sings": "sang", "sing": "sang", "flies": "flew", "fly": "flew",
        "swims": "swam", "swim": "swam", "sees": "saw", "see": "saw", "says": "said", "tells": "told", "knows": "knew",
        "grows": "grew", "grow": "grew", "breaks": "broke", "break": "broke", "sleeps": "slept", "leads": "led",
        "can": "could", "will": "would", "builds": "built", "build": "built", "sends": "sent", "feels": "felt", "meets": "met",
        "gives": "gave", "give": "gave", "eats": "ate", "drinks": "drank", "rides": "rode", "ride": "rode", "wakes": "woke",
        "sits": "sat", "stands": "stood", "lets": "let", "puts": "put", "spins": "spun", "dig": "dug", "digs": "dug",
        "bakes": "baked", "sail": "sailed", "free": "freed", "frees": "freed",
    ]

    /// The past of a present-tense verb ("lights" → "lit", "hums" → "hummed"; "fix" → "fixed").
    static func past(of verb: String) -> String {
        let lower = verb.lowercased()
        if let known = irregular[lower] { return known }
        var stem = lower
        if stem.hasSuffix("ies") { return String(stem.dropLast(3)) + "ied" }
        if ["sses", "shes", "ches", "xes", "zes", "oes"].contains(where: stem.hasSuffix) { stem = String(stem.dropLast(2)) } else if stem.hasSuffix("s"), !stem.hasSuffix("ss") { stem = String(stem.dropLast()) }
        if stem.hasSuffix("e") { return stem + "d" }
        if stem.hasSuffix("y"), let before = stem.dropLast().last, !"aeiou".contains(before) { return stem.dropLast() + "ied" }
        return stem + "ed"
    }

    /// Regular verbs deadlines and obstacles use ("the storm arrives").
    static let deadlineVerbs: Set<String> = ["ends", "starts", "arrives", "closes", "opens", "returns"]

    /// A clause that starts with a present-tense verb ("lights the path"), with that verb as a choice.
    static func choice(_ clause: String) -> String {
        var words = clause.split(separator: " ", maxSplits: 1).map(String.init)
        guard let verb = words.first, !verb.contains("[") else { return clause }
        words[0] = "[\(verb)|\(past(of: verb))]"
        return words.joined(separator: " ")
    }

    /// A clause whose verb may be anywhere ("night comes"): the first word after the first that is
    /// in the irregular table or a common verb of deadlines is given a choice. Used for the short
    /// clauses of deadlines and obstacles.
    static func choices(in clause: String) -> String {
        let words = clause.split(separator: " ").map(String.init)
        var out: [String] = []
        var changed = false
        for (index, word) in words.enumerated() {
            let lower = word.lowercased()
            if !changed, index > 0, irregular[lower] != nil || deadlineVerbs.contains(lower) {
                out.append("[\(word)|\(past(of: word))]")
                changed = true
            } else { out.append(word) }
        }
        return out.joined(separator: " ")
    }
}
