import TaleCore

/// What a premise says, read by `PremiseReader`: the goal and its key thing, who it is for, what
/// is in the way, by when, and where.
struct PremiseReading: Sendable, Equatable {
    var goalKind: GoalKind
    /// The goal as a plain verb phrase ("find the lantern").
    var goal: String
    /// The key thing's noun ("lantern").
    var thing: String
    /// What the thing does when all is well, from the premise ("that lights the village path"), with a tense choice.
    var thingUse: String?
    /// Who is trapped or helped ("the turtle").
    var beneficiary: String?
    /// What is in the way, from the premise ("when the oven breaks"), with tense choices.
    var obstacle: String?
    /// The deadline after "before" ("night [comes|came]").
    var deadline: String?
    /// What the hero fears.
    var fear: String?
    /// Where the trouble is, from the premise ("at the top of the tallest oak").
    var troubleSpot: String?
    /// The kind of place.
    var settingKind: SettingKind
    /// The hour the story starts.
    var startTime: TimeOfDay
}

/// Reads a premise (or a title alone) into a `PremiseReading`, with plain rules: goal markers
/// ("must", "wants to", "is looking for"), state words ("broken", "lost", "stuck", "in a net"),
/// the nouns the storyteller knows, and the markers of each kind of place.
enum PremiseReader {
    static func read(_ book: StoryBook, heroKind: CreatureKind?) -> PremiseReading {
        let premise = Grammar.dropFinalStop(book.premise ?? "")
        let lower = " " + premise.lowercased().replacingOccurrences(of: ",", with: " ,") + " "
        var reading = PremiseReading(goalKind: .find, goal: "", thing: "", settingKind: .meadow, startTime: .morning)
        reading.fear = StoryCast.fear(in: book.premise)

        // The deadline: "... before night comes", "... before the call home tonight".
        var body = lower
        if let range = lower.range(of: " before ") {
            let deadline = String(lower[range.upperBound...]).trimmingCharacters(in: .whitespaces)
            if deadline.split(separator: " ").count <= 8 {
                reading.deadline = Tense.choices(in: deadline)
                body = String(lower[..<range.lowerBound]) + " "
            }
        }

        if let (verb, object) = goalClause(in: body) {
            reading.goalKind = kind(ofVerb: verb, object: object, premise: body)
            let (thing, use) = headNoun(object)
            reading.thing = thing
            reading.thingUse = use
            reading.goal = goalPhrase(verb: verb, object: object, noun: thing, kind: reading.goalKind)
            if reading.goalKind == .free {
                reading.beneficiary = thing.isEmpty ? nil : "the " + thing
                if let net = netWord(in: body) { reading.thing = net }
            }
        } else {
            readStates(body, title: book.title, into: &reading)
        }
        if reading.thing.isEmpty { reading.thing = titleThing(book.title) ?? "way home" }
        if reading.goal.isEmpty { reading.goal = defaultGoal(reading) }
        if reading.obstacle == nil, let range = body.range(of: " when ") {
            let clause = String(body[range.upperBound...]).trimmingCharacters(in: .whitespaces)
            if (2...8).contains(clause.split(separator: " ").count) { reading.obstacle = Tense.choices(in: clause) }
        }
        reading.troubleSpot = troubleSpot(in: body)
        reading.settingKind = settingKind(book, heroKind: heroKind)
        reading.startTime = startTime(book, deadline: reading.deadline)
        return reading
    }

    /// The verb and what follows it, after a goal marker ("must find the lantern ..." → find, "the lantern ...").
    static func goalClause(in text: String) -> (verb: String, object: String)? {
        let markers = [" must ", " has to ", " have to ", " wants to ", " want to ", " needs to ", " need to ", " tries to ", " sets out to ",
                       " hopes to ", " decides to ", " goes to ", " is trying to ", " sets off to ", " learns to ", " is looking for ",
                       " looking for ", " looks for ", " searches for ", " searching for ", " goes looking for "]
        let found = markers.compactMap { marker in text.range(of: marker).map { (marker, $0) } }.min { $0.1.lowerBound < $1.1.lowerBound }
        guard let (marker, range) = found else { return nil }
        var rest = String(text[range.upperBound...]).trimmingCharacters(in: .whitespaces)
        if marker.contains("looking for") || marker.contains("looks for") || marker.contains("searches for") || marker.contains("searching for") {
            rest = "find " + rest
        } else if marker.contains("learns to") {
            rest = "learn to " + rest
        }
        let words = rest.split(separator: " ").map(String.init)
        guard let verb = words.first, words.count >= 2 else { return nil }
        // "must get the kite down": the particle is part of the verb.
        return (verb, words.dropFirst().joined(separator: " "))
    }

