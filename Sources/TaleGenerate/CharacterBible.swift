import TaleCore
import TaleImage

/// How one character looks on every page: a body plan, colours and features read from the
/// writer's `looks`, decided once per book so the same fox is the same fox on every page.
public struct CharacterLook: Sendable, Equatable {
    /// The character's name.
    public var name: String
    /// The kind of creature ("fox", "snail", "girl"), as read from `looks`.
    public var species: String
    /// The body plan the figure is drawn with.
    public var plan: BodyPlan
    /// The main body colour.
    public var body: RGBA
    /// The colour of the belly, muzzle or face.
    public var light: RGBA
    /// The colour of features (scarf, hat, cap, raincoat, shell stripes).
    public var accent: RGBA
    /// Features drawn on the figure: `scarf`, `hat`, `cap`, `glasses`, `stripes`, `raincoat`, `bow`, `crown`, `backpack`.
    public var features: [String]
    /// Relative size (1 is a fox; a snail is smaller, a bear larger).
    public var size: Double
}

/// The body plans the illustrator draws.
public enum BodyPlan: String, Sendable, CaseIterable {
    case mammal, bird, snail, fish, frog, dragon, person
}

/// Builds the character bible for a book.
public enum CharacterBible {
    static let species: [(words: [String], plan: BodyPlan, size: Double, colour: String)] = [
        (["fox"], .mammal, 1, "orange"), (["cat", "kitten"], .mammal, 0.9, "grey"), (["dog", "puppy"], .mammal, 1, "brown"),
        (["bear"], .mammal, 1.3, "brown"), (["rabbit", "bunny", "hare"], .mammal, 0.9, "white"), (["mouse"], .mammal, 0.6, "grey"),
        (["hedgehog"], .mammal, 0.75, "brown"), (["badger"], .mammal, 1, "grey"), (["otter"], .mammal, 0.95, "brown"),
        (["squirrel"], .mammal, 0.75, "red"), (["deer"], .mammal, 1.3, "brown"), (["wolf"], .mammal, 1.2, "grey"),
        (["lion"], .mammal, 1.3, "yellow"), (["seal"], .fish, 1.1, "grey"), (["elephant"], .mammal, 1.5, "grey"),
        (["owl"], .bird, 0.9, "brown"), (["wren", "bird", "robin", "sparrow"], .bird, 0.6, "brown"), (["duck"], .bird, 0.8, "yellow"),
        (["heron", "stork"], .bird, 1.2, "blue"), (["snail"], .snail, 0.6, "green"), (["fish"], .fish, 0.7, "orange"),
        (["whale"], .fish, 1.6, "blue"), (["frog", "toad"], .frog, 0.7, "green"), (["dragon"], .dragon, 1.3, "purple"),
        (["girl", "boy", "child", "kid", "woman", "man", "keeper", "mapmaker", "apprentice", "fisherman", "operator", "son", "daughter",
          "grandma", "grandpa", "teacher", "sailor", "queen", "king", "princess", "prince", "witch", "wizard"], .person, 1.2, "skin"),
    ]

    /// Colour words writers use in `looks`, and the colour each is drawn in.
    public static let colours: [String: RGBA] = [
        "red": RGBA(214, 64, 52), "orange": RGBA(232, 122, 44), "yellow": RGBA(242, 196, 58), "gold": RGBA(222, 172, 48),
        "green": RGBA(96, 164, 80), "blue": RGBA(64, 120, 200), "purple": RGBA(136, 88, 176), "violet": RGBA(136, 88, 176),
        "pink": RGBA(236, 140, 170), "brown": RGBA(140, 94, 60), "grey": RGBA(140, 140, 148), "gray": RGBA(140, 140, 148),
        "silver": RGBA(188, 192, 200), "white": RGBA(246, 244, 238), "black": RGBA(48, 44, 48), "teal": RGBA(48, 150, 150),
        "cream": RGBA(244, 232, 200), "tan": RGBA(206, 170, 120), "ginger": RGBA(214, 110, 50), "skin": RGBA(232, 190, 150),
    ]

    static let featureWords: [String: String] = [
        "scarf": "scarf", "hat": "hat", "cap": "cap", "beret": "cap", "glasses": "glasses", "spectacles": "glasses",
        "striped": "stripes", "stripes": "stripes", "raincoat": "raincoat", "coat": "raincoat", "jacket": "raincoat", "cloak": "raincoat",
        "bow": "bow", "ribbon": "bow", "crown": "crown", "backpack": "backpack", "satchel": "backpack", "bag": "backpack",
    ]

    /// Every character's look, in front-matter order; a book with no characters gets its hero from the premise.
    public static func derive(_ book: StoryBook) -> [CharacterLook] {
        var characters = book.characters
        if characters.isEmpty {
            let hero = StoryCast(book).hero
            characters = [StoryCharacter(name: hero, role: "hero", looks: (book.premise ?? hero).lowercased())]
        }
        return characters.map { look(for: $0, seed: book.seed) }
    }

    /// One character's look.
    static func look(for character: StoryCharacter, seed: String) -> CharacterLook {
        let words = ((character.looks ?? "") + " " + character.name + " " + (character.role ?? "")).lowercased()
            .split { !$0.isLetter }.map(String.init)
        var random = SeededRandom(seed + "\u{0}" + character.name)
        let kind = species.first { entry in entry.words.contains { words.contains($0) } }
            ?? species[Int(random.next() % 12)]
        // Colours: the first colour word not right before a feature is the body's; one before a feature is the accent.
        var body: RGBA?
        var accent: RGBA?
        var features: [String] = []
        for (index, word) in words.enumerated() {
            if let feature = featureWords[word], !features.contains(feature) { features.append(feature) }
            guard let colour = colours[word] else { continue }
            let next = index + 1 < words.count ? words[index + 1] : ""
            let nextButOne = index + 2 < words.count ? words[index + 2] : ""
            if featureWords[next] != nil || featureWords[nextButOne] != nil || ["shell", "tail", "tipped", "spots"].contains(next) {
                if accent == nil { accent = colour }
            } else if body == nil {
                body = colour
            }
        }
        let palette = [RGBA(64, 120, 200), RGBA(214, 64, 52), RGBA(242, 196, 58), RGBA(96, 164, 80), RGBA(136, 88, 176)]
        let bodyColour = body ?? colours[kind.colour]!
        let accentColour = accent ?? palette[Int(random.next() % UInt64(palette.count))]
        if features.isEmpty, kind.plan != .fish { features.append(["scarf", "cap", "bow"][Int(random.next() % 3)]) }
        if kind.plan == .snail, !features.contains("stripes") { features.append("stripes") }
        return CharacterLook(name: character.name, species: kind.words[0], plan: kind.plan, body: bodyColour,
                             light: bodyColour.mixed(with: .white, 0.65), accent: accentColour, features: features, size: kind.size)
    }
}
