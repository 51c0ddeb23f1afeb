import TaleCore

/// Tale's own planner: reads the premise (or the title alone), the characters and the writer's
/// scenes, and plans the story beat by beat, with cause and effect, a clock that only moves
/// forward, and who is where. Deterministic: the same request gives the same plan.
enum StoryPlanner {
    /// The plan for the book of `request` (a `.plan` request).
    static func plan(_ request: TextRequest) -> StoryPlan {
        let book = request.book
        let cast = StoryCast(book)
        let heroCharacter = book.characters.first { $0.name == cast.hero }
        let heroKind = CreatureKinds.of(looks: heroCharacter?.looks, role: heroCharacter?.role, name: cast.hero)
            ?? CreatureKinds.of(looks: book.premise, role: nil, name: "")
        let reading = PremiseReader.read(book, heroKind: heroKind)
        let lexicon = SettingLexicons.of(reading.settingKind)
        var random = SeededRandom(book.seed + "\u{0}" + book.title + "\u{0}plan")
        let thing = StoryThings.of(reading.thing)

        var skills: [CharacterSkill] = []
        for character in book.characters {
            let kind = CreatureKinds.of(looks: character.looks, role: character.role, name: character.name)
            skills.append(CharacterSkill(name: character.name, kind: kind?.name, can: (kind ?? CreatureKinds.someone).skill))
        }
        if heroCharacter == nil { skills.insert(CharacterSkill(name: cast.hero, kind: heroKind?.name, can: (heroKind ?? CreatureKinds.someone).skill), at: 0) }

        let flaw = reading.fear.map { "[is|was] afraid of \($0)" } ?? defaultFlaw(heroKind, &random)
        let theme = theme(moral: book.moral, fear: reading.fear, flaw: flaw, goal: reading.goalKind, hasHelper: cast.friend != nil)
        let obstacle = reading.obstacle ?? defaultObstacle(reading, thing: thing, &random)
        let setting = book.setting.map(Grammar.dropFinalStop) ?? lexicon.place
        var plan = StoryPlan(
            hero: cast.hero, heroKind: heroKind?.name, helper: cast.friend, mentor: cast.mentor, skills: skills,
            goalKind: reading.goalKind, goal: reading.goal, keyThing: reading.thing, keyThingUse: reading.thingUse ?? thing.use, beneficiary: reading.beneficiary,
            obstacle: obstacle, fear: reading.fear, flaw: flaw,
            stakes: "without the \(reading.thing), " + stakes(reading.goalKind),
            deadline: reading.deadline, setting: setting, settingKind: reading.settingKind, startTime: reading.startTime,
            theme: theme, refrain: StoryVoice.of(age: book.age) == .board ? refrain(reading.goalKind, thing: reading.thing, hero: cast.hero, kind: heroKind) : nil,
            scenes: [], summary: "", tags: [])

        // A hero who is the same kind of thing as the key thing (a sock who lost a sock) looks for the other one.
        if heroKind?.name == reading.thing { plan.goal = plan.goal.replacingOccurrences(of: "the \(reading.thing)", with: "the other \(reading.thing)") }
        let count = max(1, request.sceneCount)
        let roles = StoryPlanner.roles(count: count)
        var spots = lexicon.spots
        random.shuffle(&spots)
        let steps = TimeOfDay.allCases.firstIndex(of: .night)! - TimeOfDay.allCases.firstIndex(of: plan.startTime)!
        var usedTitles: Set<String> = []
        for index in 0..<count {
            let sceneRoles = roles[index]
            let hour = TimeOfDay.allCases[TimeOfDay.allCases.firstIndex(of: plan.startTime)! + (count == 1 ? 0 : index * steps / (count - 1))]
            let written = index < request.writtenTexts.count ? request.writtenTexts[index] : nil
            var present = [plan.hero]
            // The helper joins when the helper's skill is needed, and stays.
            let helperJoined = roles[...index].contains { $0.contains(.helper) || $0.contains(.resolution) }
            if let helper = plan.helper, helperJoined { present.append(helper) }
            if let mentor = plan.mentor, sceneRoles.contains(.closing) || sceneRoles == [.opening] { present.append(mentor) }
            if let written {
                present = plan.cast.filter { written.contains($0) }
                if present.isEmpty { present = [plan.hero] }
            }
            let state: ThingState = sceneRoles.contains(.resolution) || sceneRoles.contains(.closing) ? .solved
                : sceneRoles == [.opening] ? .fine : .trouble
            let writerTitle = index < request.sceneTitles.count ? request.sceneTitles[index] : nil
            let title = writerTitle ?? StoryPlanner.title(sceneRoles, plan: plan, used: &usedTitles, random: &random)
            usedTitles.insert(title)
            let brief = index < request.sceneBriefs.count ? request.sceneBriefs[index] : nil
            let event = brief.map(Grammar.briefSentence) ?? StoryPlanner.event(sceneRoles, plan: plan, thing: thing, spot: spots[index % spots.count])
            // The trouble happens where the premise puts it, and it is put right there.
            let spot = (sceneRoles.contains(.inciting) || sceneRoles.contains(.resolution)) ? reading.troubleSpot ?? spots[index % spots.count]
                : spots[index % spots.count]
            plan.scenes.append(PlannedScene(roles: sceneRoles, title: title, event: event, time: hour, present: present, thing: state,
                                            spot: sceneRoles == [.opening] ? nil : spot, written: written != nil))
        }
        plan.summary = summary(plan, thing: thing, book: book)
        plan.tags = tags(plan, heroKind: heroKind)
        return plan
    }

