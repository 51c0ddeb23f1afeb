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
        let words = words(of: scene)
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

    /// Whether the word at `index` is negated by one of the three words before it, in the same sentence.
    static func isNegated(_ index: Int, in words: Words) -> Bool {
        var look = index - 1
        while look >= 0, look >= index - 3 {
            if words.original[look].last.map({ ".!?".contains($0) }) == true { return false }
            let word = words.normalized[look]
            if CueLexicon.negators.contains(word) || word.hasSuffix("n't") { return true }
            look -= 1
        }
        return false
    }

    static func moodCue(_ scene: Scene, words: Words) -> MoodCue {
        var scores: [Mood: Double] = [:]
        var evidence: [Mood: [String]] = [:]
        for (index, word) in words.normalized.enumerated() {
            guard let (mood, weight) = CueLexicon.moods[word], !isNegated(index, in: words) else { continue }
            let boost = index > 0 && CueLexicon.intensifiers.contains(words.normalized[index - 1]) ? 1.6 : 1
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

    static func soundCues(_ words: Words) -> [SoundCue] {
        var cues: [SoundCue] = []
        for (index, word) in words.normalized.enumerated() {
            guard let sound = CueLexicon.sounds[word], !isNegated(index, in: words), !cues.contains(where: { $0.name == sound }) else { continue }
            cues.append(SoundCue(name: sound, word: index, source: .analysis, reason: "the word '\(words.original[index])'"))
        }
        return cues
    }

    static func effectCues(_ words: Words) -> [EffectCue] {
        var cues: [EffectCue] = []
        for (index, word) in words.normalized.enumerated() {
            guard let effect = CueLexicon.effects[word], !isNegated(index, in: words), !cues.contains(where: { $0.effect == effect }) else { continue }
            var end: Int?
            var look = index + 1
            while look < words.count {
                if CueLexicon.effects[words.normalized[look]] == effect,
                   (look + 1..<min(words.count, look + 3)).contains(where: { CueLexicon.stoppers.contains(words.normalized[$0]) }) {
                    end = look
                    break
                }
                look += 1
            }
            let boost = index > 0 && CueLexicon.intensifiers.contains(words.normalized[index - 1]) ? 0.2 : 0
            cues.append(EffectCue(effect: effect, start: index, end: end, intensity: round2(0.6 + boost), source: .analysis,
                                  reason: "the word '\(words.original[index])'" + (end.map { " until word \($0)" } ?? "")))
        }
        return cues
    }

    static func timeOfDay(_ words: Words) -> String? {
        var counts: [String: Int] = [:]
        for (index, word) in words.normalized.enumerated() {
            if let time = CueLexicon.times[word], !isNegated(index, in: words) { counts[time, default: 0] += 1 }
        }
        return counts.max { a, b in a.value == b.value ? a.key > b.key : a.value < b.value }?.key
    }

    static func weather(_ words: Words) -> [String] {
        var found: [String] = []
        for (index, word) in words.normalized.enumerated() {
            if let kind = CueLexicon.weather[word], !isNegated(index, in: words), !found.contains(kind) { found.append(kind) }
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
