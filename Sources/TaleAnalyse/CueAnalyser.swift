import TaleCore

/// Derives a book's cue map from its scenes: mood (with negation and intensifiers), time of day,
/// weather, sounds and effects tied to the words that cause them, and music per mood. The writer's
/// attributes and front matter always win, and every cue says why it was chosen.
public enum CueAnalyser {
    /// The cue map of `book`.
    public static func analyse(_ book: Book) -> CueMap {
        var scenes: [SceneCues] = []
        var previous: MusicCue?
        for scene in book.scenes {
            let cues = analyse(scene, matter: book.frontMatter, previousMusic: previous)
            if cues.music != nil { previous = cues.music }
            scenes.append(cues)
        }
        return CueMap(book: book.slug, soundtrack: book.frontMatter.soundtrack, effects: book.frontMatter.effects, scenes: scenes)
    }

    /// The words a scene's cues index into: the heading (when it has one) and then the text, as the reader reads them.
    public static func words(of scene: Scene) -> Words {
        Words(((scene.title.map { $0 + " " }) ?? "") + scene.text)
    }

    /// One scene's cues.
    public static func analyse(_ scene: Scene, matter: FrontMatter, previousMusic: MusicCue?) -> SceneCues {
        let words = Scan(words(of: scene), titleEnd: scene.title.map { Words($0).count } ?? 0)
        let mood = moodCue(scene, words: words)
        var sounds: [SoundCue] = []
        var effects: [EffectCue] = []
        if matter.soundtrack == .auto {
            if let authored = scene.sounds {
                sounds = authored.map { SoundCue(name: $0, word: 0, source: .author, reason: "author: sounds=\(authored.joined(separator: " "))") }
            } else {
                sounds = soundCues(words)
            }
        }
        if matter.effects == .auto {
            if let authored = scene.effects {
                effects = authored.map {
                    EffectCue(effect: $0, start: 0, end: nil, intensity: 0.7, source: .author,
                              reason: "author: effects=\(authored.map(\.rawValue).joined(separator: " "))")
                }
            } else {
                effects = effectCues(words)
            }
        }
        var music: MusicCue?
        if matter.soundtrack == .auto, scene.music != "none" {
            music = musicCue(mood: mood, authored: scene.music, previous: previousMusic)
        }
        return SceneCues(scene: scene.id, words: words.count, mood: mood, time: timeOfDay(words), weather: weather(words),
                         music: music, sounds: sounds, effects: effects)
    }

    /// A scene's words with what the lexicon says about each, looked up once: most words are in
    /// no table, and each kind of cue below reads only the few that are.
    struct Scan {
        let words: Words
        /// The lexicon's entry for each word, nil for most.
        let entries: [CueLexicon.Entry?]
        /// Where the words with an entry are, in order.
        let known: [Int]
        /// How many of the words are the heading's.
        let titleEnd: Int

        init(_ words: Words, titleEnd: Int = 0) {
            self.words = words
            self.titleEnd = titleEnd
            let entries = words.normalized.map(CueLexicon.entry)
            self.entries = entries
            known = entries.indices.filter { entries[$0] != nil }
        }

        var count: Int { words.count }

        /// Whether the word at `index` is negated by one of the three words before it, in the same sentence.
        func isNegated(_ index: Int) -> Bool {
            var look = index - 1
            while look >= 0, look >= index - 3 {
                if let last = words.original[look].utf8.last, last == UInt8(ascii: ".") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?") {
                    return false
                }
                if entries[look]?.isNegator == true || words.normalized[look].utf8.reversed().starts(with: "t'n".utf8) { return true }
                look -= 1
            }
            return false
        }

        /// Whether the word at `index` tells of something happening now, not a place's name or another time (`CueTense`).
        func isNow(_ index: Int) -> Bool { CueTense.isNow(index, in: words, titleEnd: titleEnd) }

