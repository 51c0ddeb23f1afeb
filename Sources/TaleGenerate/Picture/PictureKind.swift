import TaleCore

/// The kind of creature a character is drawn as, read from its looks, role and name with the
/// storyteller's kinds (`CreatureKinds`), so the words and the pictures agree.
public struct PictureKind: Sendable, Equatable {
    /// The storyteller's kind ("frog", "bird", "grandmother"): which figure is drawn.
    public var kind: String
    /// The word the looks used ("toad", "wren", "grandma"): what a description calls it.
    public var word: String
    /// The word the looks used that Tale cannot draw, when it fell back to `kind`.
    public var unknown: String?

    /// A kind.
    public init(kind: String, word: String, unknown: String? = nil) {
        self.kind = kind
        self.word = word
        self.unknown = unknown
    }

    /// Every kind the illustrator draws.
    public static var drawable: [String] { CreatureKinds.all.map(\.name) + ["friend"] }

    /// The kind of `character`: the first kind word in its looks, else in its role and name; a
    /// person ("friend") when nothing names a creature; the nearest drawable kind, with the word it
    /// could not draw, when the looks name a creature Tale does not know.
    public static func of(_ character: StoryCharacter) -> PictureKind {
        for source in [character.looks ?? "", (character.role ?? "") + " " + character.name] {
            let words = PageWords.of(source, keeping: "-")
            var found: [PictureKind] = []
            for word in words {
                for kind in CreatureKinds.all where kind.markers.contains(word) || kind.markers.contains(where: { $0 + "s" == word }) {
                    found.append(PictureKind(kind: kind.name, word: kind.markers.contains(word) ? word : String(word.dropLast())))
                }
            }
            // The first kind named wins ("a robot shaped like a dog" is a robot), but a calling beats a
            // plain person ("a girl astronaut" wears a spacesuit).
            let plain: Set<String> = ["girl", "boy", "child", "mother", "father"]
            if let first = found.first {
                let calling = found.first { !plain.contains($0.kind) && FigureKinds.spec($0.kind).family == .person }
                return plain.contains(first.kind) ? calling ?? first : first
            }
        }
        guard let looks = character.looks, let noun = noun(in: looks) else { return PictureKind(kind: "friend", word: "child") }
        if personWords.contains(noun) { return PictureKind(kind: "friend", word: noun) }
        return PictureKind(kind: nearestKnown[noun] ?? nearest(looks), word: noun, unknown: noun)
    }

    /// A few kinds to suggest instead of `kind`'s unknown creature: it and two of its family.
    public static func suggestions(near kind: String) -> String {
        let family = FigureKinds.spec(kind).family
        let near = FigureKinds.specs.filter { $0.value.family == family && $0.key != kind }.map(\.key).sorted().prefix(2)
        return ([kind] + near).map { "'\($0)'" }.joined(separator: ", ")
    }

    /// Words for people that need no kind of their own.
    static let personWords: Set<String> = ["person", "woman", "man", "lady", "gentleman", "friend", "neighbour", "neighbor", "farmer",
                                           "sailor", "fisherman", "keeper", "mapmaker", "cartographer", "apprentice", "pirate", "doctor",
                                           "nurse", "captain", "explorer", "aunt", "uncle", "operator", "gardener", "student", "teenager",
                                           "inventor", "painter", "musician", "shopkeeper", "postman", "poet", "writer", "scientist"]

    /// Words in looks that describe, not name: sizes, colours, ages, moods.
    static let describing: Set<String> = ["a", "an", "the", "small", "little", "tiny", "big", "large", "huge", "tall", "short", "round",
                                          "old", "young", "baby", "wise", "kind", "kindly", "shy", "brave", "friendly", "grumpy", "sleepy",
                                          "fluffy", "furry", "shiny", "bright", "pale", "dark", "light", "spotted", "striped", "sleek",
                                          "lanky", "plump", "fat", "thin", "very", "rather", "curious", "clever", "silly", "gentle",
                                          "cheerful", "glowing", "golden", "silver", "wooden", "metal", "stuffed", "toy", "year-old"]

    /// The creature noun of `looks`: the last word before "with", "who", "in", "wearing", a comma
    /// or "and", that is not a describing word.
    static func noun(in looks: String) -> String? {
        let first = looks.lowercased().split(separator: ",").first.map(String.init) ?? ""
        var words: [String] = []
        for word in first.split(whereSeparator: { !$0.isLetter && $0 != "-" }).map(String.init) {
            if ["with", "who", "that", "in", "wearing", "and", "whose", "from", "of"].contains(word) { break }
            words.append(word)
        }
        return words.last { !describing.contains($0) && CharacterBible.colours[$0] == nil && !$0.hasSuffix("-year-old") }
    }

    /// Creatures Tale has no figure for, and the figure nearest each.
    static let nearestKnown: [String: String] = [
        "narwhal": "dolphin", "shark": "fish", "koala": "bear", "wombat": "bear", "sloth": "monkey", "platypus": "otter", "beaver": "otter",
        "zebra": "horse", "donkey": "horse", "camel": "horse", "llama": "goat", "alpaca": "goat", "rhino": "elephant", "hippo": "elephant",
        "kangaroo": "rabbit", "puffin": "penguin", "flamingo": "bird", "peacock": "bird", "toucan": "bird", "lizard": "dragon",
        "dinosaur": "dragon", "crocodile": "dragon", "alligator": "dragon", "snake": "worm", "slug": "snail", "beetle": "ladybird",
        "dragonfly": "butterfly", "ghost": "monster", "yeti": "monster", "alien": "robot", "starfish": "crab", "lobster": "crab",
    ]

    /// The drawable kind nearest an unknown creature, from what else its looks say.
    static func nearest(_ looks: String) -> String {
        let words = Set(PageWords.of(looks))
        let hints: [(Set<String>, String)] = [
            (["fin", "fins", "scales", "gills", "sea", "ocean", "tusk", "swims"], "fish"),
            (["wing", "wings", "feathers", "feathered", "beak"], "bird"),
            (["metal", "wires", "gears", "bolts", "clockwork", "antenna"], "robot"),
            (["horn", "horns", "claws", "fangs"], "monster"),
            (["shell"], "snail"),
            (["legs", "antennae", "feelers"], "ladybird"),
            (["hooves", "mane"], "horse"),
        ]
        return hints.first { !$0.0.isDisjoint(with: words) }?.1 ?? "bear"
    }
}