    /// The roles of each scene of a book of `count` scenes: short books give a scene several.
    static func roles(count: Int) -> [[BeatRole]] {
        switch count {
        case ...1: return [[.opening, .inciting, .resolution]]
        case 2: return [[.opening, .inciting], [.resolution, .closing]]
        case 3: return [[.opening, .inciting], [.firstTry, .turn], [.resolution, .closing]]
        case 4: return [[.opening], [.inciting, .firstTry], [.helper, .turn], [.resolution, .closing]]
        case 5: return [[.opening], [.inciting], [.firstTry, .helper], [.setback, .turn], [.resolution, .closing]]
        case 6: return [[.opening], [.inciting], [.firstTry], [.helper], [.setback, .turn], [.resolution, .closing]]
        case 7: return [[.opening], [.inciting], [.firstTry], [.helper], [.setback], [.turn], [.resolution, .closing]]
        default:
            let journeys = Array(repeating: [BeatRole.journey], count: count - 8)
            return [[.opening], [.inciting], [.firstTry], [.helper]] + journeys + [[.setback], [.turn], [.resolution], [.closing]]
        }
    }

    /// The role that names a scene of several.
    static func mainRole(_ roles: [BeatRole]) -> BeatRole {
        let order: [BeatRole] = [.resolution, .inciting, .turn, .setback, .helper, .firstTry, .journey, .closing, .opening]
        return order.first(where: roles.contains) ?? .opening
    }

    static func title(_ roles: [BeatRole], plan: StoryPlan, used: inout Set<String>, random: inout SeededRandom) -> String {
        let role = mainRole(roles)
        let key = [.inciting, .resolution].contains(role) ? "\(role.rawValue).\(plan.goalKind.rawValue)" : role.rawValue
        var options = StoryGrammar.titles[key] ?? ["Part"]
        random.shuffle(&options)
        let lexicon = SettingLexicons.of(plan.settingKind)
        let values = ["Hero": plan.hero, "Helper": plan.helper, "Thing": Grammar.titleCase(plan.keyThing),
                      "Home": Grammar.titleCase(lexicon.home), "Place": Grammar.titleCase(shortPlace(plan.setting))]
        for option in options {
            guard let filled = TemplateFill.fill(option, values) else { continue }
            if !used.contains(filled), filled.split(separator: " ").count <= 5 { return filled }
        }
        return "\(Grammar.titleCase(plan.keyThing)), Part \(used.count + 1)"
    }

    /// "the mossy village under the ferns" → "the Village".
    static func shortPlace(_ setting: String) -> String {
        let words = setting.split(separator: " ").prefix { !["under", "on", "in", "by", "of", "near", "beside", "with", ","].contains($0) }
        return words.last.map { String($0).trimmingCharacters(in: .punctuationCharacters) } ?? setting
    }