    static func kind(ofVerb verb: String, object: String, premise: String) -> GoalKind {
        let table: [(GoalKind, [String])] = [
            (.find, ["find", "search", "look", "seek", "discover", "track"]),
            (.fix, ["fix", "mend", "repair", "restart", "rebuild"]),
            (.free, ["free", "rescue", "save", "untangle", "release", "help"]),
            (.make, ["bake", "make", "build", "cook", "paint", "knit", "sew", "plant", "grow", "write", "create", "decorate"]),
            (.retrieve, ["retrieve", "recover"]),
            (.share, ["share"]),
            (.win, ["win", "beat"]),
            (.overcome, ["learn", "overcome", "face", "conquer", "stop", "be", "become", "love"]),
            (.reach, ["get", "bring", "take", "deliver", "carry", "reach", "sail", "fly", "travel", "catch", "return", "climb", "cross", "visit", "go", "ride"]),
        ]
        let lowerVerb = verb.lowercased()
        if ["get", "bring", "take"].contains(lowerVerb), premise.contains(" stuck ") || object.hasSuffix(" down") || object.contains(" back") {
            return .retrieve
        }
        return table.first { $0.1.contains(lowerVerb) }?.0 ?? .find
    }

    /// The goal as the book will say it: "find her grandfather's lost map" → "find the lost map",
    /// "sail to the island across the bay" → "sail to the island", "get the kite down" stays.
    static func goalPhrase(verb: String, object: String, noun: String, kind: GoalKind) -> String {
        var words = object.split(separator: " ").map(String.init)
        var preposition = ""
        if let first = words.first, ["to", "across", "into", "up", "through", "over"].contains(first) {
            preposition = first + " "
            words.removeFirst()
        }
        let skip: Set<String> = ["the", "a", "an", "her", "his", "their", "its", "my", "our", "your", "some", "friend"]
        var adjectives: [String] = []
        var rest: [String] = []
        for (index, word) in words.enumerated() {
            if word == noun || words[index...].prefix(2).joined(separator: " ") == noun {
                rest = Array(words[(index + noun.split(separator: " ").count)...])
                break
            }
            if !skip.contains(word) && !word.hasSuffix("'s") { adjectives.append(word) }
        }
        // A particle that finishes the verb ("down", "back"), and "from the net" for a rescue.
        var tail = ""
        if let particle = rest.first, ["down", "back", "home", "out"].contains(particle) { tail = " " + particle }
        if kind == .free, let from = rest.firstIndex(of: "from"), from + 2 < rest.count + 1 {
            let what = rest[(from + 1)...].prefix { !["on", "in", "at", "before", ","].contains($0) }.filter { !skip.contains($0) }
            if let last = what.last { tail += " from the " + last }
        }
        // "every star", "both cakes": a quantifier stays in place of "the".
        let quantifiers = ["every", "all", "each", "both", "some", "two", "three"]
        let determiner = words.first.flatMap { quantifiers.contains($0) ? $0 : nil } ?? "the"
        adjectives.removeAll { quantifiers.contains($0) }
        return verb + " " + preposition + ([determiner] + adjectives.suffix(2) + [noun]).joined(separator: " ") + tail
    }

    /// The head noun of an object phrase, and the relative clause about it as a use.
    static func headNoun(_ object: String) -> (noun: String, use: String?) {
        let words = object.split(separator: " ").map(String.init)
        let stops: Set<String> = ["that", "which", "who", ",", "before", "for", "from", "to", "in", "on", "at", "with", "and", "but", "so",
                                  "when", "because", "down", "back", "up", "across", "into", "out", "of", "by", "under", "over", "through"]
        let skip: Set<String> = ["the", "a", "an", "her", "his", "their", "its", "my", "our", "your", "some"]
        var span: [String] = []
        var index = 0
        // "sail to the island": a motion verb's object starts after its preposition.
        if let first = words.first, ["to", "across", "into", "up", "through", "over"].contains(first) { index = 1 }
        while index < words.count, !stops.contains(words[index]) {
            if !skip.contains(words[index]) { span.append(words[index]) }
            index += 1
        }
        let noun = twoWordThing(span) ?? span.last ?? ""
        var use: String?
        if index < words.count, words[index] == "that" || words[index] == "which" {
            let clause = words[(index + 1)...].prefix { ![",", "and", "but", "when", "so"].contains($0) }.joined(separator: " ")
            if (2...8).contains(clause.split(separator: " ").count) { use = Tense.choice(clause) }
        }
        return (noun.trimmingCharacters(in: .punctuationCharacters), use)
    }

