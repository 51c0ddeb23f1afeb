/// What a character is doing in a picture, which decides its pose.
public enum PictureAction: String, Sendable, CaseIterable {
    /// Each action a figure can be posed in.
    case standing, walking, running, holding, reaching, hiding, sleeping, flying, swimming, hugging, climbing, looking

    /// How a description says it, after the character: "running", "holding the lantern"; nothing for standing.
    func phrase(thing: String?, other: String?) -> String {
        switch self {
        case .standing: ""
        case .holding: thing.map { "holding the \($0)" } ?? "holding something close"
        case .reaching: thing.map { "reaching for the \($0)" } ?? "reaching up"
        case .hugging: other.map { "hugging \($0)" } ?? "hugging"
        case .sleeping: "asleep"
        case .looking: "looking around"
        default: rawValue
        }
    }

    /// The verbs that mean each action, strongest first: when a page holds several, the stronger
    /// one is what the picture shows.
    static let verbs: [(PictureAction, Set<String>)] = [
        (.hugging, ["hug", "hugs", "hugged", "hugging", "cuddle", "cuddled", "cuddles", "embraced", "embraces"]),
        (.sleeping, ["sleep", "sleeps", "slept", "asleep", "sleeping", "dozed", "dozes", "snored", "snores", "napped", "dreamed", "dreamt"]),
        (.swimming, ["swim", "swims", "swam", "swimming", "dived", "dove", "dives", "paddled", "paddles", "splashed", "floated", "floats"]),
        (.flying, ["fly", "flies", "flew", "flying", "soared", "soars", "fluttered", "flutters", "glided", "swooped", "hovered", "flapped"]),
        (.hiding, ["hid", "hide", "hides", "hiding", "crouched", "crouches", "peeked", "peeped", "cowered", "huddled", "shivered", "trembled"]),
        (.climbing, ["climb", "climbs", "climbed", "climbing", "scrambled", "clambered"]),
        (.reaching, ["reach", "reached", "reaches", "reaching", "stretched", "stretches", "grabbed", "grabs", "tugged", "tugs", "pulled", "pulls", "lifted", "lifts"]),
        (.holding, ["held", "holds", "holding", "carried", "carries", "carrying", "clutched", "clutches", "gripped", "hugged tight", "picked", "raised"]),
        (.running, ["ran", "run", "runs", "running", "raced", "races", "dashed", "dashes", "hurried", "hurries", "rushed", "rushes", "scampered",
                    "scampers", "chased", "chases", "sprinted", "bounded", "galloped"]),
        (.walking, ["walked", "walks", "went", "goes", "set", "followed", "follows", "slid", "slides", "trotted", "trots", "hopped", "hops",
                    "waddled", "waddles", "plodded", "marched", "wandered", "crept", "creeps", "tiptoed", "trundled", "stepped", "came", "comes"]),
        (.looking, ["looked", "looks", "searched", "searches", "peered", "peers", "watched", "watches", "stared", "gazed", "spotted", "saw", "sees"]),
    ]

    /// The strongest action among `words`.
    static func strongest(in words: [String]) -> PictureAction? {
        let set = Set(words)
        return verbs.first { !$0.1.isDisjoint(with: set) }?.0
    }
}

/// How the characters on a page feel, which their faces show.
public enum PictureFeeling: String, Sendable, CaseIterable {
    /// Each feeling a face can show.
    case glad, calm, worried, sad, sleepy

    /// The feeling of a beat of the story.
    init?(role: BeatRole) {
        switch role {
        case .inciting, .firstTry: self = .worried
        case .setback: self = .sad
        case .resolution, .closing, .helper: self = .glad
        default: return nil
        }
    }

    /// The feeling of a cue map's mood (`joyful`, `tense`, ...).
    init?(mood: String?) {
        switch mood {
        case "joyful", "playful", "triumphant": self = .glad
        case "tense", "scary": self = .worried
        case "sad": self = .sad
        case "sleepy": self = .sleepy
        case "calm", "mysterious": self = .calm
        default: return nil
        }
    }
}

/// How a page is framed. Pages turn from one framing to another, as a picture book's do.
public enum PictureComposition: String, Sendable, CaseIterable {
    /// The whole place, with the characters small in it: where a story or a day begins and ends.
    case wide
    /// Two characters face to face, near: meeting, talking, helping, hugging.
    case facing
    /// Close on the hero's face, or a hand with the key thing.
    case closeUp = "close-up"
    /// From low down, looking up at something big over small figures.
    case lookingUp = "looking-up"
    /// From behind, the characters walking into the scene along a path.
    case fromBehind = "from-behind"
    /// A small figure in a big place: lost, alone, searching.
    case smallInBig = "small-in-big"
    /// Side on, at the middle distance: the action of the page.
    case action

    /// How a description names it.
    var phrase: String {
        switch self {
        case .wide: "a wide view"
        case .facing: "two characters face to face"
        case .closeUp: "a close-up"
        case .lookingUp: "a view looking up"
        case .fromBehind: "a view from behind"
        case .smallInBig: "a small figure in a big place"
        case .action: "a side view"
        }
    }

    /// The framing a beat of the story calls for.
    init(role: BeatRole) {
        switch role {
        case .opening, .closing: self = .wide
        case .inciting: self = .closeUp
        case .firstTry, .journey: self = .fromBehind
        case .helper: self = .facing
        case .setback: self = .smallInBig
        case .turn: self = .lookingUp
        case .resolution: self = .action
        }
    }
}