    /// What happens in a scene, in one plain sentence.
    static func event(_ roles: [BeatRole], plan: StoryPlan, thing: StoryThing, spot: String) -> String {
        let hero = plan.hero
        let helper = plan.helper
        let lines: [String] = roles.map { role in
            switch role {
            case .opening: return "\(hero) is at home in \(plan.setting), where the \(plan.keyThing) \(Tense.resolve(plan.keyThingUse, past: false))"
            case .inciting:
                switch plan.goalKind {
                case .find: return "The \(plan.keyThing) is gone, and \(hero) must \(plan.goal)"
                case .fix: return "The \(plan.keyThing) \(Tense.resolve(thing.trouble, past: false)), and \(hero) must \(plan.goal)"
                case .free: return "\(Grammar.upperFirst(plan.beneficiary ?? "a friend")) is caught in a \(plan.keyThing), and \(hero) must help"
                default: return "\(hero) must \(plan.goal)"
                }
            case .firstTry: return "\(hero) tries to \(plan.goal) alone \(spot), but \(Tense.resolve(plan.obstacle, past: false))"
            case .helper:
                if let helper, let skill = plan.skills.first(where: { $0.name == helper }) { return "\(helper) helps: \(helper) can \(skill.can)" }
                return "\(hero) uses what \(hero) can do"
            case .journey: return "The search goes on \(spot)"
            case .setback: return "Things go wrong \(spot), and \(hero) wants to give up"
            case .turn: return "\(hero) understands why the first try failed and finds a new way"
            case .resolution: return "\(hero) \(Grammar.thirdPerson(plan.goal)), and the \(plan.keyThing) \(Tense.resolve(plan.keyThingUse, past: false))"
            case .closing: return "Back home, all is well again, and the day ends"
            }
        }
        return lines.map(Grammar.sentence).joined(separator: " ")
    }

    static func defaultFlaw(_ kind: CreatureKind?, _ random: inout SeededRandom) -> String {
        switch kind?.name {
        case "snail", "turtle", "worm": return "[worries|worried] about being too slow"
        case "mouse", "ant", "ladybird", "bee", "firefly", "child": return "[worries|worried] about being too small"
        default:
            var options = ["[is|was] shy and quiet", "[does|did] not like to ask for help", "[gets|got] cross when things go wrong",
                           "[worries|worried] about everything"]
            random.shuffle(&options)
            return options[0]
        }
    }

    static func defaultObstacle(_ reading: PremiseReading, thing: StoryThing, _ random: inout SeededRandom) -> String {
        switch reading.goalKind {
        case .find: return "there [are|were] far too many places where the \(reading.thing) could be"
        case .fix: return "a small piece inside the \(reading.thing) [is|was] broken, and there [is|was] no new one"
        case .free: return "the knots of the \(reading.thing) [are|were] pulled tight and tangled"
        case .make: return "nobody [knows|knew] how to \(reading.goal) without help"
        case .reach: return "the way [is|was] long, and nobody [knows|knew] which way to go"
        case .retrieve: return "the \(reading.thing) [is|was] far too high to reach"
        case .share: return "there [is|was] only one \(reading.thing), and two friends who [want|wanted] it"
        case .win: return "the others [are|were] bigger and louder"
        case .overcome: return "the fear [feels|felt] too big"
        }
    }

    static func stakes(_ kind: GoalKind) -> String {
        switch kind {
        case .find, .fix, .retrieve: return "nothing is quite right"
        case .free: return "a friend cannot get home"
        case .make: return "the special day will be spoiled"
        case .reach: return "someone will be left waiting"
        case .share: return "one friend will be left out"
        case .win, .overcome: return "the chance will be gone"
        }
    }

    static func theme(moral: String?, fear: String?, flaw: String, goal: GoalKind, hasHelper: Bool) -> String {
        let text = (moral ?? "").lowercased()
        let table: [(String, [String])] = [
            ("courage", ["brave", "courage", "afraid", "fear", "scared"]),
            ("sharing", ["share", "sharing"]),
            ("friendship", ["help", "together", "friend", "ask"]),
            ("patience", ["patient", "patience", "slow", "wait"]),
            ("kindness", ["kind", "care", "gentle"]),
            ("perseverance", ["try", "again", "give up", "keep going"]),
        ]
        if let found = table.first(where: { $0.1.contains(where: text.contains) }) { return found.0 }
        if fear != nil || flaw.contains("shy") || flaw.contains("worr") { return "courage" }
        if flaw.contains("cross") { return "patience" }
        if goal == .share { return "sharing" }
        if goal == .free { return "kindness" }
        if flaw.contains("slow") { return "patience" }
        return hasHelper ? "friendship" : "perseverance"
    }