        /// Whether the word before `index` is an intensifier ("very").
        func isIntensified(_ index: Int) -> Bool { index > 0 && entries[index - 1]?.isIntensifier == true }
    }

    static func moodCue(_ scene: Scene, words: Scan) -> MoodCue {
        var scores: [Mood: Double] = [:]
        var evidence: [Mood: [String]] = [:]
        for index in words.known {
            guard let (mood, weight) = words.entries[index]?.mood, !words.isNegated(index) else { continue }
            let word = words.words.normalized[index]
            let boost = words.isIntensified(index) ? 1.6 : 1
            scores[mood, default: 0] += weight * boost
            if !(evidence[mood] ?? []).contains(word) { evidence[mood, default: []].append(word) }
        }
        let best = scores.max { a, b in a.value == b.value ? a.key.rawValue > b.key.rawValue : a.value < b.value }
        let analysed = best.map { ($0.key, min(1, 0.25 + 0.15 * $0.value)) }
        if let authored = scene.mood {
            let intensity = analysed?.0 == authored ? analysed!.1 : 0.6
            return MoodCue(mood: authored, intensity: round2(intensity), source: .author, reason: "author: mood=\(authored.rawValue)")
        }
        guard let (mood, intensity) = analysed else {
            return MoodCue(mood: .calm, intensity: 0.3, source: .fallback, reason: "no mood words; calm by default")
        }
        let shown = (evidence[mood] ?? []).prefix(4).joined(separator: ", ")
        return MoodCue(mood: mood, intensity: round2(intensity), source: .analysis, reason: "words: \(shown)")
    }

    static func soundCues(_ words: Scan) -> [SoundCue] {
        var cues: [SoundCue] = []
        for index in words.known {
            guard let sound = words.entries[index]?.sound, !words.isNegated(index), !cues.contains(where: { $0.name == sound }),
                  words.isNow(index) else { continue }
            cues.append(SoundCue(name: sound, word: index, source: .analysis, reason: "the word '\(words.words.original[index])'"))
        }
        return cues
    }

    static func effectCues(_ words: Scan) -> [EffectCue] {
        var cues: [EffectCue] = []
        for index in words.known {
            guard let effect = words.entries[index]?.effect, !words.isNegated(index), !cues.contains(where: { $0.effect == effect }),
                  words.isNow(index) else { continue }
            // It ends at a later word for the same effect that a stopper follows within two words: "the rain stopped".
            let end = words.known.first { look in
                look > index && words.entries[look]?.effect == effect
                    && (look + 1..<min(words.count, look + 3)).contains { words.entries[$0]?.isStopper == true }
            }
            let boost = words.isIntensified(index) ? 0.2 : 0
            cues.append(EffectCue(effect: effect, start: index, end: end, intensity: round2(0.6 + boost), source: .analysis,
                                  reason: "the word '\(words.words.original[index])'" + (end.map { " until word \($0)" } ?? "")))
        }
        return cues
    }

    static func timeOfDay(_ words: Scan) -> String? {
        var counts: [String: Int] = [:]
        for index in words.known {
            if let time = words.entries[index]?.time, !words.isNegated(index) { counts[time, default: 0] += 1 }
        }
        return counts.max { a, b in a.value == b.value ? a.key > b.key : a.value < b.value }?.key
    }

    static func weather(_ words: Scan) -> [String] {
        var found: [String] = []
        for index in words.known {
            if let kind = words.entries[index]?.weather, !words.isNegated(index), !found.contains(kind), words.isNow(index) { found.append(kind) }
        }
        return found
    }

    static func musicCue(mood: MoodCue, authored: String?, previous: MusicCue?) -> MusicCue {
        let themeMood = authored.flatMap(Mood.init(rawValue:)) ?? mood.mood
        let base = CueLexicon.music[themeMood]!
        let tempo = Int((Double(base.tempo) * (0.9 + 0.2 * mood.intensity)).rounded())
        let theme = authored ?? mood.mood.rawValue
        let crossfade: Double
        if previous?.theme == theme { crossfade = 0 } else if previous?.mode != nil && previous?.mode != base.mode { crossfade = 1.5 } else { crossfade = 2.5 }
        return MusicCue(theme: theme, key: base.key, mode: base.mode, tempo: tempo, instruments: base.instruments,
                        intensity: mood.intensity, crossfade: crossfade, source: authored == nil ? mood.source : .author)
    }

    static func round2(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
