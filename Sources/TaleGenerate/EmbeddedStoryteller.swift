import TaleCore

/// Tale's offline storyteller: plans the arc from the scene's place in the book, and writes each
/// missing scene from the beat, the brief, the characters and the setting, in the register of the
/// book's reading band. Deterministic: the same request always gives the same text, and the seed
/// changes which sentences a book uses, so two books do not read alike.
public struct EmbeddedStoryteller: TextProvider {
    /// `embedded`.
    public let name = "embedded"
    /// The storyteller's version; a new one makes new artifacts.
    public let model = EmbeddedModel.storyteller

    /// A storyteller.
    public init() {}

    /// Writes what `request` asks for; never fails.
    public func write(_ request: TextRequest) async throws(GenerationError) -> String {
        compose(request)
    }

    /// The same, without waiting: the storyteller does no I/O.
    public func compose(_ request: TextRequest) -> String {
        let writer = SceneWriter(request: request)
        switch request.kind {
        case .scene: return writer.scene()
        case .title: return writer.title()
        case .summary: return writer.summary()
        case .tags: return StoryTags.derive(request.book).joined(separator: "\n")
        case .illustration, .cover, .narration: return ""
        }
    }
}

/// Writes one request's text: picks sentences for the beat and fills in the book's names.
struct SceneWriter {
    let request: TextRequest
    let cast: StoryCast
    let phrases: [String: [String]]
    let values: [String: String]

    init(request: TextRequest) {
        self.request = request
        cast = StoryCast(request.book)
        phrases = [.teen, .adult].contains(request.book.band) ? StoryPhrases.rich : StoryPhrases.simple
        var values = ["H": cast.hero, "S": cast.setting]
        values["HL"] = cast.heroLooks
        values["F"] = cast.friend
        values["FL"] = cast.friendLooks ?? (cast.friend == nil ? nil : "a good friend")
        values["M"] = cast.mentor
        values["G"] = cast.goal
        values["Gs"] = cast.goal.map(Grammar.thirdPerson)
        values["X"] = cast.fear
        values["moral"] = request.book.moral.map { Grammar.lowerFirst(Grammar.dropFinalStop($0)) }
        self.values = values
    }

    /// Which sentence of a part to use: each part's sentences are shuffled once per book (by the
    /// seed), and the scene's ordinal within its beat picks one, so scenes of a book never share a
    /// sentence while the part has sentences left. Returns nil when the part is used up or needs a
    /// value the book does not have.
    func pick(_ part: String, ordinal: Int = 0) -> String? {
        let usable = (phrases[part] ?? []).filter { fill($0) != nil }
        guard !usable.isEmpty else { return nil }
        var order = Array(usable.indices)
        var random = SeededRandom(request.book.seed + "\u{0}" + request.book.title + "\u{0}" + part)
        random.shuffle(&order)
        let slot = ordinal + request.attempt
        guard slot < order.count else { return nil }
        return fill(usable[order[slot]])
    }

    /// The template with every placeholder filled, or nil when one has no value.
    func fill(_ template: String) -> String? {
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { return nil }
            let key = String(rest[rest.index(after: open)..<close])
            guard let value = values[key] else { return nil }
            result += value
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        return Grammar.upperFirst(result)
    }

    /// The scene's event from the writer: the brief; else a title that says what happens ("The
    /// Lantern Is Gone" becomes "The lantern is gone!"), or names a thing that arrives ("The
    /// Storm" becomes "Then comes the storm."); else nothing.
    var event: String? {
        if let brief = request.brief, !brief.isEmpty { return Grammar.briefSentence(brief) }
        guard request.beat != .opening, let title = request.sceneTitle?.trimmingCharacters(in: .whitespaces), !title.isEmpty else { return nil }
        let names = Set(request.book.characters.flatMap { $0.name.split(separator: " ").map(String.init) })
        let words = title.split(separator: " ").map(String.init)
        let plain = words.enumerated().map { index, word in names.contains(word) ? word : word.lowercased() }
        let verbs: Set<String> = ["is", "are", "was", "were", "goes", "go", "comes", "come", "finds", "gets", "has", "have", "can", "will",
                                  "falls", "runs", "meets", "learns", "sees", "hears", "wakes", "says", "makes", "takes", "gives"]
        if plain.contains(where: verbs.contains) {
            return Grammar.sentence(plain.joined(separator: " ") + (request.beat == .problem ? "!" : ""))
        }
        guard words.count <= 4, let first = plain.first else { return nil }
        if first == "the" { return "Then comes \(plain.joined(separator: " "))." }
        if first == "a" || first == "an" { return "Then there is \(plain.joined(separator: " "))." }
        return nil
    }

