import TaleCore

/// `books/<slug>/cues.json`: the soundtrack and effect cue map, format version 1 (docs/cues.md,
/// schema in docs/cues.schema.json). The same JSON is embedded in the reader page.
public enum CueJSON {
    /// Format version of cues.json.
    public static let version = 1

    /// The cue map as a JSON value; `files` maps sound names to audio files, relative to the book's folder.
    public static func value(_ map: CueMap, files: [String: String] = [:]) -> JSONValue {
        .object([
            ("version", .int(version)),
            ("book", .string(map.book)),
            ("soundtrack", .string(map.soundtrack.rawValue)),
            ("effects", .string(map.effects.rawValue)),
            ("hazards", .array(map.hazards.map { .string($0) })),
            ("scenes", .array(map.scenes.map(scene))),
            ("files", .object(files.keys.sorted().map { ($0, .string(files[$0]!)) })),
        ])
    }

    /// The cue map as `cues.json` text.
    public static func make(_ map: CueMap, files: [String: String] = [:]) -> String { value(map, files: files).text(indent: 2) + "\n" }

    static func scene(_ cues: SceneCues) -> JSONValue {
        .object([
            ("id", .string(cues.scene)),
            ("words", .int(cues.words)),
            ("mood", .object([
                ("name", .string(cues.mood.mood.rawValue)), ("intensity", .double(cues.mood.intensity)),
                ("source", .string(cues.mood.source.rawValue)), ("reason", .string(cues.mood.reason)),
            ])),
            ("time", .optional(cues.time)),
            ("weather", .array(cues.weather.map { .string($0) })),
            ("music", cues.music.map { music in
                .object([
                    ("theme", .string(music.theme)), ("key", .string(music.key)), ("mode", .string(music.mode)),
                    ("tempo", .int(music.tempo)), ("instruments", .array(music.instruments.map { .string($0) })),
                    ("intensity", .double(music.intensity)), ("crossfade", .double(music.crossfade)),
                    ("source", .string(music.source.rawValue)),
                ])
            } ?? .null),
            ("sounds", .array(cues.sounds.map { sound in
                .object([("name", .string(sound.name)), ("word", .int(sound.word)), ("source", .string(sound.source.rawValue)),
                         ("reason", .string(sound.reason))])
            })),
            ("effects", .array(cues.effects.map { effect in
                .object([("name", .string(effect.effect.rawValue)), ("start", .int(effect.start)), ("end", effect.end.map { .int($0) } ?? .null),
                         ("intensity", .double(effect.intensity)), ("source", .string(effect.source.rawValue)),
                         ("reason", .string(effect.reason))])
            })),
        ])
    }
}
