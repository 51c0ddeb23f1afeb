/// How a book's text sounds, by the age of its youngest reader: the storyteller writes in it,
/// and replies from a service are checked against its limits.
public enum StoryVoice: String, Sendable, CaseIterable {
    /// 0–3: board book. Sentences of six words or fewer, a refrain that returns, sound words.
    case board
    /// 3–5: picture book, read aloud. Short sentences in the present tense.
    case picture
    /// 6–8: early reader. The past tense, and characters who talk.
    case early
    /// 9–12: chapter book. Longer sentences, richer words, and the hero's thoughts.
    case chapter
    /// 13–17.
    case teen
    /// 18 and over.
    case adult

    /// The voice for an age as written (`0-3`, `3-6`, `8`, `teen`, `adult`): the youngest reader
    /// decides. A book with no age gets the picture-book voice.
    public static func of(age: String?) -> StoryVoice {
        guard let age = age?.lowercased().trimmingCharacters(in: .whitespaces), !age.isEmpty else { return .picture }
        if age.hasPrefix("teen") { return .teen }
        if age.hasPrefix("adult") { return .adult }
        let low = age.split { $0 == "-" || $0 == "–" || $0 == "+" || $0 == " " }.first.flatMap { Int($0) } ?? 4
        switch low {
        case ...2: return .board
        case 3...5: return .picture
        case 6...8: return .early
        case 9...12: return .chapter
        case 13...17: return .teen
        default: return .adult
        }
    }

    /// Whether the story is told in the past tense.
    public var isPast: Bool { ![.board, .picture].contains(self) }

    /// The words a generated scene may have, for this voice.
    public var sceneWords: ClosedRange<Int> {
        switch self {
        case .board: return 6...70
        case .picture: return 15...150
        case .early: return 25...200
        case .chapter: return 35...320
        case .teen, .adult: return 60...450
        }
    }

    /// The highest Flesch-Kincaid grade a generated scene may read at, or nil for no limit.
    public var highestGrade: Double? {
        switch self {
        case .board: return 3
        case .picture: return 4.5
        case .early: return 6
        case .chapter: return 9
        case .teen, .adult: return nil
        }
    }

    /// The most words a sentence may have on average, or nil for no limit.
    public var longestSentences: Double? {
        switch self {
        case .board: return 7
        case .picture: return 16
        case .early: return 16
        case .chapter, .teen, .adult: return nil
        }
    }

    /// The rules a service is given for this voice.
    public var rules: String {
        switch self {
        case .board: return "a board book for ages 0 to 3: at most six words in a sentence, the present tense, a refrain that returns in most scenes, sound words (Splash! Beep!)"
        case .picture: return "a picture book for ages 3 to 5, read aloud: short sentences (about 8 words), everyday words, the present tense, a little talk between characters"
        case .early: return "an early reader for ages 6 to 8: the past tense, short paragraphs, characters who talk to each other, words a young reader can sound out"
        case .chapter: return "a chapter book for ages 9 to 12: the past tense, sentences of 10 to 20 words, a richer vocabulary, what the hero thinks and feels inside"
        case .teen: return "teenage readers: varied, vivid sentences, the past tense, a rich vocabulary and inner life"
        case .adult: return "adult readers: literary prose in the past tense"
        }
    }
}
