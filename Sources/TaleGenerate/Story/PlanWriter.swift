import TaleCore

/// Writes one scene of a planned story in the book's voice: the parts of each of the scene's
/// roles, filled from the plan and the setting's lexicon, with the hour when it changes and the
/// writer's brief where there is one. Deterministic: the seed decides which sentence each part
/// uses, and a part's sentences are spread over the book so that none repeats.
struct PlanWriter {
    let plan: StoryPlan
    let request: TextRequest
    let voice: StoryVoice
    let lexicon: SettingLexicon
    let index: Int
    let scene: PlannedScene
    let values: [String: String?]

    init(plan: StoryPlan, request: TextRequest) {
        self.plan = plan
        self.request = request
        voice = StoryVoice.of(age: request.book.age)
        lexicon = SettingLexicons.of(plan.settingKind)
        index = min(max(0, request.sceneIndex), max(0, plan.scenes.count - 1))
        scene = plan.scenes.isEmpty
            ? PlannedScene(roles: [.opening], title: request.book.title, event: "", time: plan.startTime, present: [plan.hero], thing: .fine)
            : plan.scenes[index]
        values = PlanWriter.values(plan: plan, book: request.book, lexicon: lexicon, index: index, scene: scene)
    }

    static func values(plan: StoryPlan, book: StoryBook, lexicon: SettingLexicon, index: Int, scene: PlannedScene) -> [String: String?] {
        var random = SeededRandom(book.seed + "\u{0}" + book.title + "\u{0}places")
        var sights = lexicon.sights
        random.shuffle(&sights)
        var sounds = lexicon.sounds
        random.shuffle(&sounds)
        var makeshift = lexicon.makeshift
        random.shuffle(&makeshift)
        var hazards = lexicon.hazards
        random.shuffle(&hazards)
        let spots = lexicon.spots
        func looks(_ name: String?) -> String? {
            guard let name, let looks = book.characters.first(where: { $0.name == name })?.looks else { return nil }
            return Grammar.withArticle(looks)
        }
        func kind(_ name: String?) -> CreatureKind? {
            guard let name, let kindName = plan.skills.first(where: { $0.name == name })?.kind else { return nil }
            return CreatureKinds.all.first { $0.name == kindName }
        }
        let heroKind = kind(plan.hero)
        let helperKind = kind(plan.helper)
        func motion(_ kind: CreatureKind?) -> String {
            let (present, past) = lexicon.motion ?? kind?.motion ?? ("goes", "went")
            return "[\(present)|\(past)]"
        }
        let spot = scene.spot ?? spots[index % spots.count]
        let shortSpots = spots.filter { !$0.contains(" of ") && !$0.contains("'") }.map { spot -> String in
            let words = spot.split(separator: " ")
            return "\(words.first!) the \(words.last!)"
        }
        let hazard = hazards[index % hazards.count]
        let hazardWords = hazard.split(separator: " ").prefix { $0 != "of" && $0 != "with" && $0 != "that" }
        let boardTrouble: [GoalKind: String] = [.find: "is gone", .fix: "is broken", .free: "is tangled", .make: "is not ready",
                                                .reach: "is far away", .retrieve: "is stuck", .share: "is just one",
                                                .win: "is so big", .overcome: "is so big"]
        let helperSkill = plan.helper.flatMap { helper in plan.skills.first { $0.name == helper }?.can }
        let heroSkill = plan.skills.first { $0.name == plan.hero }?.can ?? heroKind?.skill
        // The helper's act, short enough for a board book: cut at the first "and", "as", "with" or comma.
        let act = Tense.resolve((helperKind ?? CreatureKinds.someone).act, past: false).split(separator: " ")
        let cut = act.prefix { !["and", "as", "with", "so", "that"].contains($0) && !$0.hasSuffix(",") }
        let boardAct = (cut.count <= 5 ? cut : cut.prefix(2)).joined(separator: " ")
        let deadline = plan.deadline
        // A hero who is the same kind of thing as the key thing (a sock who lost a sock) looks for the other one.
        let thing = plan.heroKind == plan.keyThing ? "the other \(plan.keyThing)" : "the \(plan.keyThing)"
        let owned: Set<GoalKind> = [.find, .fix, .retrieve, .share]
        let isOwned = owned.contains(plan.goalKind)
        let searches: Set<GoalKind> = [.find, .retrieve, .reach]
        let known = StoryThings.knows(plan.keyThing) || plan.keyThingUse != StoryThings.of(plan.keyThing).use
        return [
            "hero": plan.hero, "helper": plan.helper, "mentor": plan.mentor,
            "heroKind": plan.heroKind ?? "friend", "helperKind": helperKind?.name,
            "heroLooks": looks(plan.hero) ?? plan.heroKind.map { "a little \($0)" },
            "helperLooks": looks(plan.helper) ?? helperKind.map { "a little \($0.name)" },
            "beneficiary": plan.beneficiary,
            "thing": thing, "Thing": Grammar.upperFirst(thing), "thingNoun": plan.keyThing,
            "ownedThe": isOwned ? thing : nil, "ownedThing": isOwned ? plan.keyThing : nil,
            "lostThing": plan.goalKind == .find ? thing : nil, "lostNoun": plan.goalKind == .find ? plan.keyThing : nil,
            "use": isOwned ? plan.keyThingUse : nil, "solvedUse": known ? plan.keyThingUse : nil,
            "trouble": StoryThings.of(plan.keyThing).trouble,
            "hazard": searches.contains(plan.goalKind) ? hazard : nil,
            "searchSpot": searches.contains(plan.goalKind) ? spot : nil,
            "searchShort": plan.goalKind == .find ? (shortSpots.isEmpty ? nil : shortSpots[index % shortSpots.count]) : nil,
            "goal": plan.goal, "goals": Tense.choice(Grammar.thirdPerson(plan.goal)),
            "obstacle": plan.obstacle, "deadline": deadline, "fear": plan.fear, "flaw": plan.flaw,
            "place": plan.setting, "home": lexicon.home, "spot": spot, "spot2": spots[(index + 3) % spots.count],
            "finalSpot": plan.scenes.first { $0.roles.contains(.resolution) }?.spot ?? spot,
            // The opening and the closing see the same sight: the closing echoes the opening.
            "sight": scene.roles.contains(.opening) || scene.roles.contains(.closing) ? sights[0] : sights[1 + index % (sights.count - 1)],
            "sound": sounds[index % sounds.count], "makeshift": makeshift[0],
            "soundWord": lexicon.soundWords[index % lexicon.soundWords.count],
            "moves": motion(heroKind), "helperMoves": motion(helperKind),
            "skill": helperSkill, "skillAct": plan.helper == nil ? nil : (helperKind ?? CreatureKinds.someone).act,
            "heroSkill": heroSkill, "heroAct": (heroKind ?? CreatureKinds.someone).act,
            "refrain": plan.refrain,
            "boardTrouble": boardTrouble[plan.goalKind], "shortSpot": shortSpots.isEmpty ? "here" : shortSpots[index % shortSpots.count],
            "hazardShort": hazardWords.count >= 2 ? "\(hazardWords.first!) \(hazardWords.last!)" : hazard,
            "boardAct": boardAct,
        ]
    }