    static func refrain(_ kind: GoalKind, thing: String, hero: String, kind creature: CreatureKind?) -> String {
        switch kind {
        case .find: return "Where is the \(thing)?"
        case .fix: return "Fix it, fix the \(thing)!"
        case .free: return "Pull, pull, little \(thing)!"
        case .make: return "Mix it, bake it, make it!"
        case .reach: return "Off we go, off we go!"
        case .retrieve: return "Up, up, up to the \(thing)!"
        case .share: return "One \(thing) for two!"
        case .win: return "Go, \(hero), go!"
        case .overcome: return "Brave little \(creature?.name ?? "one")!"
        }
    }

    static func summary(_ plan: StoryPlan, thing: StoryThing, book: StoryBook) -> String {
        let when: String
        switch plan.goalKind {
        case .find: when = "When the \(plan.keyThing) goes missing, "
        case .fix: when = "When the \(plan.keyThing) \(Tense.resolve(thing.trouble, past: false)), "
        case .free: when = "When \(plan.beneficiary ?? "a friend") is caught in a \(plan.keyThing), "
        case .retrieve: when = "When the \(plan.keyThing) gets stuck out of reach, "
        case .share: when = "With only one \(plan.keyThing) between them, "
        default: when = ""
        }
        let deadline = plan.deadline.map { " before " + Tense.resolve($0, past: false) } ?? ""
        let first = when + plan.hero + " must " + plan.goal + deadline
        let lessons = ["courage": "being afraid is no reason to stop", "sharing": "a thing shared is twice as good",
                       "friendship": "some jobs are best done together", "patience": "slow and careful gets there in the end",
                       "kindness": "no kindness is ever too small", "perseverance": "trying again is how hard things get done"]
        let second: String
        if let helper = plan.helper, let skill = plan.skills.first(where: { $0.name == helper }) {
            second = "With \(helper), who can \(skill.can), \(plan.hero) finds out that \(lessons[plan.theme] ?? lessons["friendship"]!)."
        } else {
            second = "On the way, \(plan.hero) finds out that \(lessons[plan.theme] ?? lessons["perseverance"]!)."
        }
        return Grammar.sentence(first) + " " + second
    }

    static func tags(_ plan: StoryPlan, heroKind: CreatureKind?) -> [String] {
        let places: [SettingKind: String] = [.space: "space", .undersea: "ocean", .beach: "seaside", .cave: "caves", .town: "town",
                                             .village: "village", .home: "home", .forest: "forest", .meadow: "nature", .mountain: "mountains",
                                             .river: "river", .farm: "farm", .garden: "garden", .snow: "winter", .sky: "sky",
                                             .castle: "castles", .school: "school", .train: "trains"]
        let goals: [GoalKind: String] = [.find: "lost-and-found", .fix: "fixing-things", .free: "rescue", .make: "making-things",
                                         .reach: "journeys", .retrieve: "problem-solving", .share: "sharing", .win: "contests",
                                         .overcome: "feelings"]
        var tags = [places[plan.settingKind]!, plan.theme, goals[plan.goalKind]!]
        let people: Set<String> = ["girl", "boy", "child", "grandmother", "grandfather", "mother", "father", "baker", "teacher", "astronaut",
                                   "knight", "princess", "prince", "wizard"]
        if let kind = heroKind?.name {
            if kind == "robot" { tags.append("robots") } else if kind == "dragon" || kind == "unicorn" { tags.append("magic") } else if !people.contains(kind) { tags.append("animals") }
        }
        if [.evening, .night].contains(plan.startTime) { tags.append("bedtime") }
        var seen: [String] = []
        for tag in tags where !seen.contains(tag) { seen.append(tag) }
        return Array(seen.prefix(5))
    }
}

/// Fills `{name}` placeholders from a table; nil when one has no value.
enum TemplateFill {
    static func fill(_ template: String, _ values: [String: String?]) -> String? {
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { return nil }
            let key = String(rest[rest.index(after: open)..<close])
            guard let value = values[key] ?? nil else { return nil }
            result += value
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
