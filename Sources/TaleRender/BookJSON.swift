import TaleCore

/// `books/<slug>/book.json`: the book as data for the reader and other tools. Paths are relative
/// to the site root.
public enum BookJSON {
    /// Format version of book.json.
    public static let version = 1

    /// The JSON text.
    public static func make(_ view: BookView) -> String {
        let matter = view.book.frontMatter
        func image(_ image: ImageView?) -> JSONValue {
            guard let image else { return .null }
            return .object([
                ("src", .string(image.path)), ("alt", .string(image.alt)),
                ("width", image.width.map { .int($0) } ?? .null), ("height", image.height.map { .int($0) } ?? .null),
            ])
        }
        let scenes: [JSONValue] = view.scenes.map { sceneView in
            let scene = sceneView.scene
            return .object([
                ("id", .string(scene.id)),
                ("title", .optional(scene.title)),
                ("text", .string(scene.text)),
                ("html", .string(sceneView.html)),
                ("illustration", image(sceneView.illustration)),
                ("mood", .optional(scene.mood?.rawValue)),
                ("effects", scene.effects.map { .array($0.map { .string($0.rawValue) }) } ?? .null),
                ("sounds", scene.sounds.map { .array($0.map { .string($0) }) } ?? .null),
                ("music", .optional(scene.music)),
                ("next", .optional(sceneView.next)),
                ("ending", .bool(view.endings.contains(scene.id))),
                ("generated", .bool(scene.isGenerated)),
                ("narration", sceneView.narration.map { narration in
                    let titleWords = (scene.title ?? view.book.frontMatter.title).split(whereSeparator: \.isWhitespace).count
                    return .object([("audio", .string(narration.audio)), ("words", .array(narration.words.map { .string($0) })),
                                    ("timings", .array(narration.timings.map { .int($0) })),
                                    ("sentences", .array(narration.sentences(titleWords: titleWords).map { sentence in
                                        .object([("words", .array([.int(sentence.first), .int(sentence.last)])),
                                                 ("start", .int(sentence.start)), ("end", .int(sentence.end))])
                                    }))])
                } ?? .null),
                ("choices", .array(scene.choices.map { .object([("label", .string($0.label)), ("target", .string($0.target))]) })),
            ])
        }
        let root: JSONValue = .object([
            ("version", .int(version)),
            ("slug", .string(view.book.slug)),
            ("title", .string(matter.title)),
            ("author", .optional(matter.author)),
            ("date", .optional(matter.date)),
            ("language", .string(matter.language)),
            ("age", .optional(matter.age)),
            ("ageTier", .string(matter.ageTier.rawValue)),
            ("summary", .optional(matter.summary)),
            ("tags", .array(matter.tags.map { .string($0) })),
            ("style", .string(matter.style.rawValue)),
            ("wordCount", view.stats.map { .int($0.words) } ?? .null),
            ("readingMinutes", view.stats.map { .int($0.minutes) } ?? .null),
            ("readingGrade", view.stats.map { .double($0.grade) } ?? .null),
            ("readingBand", view.stats.map { .string($0.band.rawValue) } ?? .null),
            ("characters", .array(matter.characters.map {
                .object([("name", .string($0.name)), ("role", .optional($0.role)), ("looks", .optional($0.looks))])
            })),
            ("soundtrack", .string(matter.soundtrack.rawValue)),
            ("effects", .string(matter.effects.rawValue)),
            ("cover", image(view.cover)),
            ("start", .optional(view.scenes.first?.scene.id)),
            ("accessibilityHazards", .array((view.cues?.hazards ?? []).map { .string($0) })),
            ("endings", .array(view.endings.map { .string($0) })),
            ("scenes", .array(scenes)),
        ])
        return root.text(indent: 2) + "\n"
    }
}