    /// The scene's text: Markdown paragraphs.
    func text() -> String {
        if voice == .board { return boardText() }
        var sentences: [String] = []
        // The hour when it changes; a picture book's crowded first page leaves it to the pictures.
        let opensPictureBook = index == 0 && voice == .picture
        if !opensPictureBook, index == 0 || plan.scenes[index - 1].time != scene.time, let hour = hourSentence() { sentences.append(hour) }
        for (position, role) in scene.roles.enumerated() {
            var parts = recipe(role, short: voice == .picture)
            if voice == .early, let talk = pick("talk.\(role.rawValue)", from: StoryGrammar.talk) { parts.append(talk) }
            if [.chapter, .teen, .adult].contains(voice), let inner = pick("inner.\(role.rawValue)", from: StoryGrammar.inner) {
                parts.insert(inner, at: min(1, parts.count))
            }
            if position == 0, let brief = briefSentence() { parts.insert(brief, at: min(1, parts.count)) }
            sentences += parts
        }
        if voice == .chapter { sentences = PlanWriter.combine(sentences).map(PlanWriter.enrich) }
        // Older readers get longer sentences still: joined once more.
        if [.teen, .adult].contains(voice) { sentences = PlanWriter.combine(PlanWriter.combine(sentences), longest: 26).map(PlanWriter.enrich) }
        if voice == .picture { sentences = sentences.flatMap(PlanWriter.split) }
        return SceneWriter.paragraphs(sentences)
    }

