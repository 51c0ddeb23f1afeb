import TaleCore

/// `books/<slug>/cues.json`: the soundtrack and effect cue map, format version 1 (docs/cues.md,
/// schema in docs/cues.schema.json). The same JSON is embedded in the reader page.
public enum CueJSON {
    /// Format version of cues.json.
    public static let version = 1

    /// The cue map as a JSON value; `files` maps sound names to audio files, relative to the book's folder.
    public static func value(_ map: CueMap, files: [String: String] = [:]) -> JSONValue {
        JSONValue(encoding: Document(map, files: files))
    }

    /// The cue map as `cues.json` text.
    public static func make(_ map: CueMap, files: [String: String] = [:]) -> String { make(value: value(map, files: files)) }

    /// `cues.json`'s text for a cue map already encoded (`value`).
    public static func make(value: JSONValue) -> String { value.text(indent: 2) + "\n" }

    /// cues.json's shape, field by field in the order written.
    struct Document: Encodable {
        let version: Int
        let book: String
        let soundtrack: String
        let effects: String
        let hazards: [String]
        let scenes: [Scene]
        let files: SortedKeys

        init(_ map: CueMap, files: [String: String]) {
            version = CueJSON.version
            book = map.book
            soundtrack = map.soundtrack.rawValue
            effects = map.effects.rawValue
            hazards = map.hazards
            scenes = map.scenes.map(Scene.init)
            self.files = SortedKeys(files)
        }
    }

    /// One scene's cues.
    struct Scene: Encodable {
        let id: String
        let words: Int
        let mood: Mood
        let time: String?
        let weather: [String]
        let music: Music?
        let sounds: [Sound]
        let effects: [Effect]

        init(_ cues: SceneCues) {
            id = cues.scene
            words = cues.words
            mood = Mood(name: cues.mood.mood.rawValue, intensity: cues.mood.intensity, source: cues.mood.source.rawValue, reason: cues.mood.reason)
            time = cues.time
            weather = cues.weather
            music = cues.music.map {
                Music(theme: $0.theme, key: $0.key, mode: $0.mode, tempo: $0.tempo, instruments: $0.instruments, intensity: $0.intensity,
                      crossfade: $0.crossfade, source: $0.source.rawValue)
            }
            sounds = cues.sounds.map { Sound(name: $0.name, word: $0.word, source: $0.source.rawValue, reason: $0.reason) }
            effects = cues.effects.map {
                Effect(name: $0.effect.rawValue, start: $0.start, end: $0.end, intensity: $0.intensity, source: $0.source.rawValue, reason: $0.reason)
            }
        }
    }

    /// The scene's mood, how strong, and why.
    struct Mood: Encodable {
        let name: String, intensity: Double, source: String, reason: String
    }

    /// The music cue.
    struct Music: Encodable {
        let theme: String, key: String, mode: String, tempo: Int, instruments: [String], intensity: Double, crossfade: Double, source: String
    }

    /// A sound at a word.
    struct Sound: Encodable {
        let name: String, word: Int, source: String, reason: String
    }

    /// An effect over words `start` to `end`.
    struct Effect: Encodable {
        let name: String, start: Int, end: Int?, intensity: Double, source: String, reason: String
    }
}

/// A dictionary of strings encoded as an object with its keys sorted, so the text is the same every time.
struct SortedKeys: Encodable {
    let pairs: [String: String]

    init(_ pairs: [String: String]) { self.pairs = pairs }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyKey.self)
        for key in pairs.keys.sorted() { try container.encode(pairs[key]!, forKey: AnyKey(stringValue: key)) }
    }
}
