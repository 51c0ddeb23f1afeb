import TaleCore

/// The words Tale's cue analysis listens for. Small on purpose: every entry is a word a picture
/// book uses, and every cue it causes can be explained by pointing at that word.
enum CueLexicon {
    /// Mood words with their weight.
    static let moods: [String: (Mood, Double)] = {
        var table: [String: (Mood, Double)] = [:]
        func add(_ mood: Mood, _ weight: Double, _ words: String) {
            for word in words.split(separator: " ") { table[String(word)] = (mood, weight) }
        }
        add(.calm, 1, "quiet quietly gentle gently soft softly still peaceful calm calmly warm cosy cozy slow slowly shady cool smooth rest")
        add(.joyful, 1, "happy happily laugh laughed laughing smile smiled smiling joy joyful delight delighted glad hug hugged cheerful birthday cake love loved best wonderful")
        add(.playful, 1, "play played playing giggle giggled giggling silly bounce bounced splash chase chased jump jumped twirl swish swished zip zipped tickle game games hop hopped skip")
        add(.tense, 1, "worried worry hurry hurried shouting shouted danger careful wobble steep lost static stuck tight rang ringing bell warning alarm fast")
        add(.scary, 1.2, "scary afraid fear frightened terrified scream screamed shadow shadows monster growl growled trembling tremble creak creaked howl howled nightmare storm")
        add(.sad, 1.2, "sad sadly cry cried crying tears alone lonely sorry broke broken missed miss gone flat sigh sighed")
        add(.mysterious, 1, "strange strangely secret secrets whisper whispered hidden curious mystery mysterious puzzle glimmer shimmer wonder wondered fog mist")
        add(.triumphant, 1.2, "won win victory cheer cheered hero proud saved rescued rescue did hooray triumph praise")
        add(.sleepy, 1.3, "yawn yawned sleep sleeping asleep sleepy dream dreams dreamed bed bedtime goodnight curled tired snore snored")
        return table
    }()

    /// Words that turn the next few words around: "it was not raining".
    static let negators: Set<String> = ["not", "no", "never", "nobody", "nothing", "without", "none", "neither", "nor", "cannot"]

    /// Words that make the next word count for more.
    static let intensifiers: Set<String> = ["very", "so", "really", "terribly", "extremely", "too", "incredibly", "awfully", "truly"]

    /// Sound words to the sound they cue.
    static let sounds: [String: String] = {
        var table: [String: String] = [:]
        func add(_ sound: String, _ words: String) { for word in words.split(separator: " ") { table[String(word)] = sound } }
        add("owl", "owl owls hoot hooted hooting hoo")
        add("thunder", "thunder thundered thunderclap rumble rumbled")
        add("waves", "wave waves surf tide splash splashed lapping")
        add("birds", "bird birds chirp chirped chirping tweet tweeted birdsong")
        add("wind", "wind windy gust gusts breeze howling whistled")
        add("door", "door knock knocked knocking knocks")
        add("footsteps", "footsteps tiptoe tiptoed stomp stomped padded")
        add("rain", "rain raining rained drizzle downpour pattered")
        add("bell", "bell bells chimed chime")
        return table
    }()

    /// Effect words to the effect they start.
    static let effects: [String: Effect] = {
        var table: [String: Effect] = [:]
        func add(_ effect: Effect, _ words: String) { for word in words.split(separator: " ") { table[String(word)] = effect } }
        add(.rain, "rain raining rained drizzle downpour shower showers")
        add(.snow, "snow snowing snowed snowflakes snowflake blizzard")
        add(.fog, "fog foggy mist misty")
        add(.fireflies, "firefly fireflies glowworm glowworms")
        add(.stars, "stars starry starlight twinkled")
        add(.sparkles, "sparkle sparkled sparkles sparkling glitter glittered magic")
        add(.leaves, "leaves autumn")
        add(.bubbles, "bubble bubbles bubbled")
        add(.lightning, "lightning thunderstorm")
        add(.wind, "wind windy gust gusts gale")
        return table
    }()

    /// Words that end an effect started earlier: "the rain stopped".
    static let stoppers: Set<String> = ["stopped", "stops", "ceased", "cleared", "lifted", "faded", "ended", "passed"]

    /// Time-of-day words.
    static let times: [String: String] = {
        var table: [String: String] = [:]
        func add(_ time: String, _ words: String) { for word in words.split(separator: " ") { table[String(word)] = time } }
        add("night", "night nights midnight moon moonlight stars starlight lantern dark darkness goodnight")
        add("dawn", "dawn sunrise daybreak")
        add("dusk", "dusk sunset evening twilight")
        add("day", "morning noon afternoon sunny sunshine breakfast daylight lunch")
        return table
    }()

    /// Weather words.
    static let weather: [String: String] = {
        var table: [String: String] = [:]
        func add(_ kind: String, _ words: String) { for word in words.split(separator: " ") { table[String(word)] = kind } }
        add("rain", "rain raining rained drizzle downpour")
        add("snow", "snow snowing snowed blizzard")
        add("fog", "fog foggy mist misty")
        add("wind", "wind windy gust gale breeze")
        add("storm", "storm stormy thunderstorm thunder lightning")
        return table
    }()

    /// Everything the lexicon says about one word, so that a scene's words are looked up once
    /// rather than once per kind of cue.
    struct Entry: Sendable {
        var mood: (Mood, Double)?
        var sound: String?
        var effect: Effect?
        var time: String?
        var weather: String?
        var isNegator = false
        var isIntensifier = false
        var isStopper = false
    }

    /// Every word of the tables above, with all they say about it.
    static let entries: [String: Entry] = {
        var table: [String: Entry] = [:]
        for (word, mood) in moods { table[word, default: Entry()].mood = mood }
        for (word, sound) in sounds { table[word, default: Entry()].sound = sound }
        for (word, effect) in effects { table[word, default: Entry()].effect = effect }
        for (word, time) in times { table[word, default: Entry()].time = time }
        for (word, kind) in weather { table[word, default: Entry()].weather = kind }
        for word in negators { table[word, default: Entry()].isNegator = true }
        for word in intensifiers { table[word, default: Entry()].isIntensifier = true }
        for word in stoppers { table[word, default: Entry()].isStopper = true }
        return table
    }()

    /// A quick "no" for words `entries` does not hold.
    static let filter = WordFilter(entries.keys)

    /// The lexicon's entry for a (normalised) word, if it has one.
    static func entry(_ word: String) -> Entry? {
        word.isEmpty || !filter.mayContain(word) ? nil : entries[word]
    }

    /// Music per mood: key, mode, tempo and the instruments of its theme.
    static let music: [Mood: (key: String, mode: String, tempo: Int, instruments: [String])] = [
        .calm: ("C", "major", 72, ["pad", "bells"]),
        .joyful: ("G", "major", 112, ["pluck", "bells", "bass"]),
        .playful: ("D", "major", 124, ["pluck", "bass"]),
        .tense: ("A", "minor", 96, ["pulse", "pad", "bass"]),
        .scary: ("D", "minor", 80, ["drone", "pulse"]),
        .sad: ("E", "minor", 66, ["pad", "pluck"]),
        .mysterious: ("F#", "minor", 84, ["bells", "drone"]),
        .triumphant: ("Bb", "major", 116, ["pad", "pluck", "bells", "bass"]),
        .sleepy: ("F", "major", 60, ["bells", "pad"]),
    ]
}