    /// Parts a picture book leaves out, so that a page holds what a child listens to at once.
    static let pictureBookLeavesOut: Set<String> = ["try.feel", "journey.search", "closing.home"]

    /// The sentences of a role's parts, in order; `short` leaves out what a picture book does not need.
    func recipe(_ role: BeatRole, short: Bool = false) -> [String] {
        let goal = plan.goalKind.rawValue
        let names: [String]
        switch role {
        case .opening: names = ["opening.place", "opening.hero", "opening.thing", "opening.flaw", "opening.friend"]
        case .inciting: names = ["inciting.\(goal)", "inciting.stakes", "inciting.feel"]
        case .firstTry: names = ["try.go", "try.attempt", "try.fail", "try.feel"]
        case .helper: names = plan.helper == nil ? ["helper.self", "helper.progress"] : ["helper.idea", "helper.act", "helper.progress"]
        case .journey: names = ["journey.go", "journey.sight", "journey.search"]
        case .setback: names = ["setback.hazard", "setback.cause.\(goal)", "setback.loss", "setback.doubt", "setback.comfort"]
        case .turn: names = ["turn.remember", "turn.idea.\(goal)", "turn.together", "turn.brave"]
        case .resolution: names = ["resolution.\(goal)", "resolution.use", "resolution.joy"]
        case .closing: names = ["closing.home", "closing.echo", "closing.theme.\(plan.theme)", "closing.end"]
        }
        var kept = short ? names.filter { !PlanWriter.pictureBookLeavesOut.contains($0) } : names
        // A picture book meets the friend when the friend comes to help, not on the crowded first page.
        if short, plan.helper != nil {
            kept.removeAll { $0 == "opening.friend" }
            if role == .helper { kept.insert("opening.friend", at: 0) }
        }
        return kept.compactMap { pick($0, from: StoryGrammar.parts) }
    }

    /// One sentence of a part: the book's seed orders the part's usable sentences, and the scene's
    /// place picks one, so scenes of a book do not share a sentence while the part has sentences left.
    func pick(_ part: String, from table: [String: [String]]) -> String? {
        let usable = (table[part] ?? []).compactMap { render($0) }
        guard !usable.isEmpty else { return nil }
        var order = Array(usable.indices)
        var random = SeededRandom(request.book.seed + "\u{0}" + request.book.title + "\u{0}" + part)
        random.shuffle(&order)
        // A part of a role that comes back (the journey) takes the next sentence each time, and none
        // once they are used up; any other part is used once in a book.
        if part.contains("journey") {
            let ordinal = plan.scenes[..<index].filter { $0.roles.contains(.journey) }.count
            let slot = ordinal + request.attempt
            return slot < order.count ? usable[order[slot]] : nil
        }
        return usable[order[(index + request.attempt) % order.count]]
    }

    /// A template filled and set in the voice's tense, or nil when it needs a value the book lacks.
    func render(_ template: String) -> String? {
        guard let filled = TemplateFill.fill(template, values) else { return nil }
        return Grammar.upperFirst(Tense.resolve(filled, past: voice.isPast))
    }

    func hourSentence() -> String? {
        let key = scene.time.rawValue + (plan.settingKind.isOutdoors ? ".out" : ".in")
        return pick(key, from: StoryGrammar.hours)
    }

    /// The writer's brief as a sentence of the story, in the voice's tense.
    func briefSentence() -> String? {
        guard let brief = request.brief, !brief.isEmpty else { return nil }
        let sentence = Grammar.briefSentence(brief)
        return voice.isPast ? PlanWriter.pastTense(sentence) : sentence
    }

    /// "Moss and Wren follow a trail" → "Moss and Wren followed a trail": the first verb after the subject.
    static func pastTense(_ sentence: String) -> String {
        var words = sentence.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard let first = words.first else { return sentence }
        var index = 0
        if ["the", "a", "an"].contains(first.lowercased()) {
            index = 2
        } else if first == "Here" {
            index = 1
        } else {
            // Past the subject: names (capitalised) and the "and" that joins them.
            while index < words.count, words[index].first?.isUppercase == true || words[index] == "and" { index += 1 }
        }
        guard index < words.count else { return sentence }
        let word = words[index]
        let core = word.trimmingCharacters(in: .punctuationCharacters)
        guard !core.isEmpty, core.first!.isLowercase else { return sentence }
        words[index] = word.replacingOccurrences(of: core, with: Tense.past(of: core))
        return words.joined(separator: " ")
    }

