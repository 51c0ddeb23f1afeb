import TaleCore

/// The chat messages a service gets for a request: a system message with the rules of the
/// book's reading band and tier, and a user message with the book, the plan and the brief.
enum StoryPrompt {
    static func system(for book: StoryBook) -> String {
        let voice = StoryVoice.of(age: book.age)
        return """
        You write storybooks: \(voice.rules). Write in the language with the BCP 47 tag \(book.language). \
        Keep every character's name exactly as given, and bring in no other named character. \
        Nothing violent, frightening, romantic or rude that is unsuitable for the age. \
        Reply with the text only: no headings, no lists, no notes, no quotation of these instructions.
        """
    }

    /// The book's facts every request carries: title, premise, setting, moral and the character bible.
    static func bookLines(_ book: StoryBook) -> [String] {
        var lines = ["Book title: \(book.title)"]
        if let premise = book.premise { lines.append("Premise: \(premise)") }
        if let setting = book.setting { lines.append("Setting: \(setting)") }
        if let moral = book.moral { lines.append("Moral (show it through what happens; never state it word for word): \(moral)") }
        if !book.characters.isEmpty {
            lines.append("Characters (the only named characters in the book):")
            for character in book.characters {
                var line = "- \(character.name)"
                if let role = character.role { line += " (\(role))" }
                if let looks = character.looks { line += ": \(looks)" }
                lines.append(line)
            }
        }
        return lines
    }

    /// The request for a book's plan: what the premise means, and one event a scene.
    static func plan(for request: TextRequest) -> String {
        var lines = bookLines(request.book)
        lines.append("Age: \(request.book.age ?? "any"). Voice: \(StoryVoice.of(age: request.book.age).rules).")
        lines.append("The book has \(request.sceneCount) scenes.")
        for index in 0..<request.sceneCount {
            var line = "Scene \(index + 1):"
            if index < request.sceneTitles.count, let title = request.sceneTitles[index] { line += " title \"\(title)\" (keep it)." }
            if index < request.sceneBriefs.count, let brief = request.sceneBriefs[index] { line += " What happens: \(brief)." }
            if index < request.writtenTexts.count, let text = request.writtenTexts[index] { line += " Written by the writer: \(String(text.prefix(300)))" }
            lines.append(line)
        }
        lines.append("""
        Plan the story before it is written, as JSON that follows the schema. Read the premise: the hero's goal and the key \
        thing it is about, the obstacle, the hero's fear or flaw, the stakes and any deadline, the setting and its kind, the hour \
        the story starts, and what each character can do that matters. Then give each scene one event that follows from the one \
        before: a first try that fails because of the obstacle, a helper's skill used, a setback, a turn that comes from what \
        the hero learned, and a resolution that uses the key thing, with a closing image that echoes the opening. Hours only move \
        forward. Titles have at most five words and say what happens. Tags are three to five short lowercase slugs. The summary \
        is one or two sentences.
        """)
        return lines.joined(separator: "\n")
    }

    /// The JSON Schema of a plan, for services that take `response_format`.
    static var planSchema: JSONValue {
        func string(_ description: String) -> JSONValue { .object([("type", .string("string")), ("description", .string(description))]) }
        func strings() -> JSONValue { .object([("type", .string("array")), ("items", .object([("type", .string("string"))]))]) }
        func choice(_ values: [String]) -> JSONValue { .object([("type", .string("string")), ("enum", .array(values.map { .string($0) }))]) }
        let scene: JSONValue = .object([
            ("type", .string("object")),
            ("properties", .object([
                ("title", string("at most five words")), ("event", string("what happens, one sentence")),
                ("time", choice(TimeOfDay.allCases.map(\.rawValue))), ("present", strings()),
                ("roles", .object([("type", .string("array")), ("items", choice(BeatRole.allCases.map(\.rawValue)))])),
                ("thing", choice(["fine", "trouble", "solved"])),
            ])),
            ("required", .array(["title", "event", "time", "present"].map { .string($0) })),
        ])
        let skill: JSONValue = .object([("type", .string("object")), ("properties", .object([("name", string("a character")), ("can", string("what it can do"))])),
                                        ("required", .array([.string("name"), .string("can")]))])
        return .object([
            ("type", .string("object")),
            ("properties", .object([
                ("hero", string("the hero's name")), ("helper", string("the main helper's name")), ("goal_kind", choice(GoalKind.allCases.map(\.rawValue))),
                ("goal", string("a verb phrase: fix the radio")), ("key_thing", string("a noun: radio")),
                ("obstacle", string("what stands in the way")), ("fear", string("what the hero fears")), ("flaw", string("the hero's flaw")),
                ("stakes", string("what is lost if the hero fails")), ("deadline", string("by when")), ("setting", string("where")),
                ("setting_kind", choice(SettingKind.allCases.map(\.rawValue))), ("start_time", choice(TimeOfDay.allCases.map(\.rawValue))),
                ("theme", string("what the story shows")), ("skills", .object([("type", .string("array")), ("items", skill)])),
                ("scenes", .object([("type", .string("array")), ("items", scene)])), ("summary", string("one or two sentences")),
                ("tags", strings()),
            ])),
            ("required", .array(["hero", "goal", "key_thing", "obstacle", "setting", "scenes", "summary", "tags"].map { .string($0) })),
        ])
    }

