/// Where a cue's choice came from: the writer's attribute or the analysis of the words.
public enum CueSource: String, Sendable, Equatable {
    /// `mood=`, `effects=`, `sounds=`, `music=` on the heading, or front matter.
    case author
    /// Tale's lexicon and rules over the scene's words.
    case analysis
    /// Nothing chose anything: the default.
    case fallback
}

/// A scene's mood with how strong it is and why.
public struct MoodCue: Sendable, Equatable {
    /// The mood.
    public var mood: Mood
    /// 0 (barely) to 1 (very).
    public var intensity: Double
    /// Author, analysis or fallback.
    public var source: CueSource
    /// The words or attribute behind it.
    public var reason: String

    /// Creates a mood cue.
    public init(mood: Mood, intensity: Double, source: CueSource, reason: String) {
        self.mood = mood
        self.intensity = intensity
        self.source = source
        self.reason = reason
    }
}

/// A sound at a word of the scene.
public struct SoundCue: Sendable, Equatable {
    /// `owl`, `thunder`, `waves`, ...
    public var name: String
    /// The index of the word that causes it (0-based, in the scene's words), or 0 for the author's.
    public var word: Int
    /// Author or analysis.
    public var source: CueSource
    /// Why.
    public var reason: String

    /// Creates a sound cue.
    public init(name: String, word: Int, source: CueSource, reason: String) {
        self.name = name
        self.word = word
        self.source = source
        self.reason = reason
    }
}

/// A visual effect over the illustration, from one word to another (or to the scene's end).
public struct EffectCue: Sendable, Equatable {
    /// The effect.
    public var effect: Effect
    /// The word where it starts.
    public var start: Int
    /// The word where it stops, or nil for the scene's end.
    public var end: Int?
    /// 0 to 1.
    public var intensity: Double
    /// Author or analysis.
    public var source: CueSource
    /// Why.
    public var reason: String

    /// Creates an effect cue.
    public init(effect: Effect, start: Int, end: Int?, intensity: Double, source: CueSource, reason: String) {
        self.effect = effect
        self.start = start
        self.end = end
        self.intensity = intensity
        self.source = source
        self.reason = reason
    }
}

/// The music for a scene: a theme the reader synthesises, in a key and tempo.
public struct MusicCue: Sendable, Equatable {
    /// The theme's name (a mood's name, or the writer's `music=`).
    public var theme: String
    /// The tonic, like `C` or `F#`.
    public var key: String
    /// `major` or `minor`.
    public var mode: String
    /// Beats a minute.
    public var tempo: Int
    /// Instruments the theme uses: `pad`, `pluck`, `bells`, `bass`, `drone`, `pulse`.
    public var instruments: [String]
    /// 0 to 1.
    public var intensity: Double
    /// Seconds to crossfade from the previous scene's music.
    public var crossfade: Double
    /// Author, analysis or fallback.
    public var source: CueSource

    /// Creates a music cue.
    public init(theme: String, key: String, mode: String, tempo: Int, instruments: [String], intensity: Double,
                crossfade: Double, source: CueSource) {
        self.theme = theme
        self.key = key
        self.mode = mode
        self.tempo = tempo
        self.instruments = instruments
        self.intensity = intensity
        self.crossfade = crossfade
        self.source = source
    }
}

/// Everything the reader plays and shows for one scene.
public struct SceneCues: Sendable, Equatable {
    /// The scene's id.
    public var scene: String
    /// How many words the scene has (cue positions index into them).
    public var words: Int
    /// The mood.
    public var mood: MoodCue
    /// `night`, `dawn`, `day`, `dusk`, or nil when the words do not say.
    public var time: String?
    /// Weather the words mention: `rain`, `snow`, `fog`, `wind`, `storm`.
    public var weather: [String]
    /// The music, or nil for silence.
    public var music: MusicCue?
    /// Sounds, in word order.
    public var sounds: [SoundCue]
    /// Effects, in word order.
    public var effects: [EffectCue]

    /// Creates a scene's cues.
    public init(scene: String, words: Int, mood: MoodCue, time: String?, weather: [String], music: MusicCue?,
                sounds: [SoundCue], effects: [EffectCue]) {
        self.scene = scene
        self.words = words
        self.mood = mood
        self.time = time
        self.weather = weather
        self.music = music
        self.sounds = sounds
        self.effects = effects
    }
}

/// A book's cue map (`cues.json`).
public struct CueMap: Sendable, Equatable {
    /// The book.
    public var book: String
    /// Front matter `soundtrack:`.
    public var soundtrack: AutoSwitch
    /// Front matter `effects:`.
    public var effects: AutoSwitch
    /// Per scene, in file order.
    public var scenes: [SceneCues]

    /// Creates a cue map.
    public init(book: String, soundtrack: AutoSwitch, effects: AutoSwitch, scenes: [SceneCues]) {
        self.book = book
        self.soundtrack = soundtrack
        self.effects = effects
        self.scenes = scenes
    }

    /// Accessibility hazards of what the map actually uses, in schema.org's terms.
    public var hazards: [String] {
        var result: [String] = []
        if scenes.contains(where: { $0.effects.contains { $0.effect == .lightning } }) { result.append("flashing") }
        if scenes.contains(where: { !$0.effects.isEmpty }) { result.append("motionSimulation") }
        if scenes.contains(where: { $0.music != nil || !$0.sounds.isEmpty }) { result.append("sound") }
        return result
    }
}