    /// Joins short sentences in pairs, as chapter books do ("A. B." → "A, and b."), leaving talk alone.
    static func combine(_ sentences: [String], longest: Int = 11) -> [String] {
        var result: [String] = []
        var index = 0
        while index < sentences.count {
            let first = sentences[index]
            if index + 1 < sentences.count {
                let second = sentences[index + 1]
                let short = first.split(separator: " ").count <= longest && second.split(separator: " ").count <= longest
                let plain = !first.contains("\"") && !second.contains("\"") && first.hasSuffix(".") && second.hasSuffix(".")
                // A sentence that opens with its own link word ("But", "Then") stands alone.
                let links: Set<String> = ["but", "and", "then", "so", "only", "still", "now", "that", "this", "there", "it", "look", "suddenly",
                                          "worst", "time", "off", "on", "next", "meanwhile", "maybe", "perhaps", "click", "one", "first", "again"]
                let opener = second.split(separator: " ").first.map { $0.lowercased().trimmingCharacters(in: .punctuationCharacters) } ?? ""
                if short && plain && !links.contains(opener) {
                    let joiners = [", and ", "; ", ", while "]
                    let joiner = joiners[(first.count + second.count) % joiners.count]
                    let lowered = ["the", "a", "an", "all", "every", "everyone", "nearby", "outside", "back", "far", "step", "they"].contains(opener)
                        ? second.prefix(1).lowercased() + second.dropFirst() : second
                    result.append(String(first.dropLast()) + joiner + lowered)
                    index += 2
                    continue
                }
            }
            result.append(first)
            index += 1
        }
        return result
    }

    /// A long sentence in two, as picture books read aloud: "A, and b." → "A. And b."
    static func split(_ sentence: String) -> [String] {
        guard sentence.split(separator: " ").count > 12, !sentence.contains("\""), let range = sentence.range(of: ", and ") else { return [sentence] }
        let first = String(sentence[..<range.lowerBound]) + "."
        let rest = sentence[range.upperBound...]
        // Only where the second half has its own subject: "And the light turns gold", not "And sees".
        let subjects: Set<String> = ["the", "it", "they", "there", "nobody", "everyone", "that", "this", "a", "an", "all", "every"]
        guard let next = rest.split(separator: " ").first, next.first?.isUppercase == true || subjects.contains(String(next)) else { return [sentence] }
        let second = "And " + rest
        guard first.split(separator: " ").count >= 4, second.split(separator: " ").count >= 4 else { return [sentence] }
        return [first] + split(second)
    }

    /// Plain words swapped for richer ones, for the older voices.
    static func enrich(_ sentence: String) -> String {
        let swaps = ["happy": "delighted", "sad": "miserable", "scared": "frightened", "tired": "exhausted",
                     "started": "began", "good": "splendid", "hurried": "scurried", "sighed": "sighed heavily"]
        var words = sentence.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        for index in words.indices {
            let core = words[index].trimmingCharacters(in: .punctuationCharacters)
            guard let swap = swaps[core] else { continue }
            words[index] = words[index].replacingOccurrences(of: core, with: swap)
            // "a big bear" becomes "an enormous bear".
            if index > 0, words[index - 1] == "a", let first = swap.first, "aeiou".contains(first) { words[index - 1] = "an" }
        }
        return words.joined(separator: " ")
    }

    /// The board-book voice: two or three very short sentences for each role, the refrain, a sound word.
    func boardText() -> String {
        var sentences: [String] = []
        for role in scene.roles {
            let pool = (StoryGrammar.board["board.\(role.rawValue)"] ?? []).compactMap { render($0) }
                .filter { $0.split(separator: " ").count <= 6 }
            var order = Array(pool.indices)
            var random = SeededRandom(request.book.seed + "\u{0}" + request.book.title + "\u{0}board." + role.rawValue + "\(index)")
            random.shuffle(&order)
            sentences += order.prefix(scene.roles.count > 1 ? 2 : 3).map { pool[$0] }
            if let refrain = plan.refrain, [.inciting, .firstTry, .journey, .setback, .helper, .turn].contains(role) {
                sentences.append(refrain)
            }
        }
        var seen: [String] = []
        for sentence in sentences where !seen.contains(sentence) || sentence == plan.refrain { seen.append(sentence) }
        return SceneWriter.paragraphs(seen)
    }
}