    /// A scene's request: the plan, the rules, the scene's place and event, and the story so far.
    static func scene(for request: TextRequest, plan: StoryPlan, budget: Int = 6000) -> String {
        var lines = bookLines(request.book)
        lines.append("The story plan (JSON):")
        lines.append(plan.json)
        let planned = request.sceneIndex < plan.scenes.count ? plan.scenes[request.sceneIndex] : nil
        var story = request.storySoFar
        // The story so far, trimmed from the oldest scene when it is long.
        while story.joined().count > budget, story.count > 1 { story.removeFirst() }
        if !story.isEmpty {
            let skipped = request.storySoFar.count - story.count
            lines.append("The story so far\(skipped > 0 ? " (from scene \(skipped + 1))" : ""):")
            lines += story.enumerated().map { "[Scene \($0.offset + skipped + 1)]\n\($0.element)" }
        }
        lines.append("Write scene \(request.sceneIndex + 1) of \(request.sceneCount)\(planned.map { ", \"\($0.title)\"" } ?? "").")
        if let planned { lines.append("What happens: \(planned.event) It is \(planned.time.rawValue). Present: \(planned.present.joined(separator: ", ")).") }
        if let brief = request.brief { lines.append("The writer asks: \(brief)") }
        if let next = request.nextText { lines.append("The scene after begins: \(String(next.prefix(400)))") }
        let voice = StoryVoice.of(age: request.book.age)
        lines.append("Write \(voice.sceneWords.lowerBound + 10) to \(min(voice.sceneWords.upperBound - 10, voice.sceneWords.lowerBound * 3)) words in short paragraphs. Continue the story; do not repeat it.")
        return lines.joined(separator: "\n")
    }

    /// What to say when a reply is asked for again.
    static func again(_ problems: [String]) -> String {
        "Your last reply was refused, because " + problems.joined(separator: "; ") + ". Write it again without these problems."
    }

    /// The user message for `request`, with the reasons the last reply was refused, if it was.
    static func user(for request: TextRequest) -> String {
        let message = ask(request)
        return request.problems.isEmpty ? message : message + "\n" + again(request.problems)
    }

    static func ask(_ request: TextRequest) -> String {
        if request.kind == .plan { return plan(for: request) }
        if request.kind == .scene, let plan = request.plan { return scene(for: request, plan: plan) }
        var lines = bookLines(request.book)
        switch request.kind {
        case .scene:
            lines.append("Write scene \(request.sceneIndex + 1) of \(request.sceneCount). Its part in the story: \(request.beat.rawValue).")
            if let title = request.sceneTitle { lines.append("Scene title: \(title)") }
            if let brief = request.brief { lines.append("What happens: \(brief)") }
            if let previous = request.previousText { lines.append("The scene before ends: \(String(previous.suffix(400)))") }
            if let next = request.nextText { lines.append("The scene after begins: \(String(next.prefix(400)))") }
            let voice = StoryVoice.of(age: request.book.age)
            lines.append("Write \(voice.sceneWords.lowerBound + 10) to \(voice.sceneWords.lowerBound * 3) words in short paragraphs.")
        case .title:
            lines.append("Give a title of at most five words for scene \(request.sceneIndex + 1) of \(request.sceneCount) (\(request.beat.rawValue)).")
            if let brief = request.brief { lines.append("What happens: \(brief)") }
            lines.append("Reply with the title only.")
        case .summary:
            let titles = request.sceneTitles.compactMap { $0 }
            if !titles.isEmpty { lines.append("Scenes: \(titles.joined(separator: "; "))") }
            lines.append("Write a summary of the book in one or two sentences for a library page.")
        case .tags:
            lines.append("Give three to five lowercase one-word tags for a library's filters, one per line.")
        case .plan, .illustration, .cover, .character, .narration:
            break
        }
        return lines.joined(separator: "\n")
    }
}