    /// "music box" and other known things of two words.
    static func twoWordThing(_ span: [String]) -> String? {
        guard span.count >= 2 else { return nil }
        let pair = span.suffix(2).joined(separator: " ")
        return StoryThings.knows(pair) ? pair : nil
    }

    /// "a net", "the fishing net": the word that traps, when there is one.
    static func netWord(in text: String) -> String? {
        for word in ["net", "trap", "cage", "web", "fishing line", "rope"] where text.contains(" \(word) ") || text.contains(" \(word)s ") { return word }
        return nil
    }

    /// Premises without a goal marker: "a radio broken on the Moon", "a kite stuck in an oak",
    /// "a turtle in a net", "a lost sock", "one umbrella and two friends", "a cake when the oven breaks".
    static func readStates(_ text: String, title: String, into reading: inout PremiseReading) {
        let words = text.split(separator: " ").map(String.init)
        /// The goal of its kind for the thing, in the words `defaultGoal` gives it.
        func settle(_ kind: GoalKind, _ thing: String) {
            reading.goalKind = kind
            reading.thing = thing
            reading.goal = defaultGoal(reading)
        }
        func nounNear(_ index: Int) -> String? {
            // The nearest known thing, else the nearest noun-looking word before the state word.
            let window = words[max(0, index - 3)..<min(words.count, index + 3)]
            if let known = window.first(where: { StoryThings.knows($0) }) { return known }
            let skip: Set<String> = ["a", "an", "the", "one", "two", "her", "his", "is", "on", "in", "of", "and"]
            return words[max(0, index - 3)..<index].last { !skip.contains($0) }
        }
        if let index = words.firstIndex(where: { ["broken", "breaks", "broke", "cracked", "stopped", "quiet", "silent"].contains($0) }) {
            // "a birthday cake when the oven breaks": the cake is the goal, the oven the obstacle.
            if let food = words.first(where: { ["cake", "pie", "bread", "soup", "cookies", "biscuits", "pizza"].contains($0) }), text.contains(" when ") {
                reading.goalKind = .make
                reading.thing = food
                reading.goal = "bake the \(food)"
                return
            }
            if let noun = nounNear(index) {
                settle(.fix, noun)
                return
            }
        }
        // "a turtle caught in a net": free the one who is caught, the one named before the trap.
        func free(from net: String, before index: Int) {
            reading.goalKind = .free
            reading.thing = net
            let being = words[..<index].last { !["a", "an", "the", "is", "gets", "in", "caught"].contains($0) }
            reading.beneficiary = being.map { "the " + $0 }
            reading.goal = "free \(reading.beneficiary ?? "the friend") from the \(net)"
        }
        if let index = words.firstIndex(where: { ["stuck", "caught", "trapped", "tangled"].contains($0) }) {
            if let net = netWord(in: text) {
                free(from: net, before: index)
                return
            }
            if let noun = nounNear(index) {
                settle(.retrieve, noun)
                return
            }
        }
        if let net = netWord(in: text), let index = words.firstIndex(where: { $0 == net }) {
            free(from: net, before: index)
            return
        }
        if let index = words.firstIndex(where: { ["lost", "missing", "gone", "vanished"].contains($0) }) {
            let after = words[(index + 1)...].first { StoryThings.knows($0) || !["a", "the", "on", "in"].contains($0) }
            if let noun = nounNear(index + 1).flatMap({ StoryThings.knows($0) ? $0 : nil }) ?? after {
                settle(.find, noun)
                return
            }
        }
        if let index = words.firstIndex(where: { $0 == "one" || $0 == "only" }), index + 1 < words.count, text.contains(" two ") {
            let noun = words[index + 1]
            settle(.share, noun)
            return
        }
        // A known thing anywhere: a vehicle is a journey, anything else a search.
        if let known = words.first(where: { StoryThings.knows($0) }) ?? titleThing(title) {
            let vehicles = ["train", "boat", "rocket", "balloon", "bicycle", "bike", "wagon"]
            settle(vehicles.contains(known) ? .reach : .find, known)
        }
    }