    func scene() -> String {
        let ordinal = StoryBeat.attemptNumber(scene: request.sceneIndex)
        var sentences: [String?] = []
        switch request.beat {
        case .opening:
            sentences = [pick("opening.intro"), pick("opening.looks"), pick("opening.friend"), pick("opening.life"), pick("opening.fear"), event]
            if request.sceneCount <= 3 {
                sentences += [pick("problem.turn"), pick("problem.goal") ?? pick("problem.nogoal")]
            }
        case .problem:
            sentences = [pick("problem.turn"), event, pick("problem.goal") ?? pick("problem.nogoal"), pick("problem.worry"),
                         pick("problem.friend")]
        case .attempt:
            sentences = [pick("attempt.lead", ordinal: ordinal), event ?? pick("attempt.action", ordinal: ordinal),
                         pick("attempt.setback", ordinal: ordinal),
                         pick("attempt.speech", ordinal: ordinal) ?? pick("attempt.feel", ordinal: ordinal)]
            if ordinal == 1 { sentences.append(pick("attempt.fear")) }
            if cast.friend != nil { sentences.append(pick("attempt.feel", ordinal: ordinal)) }
        case .turningPoint:
            sentences = [pick("turning.idea"), event, pick("turning.help"), pick("turning.courage") ?? pick("turning.step"),
                         pick("turning.mentor")]
        case .resolution:
            sentences = [event, pick("resolution.success") ?? pick("resolution.nogoal"), pick("resolution.joy"),
                         pick("resolution.moral"), pick("resolution.home")]
        }
        sentences.append(contentsOf: continuity())
        return SceneWriter.paragraphs(sentences.compactMap { $0 }.filter { !$0.isEmpty })
    }

    /// Characters the writer's neighbouring scenes bring in, that this scene would otherwise forget.
    func continuity() -> [String?] {
        let neighbours = [request.previousText, request.nextText].compactMap { $0 }.joined(separator: " ")
        guard !neighbours.isEmpty else { return [] }
        let named = [cast.hero, cast.friend, cast.mentor].compactMap { $0 }
        let others = request.book.characters.map(\.name).filter { !named.contains($0) && neighbours.contains($0) }
        return others.prefix(2).enumerated().map { index, name in
            index == 0 ? "\(name) comes along too." : "\(name) is never far away."
        }
    }

    /// Sentences grouped into paragraphs: a line of speech starts a new one; at most three sentences each.
    static func paragraphs(_ sentences: [String]) -> String {
        var paragraphs: [[String]] = [[]]
        for sentence in sentences {
            if sentence.hasPrefix("\"") || paragraphs[paragraphs.count - 1].count == 3 { paragraphs.append([]) }
            paragraphs[paragraphs.count - 1].append(sentence)
        }
        return paragraphs.filter { !$0.isEmpty }.map { $0.joined(separator: " ") }.joined(separator: "\n\n")
    }

    func title() -> String {
        let beat = request.beat
        let ordinal = beat == .attempt ? StoryBeat.attemptNumber(scene: request.sceneIndex) : 0
        return pick("title.\(beat.rawValue)", ordinal: ordinal) ?? "Part \(request.sceneIndex + 1)"
    }

    func summary() -> String {
        var sentences: [String] = []
        if let premise = request.book.premise { sentences.append(Grammar.sentence(premise)) }
        if let friend = cast.friend {
            sentences.append("\(cast.hero) and \(friend) find out what it takes, in \(cast.setting).")
        } else {
            sentences.append("A story about \(cast.hero), in \(cast.setting).")
        }
        return sentences.joined(separator: " ")
    }
}

/// A small deterministic random source (SplitMix64) seeded from text, so the storyteller's choices
/// depend only on its input.
struct SeededRandom {
    private var state: UInt64

    init(_ seed: String) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in seed.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        state = hash
    }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            let j = Int(next() % UInt64(i + 1))
            items.swapAt(i, j)
        }
    }
}

/// Tags for a book that gives none, from the words of its premise, setting, moral and characters.
enum StoryTags {
    static let topics: [(tag: String, words: [String])] = [
        ("animals", ["fox", "snail", "bear", "rabbit", "bunny", "owl", "mouse", "hedgehog", "cat", "kitten", "dog", "puppy", "bird", "wren",
                     "whale", "fish", "frog", "duck", "badger", "otter", "squirrel", "deer", "hare", "turtle", "tortoise", "elephant", "lion"]),
        ("bedtime", ["dark", "night", "moon", "stars", "sleep", "bed", "bedtime", "dream", "lantern"]),
        ("friendship", ["friend", "friends", "friendship", "together", "lonely"]),
        ("courage", ["brave", "afraid", "fear", "courage", "scared", "shy", "frightened"]),
        ("sea", ["sea", "ocean", "tide", "tides", "wave", "waves", "boat", "ship", "shore", "island", "lighthouse"]),
        ("forest", ["forest", "wood", "woods", "tree", "trees", "fern", "ferns"]),
        ("adventure", ["find", "lost", "journey", "map", "quest", "search", "explore", "treasure"]),
        ("family", ["family", "mother", "father", "grandma", "grandpa", "grandmother", "grandfather", "sister", "brother"]),
        ("kindness", ["share", "sharing", "kind", "kindness", "help", "helping"]),
        ("magic", ["magic", "wizard", "dragon", "spell", "fairy", "witch"]),
        ("seasons", ["winter", "snow", "spring", "summer", "autumn", "rain"]),
    ]

    static func derive(_ book: StoryBook) -> [String] {
        var text = [book.title, book.premise ?? "", book.setting ?? "", book.moral ?? ""]
        text += book.characters.map { ($0.role ?? "") + " " + ($0.looks ?? "") }
        let words = text.joined(separator: " ").lowercased().split { !$0.isLetter }.map(String.init)
        var found: [(tag: String, at: Int)] = []
        for topic in topics {
            if let at = words.firstIndex(where: { topic.words.contains($0) }) { found.append((topic.tag, at)) }
        }
        let tags = found.sorted { $0.at < $1.at }.prefix(5).map(\.tag)
        return tags.isEmpty ? ["story"] : Array(tags)
    }
}