    /// "... stuck at the top of the tallest oak in the park" → "at the top of the tallest oak".
    static func troubleSpot(in text: String) -> String? {
        for state in [" stuck ", " caught ", " trapped ", " tangled "] {
            guard let range = text.range(of: state) else { continue }
            var rest = String(text[range.upperBound...]).trimmingCharacters(in: .whitespaces)
            guard let first = rest.split(separator: " ").first, ["at", "in", "on", "under", "up", "behind", "inside"].contains(first) else { continue }
            // "in a fishing net on the reef": the net is the thing, the reef the place.
            for cut in [" in the park", " on the reef", " before ", " and ", " so ", ","] { if let r = rest.range(of: cut) { rest = String(rest[..<r.lowerBound]) } }
            if (2...9).contains(rest.split(separator: " ").count), !rest.contains(" net") { return rest }
        }
        return nil
    }

    /// The thing a title names ("The Night Train" → "train").
    static func titleThing(_ title: String) -> String? {
        let words = title.lowercased().split { !$0.isLetter }.map(String.init)
        if let known = words.last(where: { StoryThings.knows($0) }) { return known }
        let skip: Set<String> = ["the", "a", "an", "and", "of", "in", "on", "at", "to", "who", "with", "little", "big", "night", "day"]
        return words.last { !skip.contains($0) && $0.count > 2 }
    }

    static func defaultGoal(_ reading: PremiseReading) -> String {
        switch reading.goalKind {
        case .find: return "find the \(reading.thing)"
        case .fix: return "fix the \(reading.thing)"
        case .free: return "free \(reading.beneficiary ?? "a friend") from the \(reading.thing)"
        case .make: return "make the \(reading.thing)"
        case .reach: return "catch the \(reading.thing)"
        case .retrieve: return "get the \(reading.thing) back"
        case .share: return "share the \(reading.thing)"
        case .win: return "win the \(reading.thing)"
        case .overcome: return "face the \(reading.thing)"
        }
    }

    /// The kind of place: the setting's words first, then the premise's, the title's and the hero's kind.
    static func settingKind(_ book: StoryBook, heroKind: CreatureKind?) -> SettingKind {
        let order: [SettingKind] = [.space, .undersea, .cave, .snow, .train, .castle, .school, .beach, .farm, .garden, .river, .mountain,
                                    .sky, .home, .town, .village, .forest, .meadow]
        func has(_ text: String, _ kind: SettingKind, after prefixes: [String]) -> Bool {
            SettingLexicons.of(kind).markers.contains { marker in prefixes.contains { text.contains("\($0)\(marker) ") || text.contains("\($0)\(marker)s ") } }
        }
        for source in [book.setting, book.premise, book.title] {
            guard let source else { continue }
            let text = " " + source.lowercased().split { !$0.isLetter }.joined(separator: " ") + " "
            // Where the story says it is ("in the park", "on the Moon") comes before any other word of a place.
            let places = ["in", "on", "at", "under", "inside", "across", "into", "near", "by"].flatMap { [" \($0) the ", " \($0) a ", " \($0) an ", " \($0) "] }
            if let kind = order.first(where: { has(text, $0, after: places) }) { return kind }
            if let kind = order.first(where: { has(text, $0, after: [" "]) }) { return kind }
        }
        if heroKind?.swims == true { return .undersea }
        if heroKind?.name == "astronaut" { return .space }
        return .meadow
    }

    /// The hour the story starts: late enough that a deadline at nightfall is near; at night for a
    /// night title; in the morning otherwise.
    static func startTime(_ book: StoryBook, deadline: String?) -> TimeOfDay {
        let deadlineWords = (deadline ?? "").lowercased()
        if ["night", "dark", "sunset", "dusk", "tonight", "bedtime", "evening"].contains(where: deadlineWords.contains) { return .afternoon }
        if deadlineWords.contains("morning") || deadlineWords.contains("dawn") || deadlineWords.contains("sunrise") { return .night }
        let text = (book.title + " " + (book.premise ?? "")).lowercased()
        if ["night", "bedtime", "midnight", "moonlight", "tonight"].contains(where: text.contains) { return .evening }
        if text.contains("dawn") || text.contains("sunrise") { return .dawn }
        return .morning
    }
}
