import TaleCore
import TaleImage

/// How one character looks on every page: a kind of creature, colours, age and features read
/// from the writer's `looks`, decided once per book so the same fox is the same fox on every page.
public struct CharacterLook: Sendable, Equatable {
    /// The character's name.
    public var name: String
    /// What the looks call it ("toad", "wren", "grandma"), as a description says it.
    public var species: String
    /// The kind of figure drawn (one of `PictureKind.drawable`: "frog", "bird", "grandmother").
    public var kind: String
    /// The word in the looks Tale could not draw, when the figure is the nearest kind instead.
    public var unknown: String?
    /// How old it looks: white hair or grey fur and glasses when old, smaller and rounder when young.
    public var age: FigureAge
    /// The main body colour (clothes for people).
    public var body: RGBA
    /// The colour of the belly, muzzle or face.
    public var light: RGBA
    /// The colour of features (scarf, hat, cap, raincoat, shell stripes).
    public var accent: RGBA
    /// The colour of a person's hair: white when old.
    public var hair: RGBA
    /// Features drawn on the figure: `scarf`, `hat`, `cap`, `glasses`, `stripes`, `raincoat`, `bow`, `crown`, `backpack`, `apron`, `beard`.
    public var features: [String]
    /// Relative size (1 is a fox; a snail is smaller, a bear larger).
    public var size: Double
}

/// How old a character looks.
public enum FigureAge: String, Sendable {
    /// A child or a young creature; a grown-up; an old one.
    case young, grown, old
}

/// Builds the character bible for a book.
public enum CharacterBible {
    /// Colour words writers use in `looks`, and the colour each is drawn in.
    public static let colours: [String: RGBA] = [
        "red": RGBA(214, 64, 52), "orange": RGBA(232, 122, 44), "yellow": RGBA(242, 196, 58), "gold": RGBA(222, 172, 48),
        "golden": RGBA(222, 172, 48), "green": RGBA(96, 164, 80), "blue": RGBA(64, 120, 200), "purple": RGBA(136, 88, 176),
        "violet": RGBA(136, 88, 176), "pink": RGBA(236, 140, 170), "brown": RGBA(140, 94, 60), "grey": RGBA(140, 140, 148),
        "gray": RGBA(140, 140, 148), "silver": RGBA(188, 192, 200), "white": RGBA(246, 244, 238), "black": RGBA(48, 44, 48),
        "teal": RGBA(48, 150, 150), "cream": RGBA(244, 232, 200), "tan": RGBA(206, 170, 120), "ginger": RGBA(214, 110, 50),
        "skin": RGBA(232, 190, 150),
    ]

    static let featureWords: [String: String] = [
        "scarf": "scarf", "hat": "hat", "cap": "cap", "beret": "cap", "glasses": "glasses", "spectacles": "glasses",
        "striped": "stripes", "stripes": "stripes", "raincoat": "raincoat", "coat": "raincoat", "jacket": "raincoat", "cloak": "raincoat",
        "jumper": "raincoat", "sweater": "raincoat", "oilskin": "raincoat", "bow": "bow", "ribbon": "bow", "crown": "crown",
        "tiara": "crown", "backpack": "backpack", "satchel": "backpack", "bag": "backpack", "apron": "apron", "beard": "beard",
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
        let words = PageWords.of((character.looks ?? "") + " " + character.name + " " + (character.role ?? ""), keeping: "-")
        var random = SeededRandom(seed + "\u{0}" + character.name)
        let kind = PictureKind.of(character)
        let drawn = FigureKinds.spec(kind.kind)
        // Colours: the first colour word not right before a feature is the body's; one before a feature is the accent.
        var body: RGBA?
        var accent: RGBA?
        var features: [String] = []
        for (index, word) in words.enumerated() {
            if let feature = featureWords[word], !features.contains(feature) { features.append(feature) }
            guard let colour = colours[word] else { continue }
            let next = index + 1 < words.count ? words[index + 1] : ""
            let nextButOne = index + 2 < words.count ? words[index + 2] : ""
            if featureWords[next] != nil || featureWords[nextButOne] != nil
                || ["shell", "tail", "tipped", "white-tipped", "spots", "prickles", "hair", "beard", "chest", "nose", "eyes", "wings"].contains(next) {
                if accent == nil, !["chest", "nose", "eyes"].contains(next) { accent = colour }
            } else if body == nil {
                body = colour
            }
        }
        let said = Set(words)
        let old = !said.isDisjoint(with: ["old", "elderly", "aged", "grandma", "grandpa", "grandmother", "grandfather", "granny",
                                          "gran", "nana", "grandad", "granddad", "white-haired", "ancient"])
            || ["grandmother", "grandfather"].contains(kind.kind)
        let young = !said.isDisjoint(with: ["baby", "young", "little", "cub", "kitten", "puppy", "chick", "toddler", "small", "tiny"])
        let age: FigureAge = old ? .old : young ? .young : .grown
        if old, drawn.family == .person, !features.contains("glasses") { features.append("glasses") }
        let palette = [RGBA(64, 120, 200), RGBA(214, 64, 52), RGBA(242, 196, 58), RGBA(96, 164, 80), RGBA(136, 88, 176)]
        var bodyColour = body ?? colours[drawn.colour] ?? colours["brown"]!
        if old, drawn.family != .person, body == nil { bodyColour = bodyColour.mixed(with: RGBA(190, 190, 196), 0.45) }
        let accentColour = accent ?? palette[Int(random.next() % UInt64(palette.count))]
        // A scarf, cap or bow for a character the looks give nothing to wear, unless its kind has its own (a helmet, a crown, a hat).
        let dressed: Set<String> = ["astronaut", "knight", "wizard", "baker", "princess", "prince", "unicorn", "dragon", "monster"]
        if features.isEmpty, [FigureSpec.Family.mammal, .bird, .person, .frog].contains(drawn.family), !dressed.contains(kind.kind) {
            features.append(["scarf", "cap", "bow"][Int(random.next() % 3)])
        }
        if kind.kind == "snail", !features.contains("stripes") { features.append("stripes") }
        if ["princess", "prince"].contains(kind.kind), !features.contains("crown") { features.append("crown") }
        let size = drawn.size * (age == .young ? 0.85 : 1)
        let hairs: [(Set<String>, RGBA)] = [(["dark", "black"], RGBA(52, 40, 36)), (["blond", "blonde", "fair"], RGBA(236, 200, 110)),
                                            (["ginger", "auburn", "red-haired"], RGBA(200, 96, 44)), (["brown"], RGBA(110, 72, 44))]
        let nearHair = words.indices.filter { words[$0] == "hair" || words[$0] == "curls" || words[$0] == "plaits" }
            .flatMap { words[max(0, $0 - 3)..<$0] }
        let hair = old ? RGBA(236, 236, 240) : hairs.first { !$0.0.isDisjoint(with: nearHair) }?.1
            ?? [RGBA(110, 72, 44), RGBA(52, 40, 36), RGBA(236, 200, 110), RGBA(200, 96, 44)][Int(random.next() % 4)]
        return CharacterLook(name: character.name, species: kind.word, kind: kind.kind, unknown: kind.unknown, age: age, body: bodyColour,
                             light: bodyColour.mixed(with: .white, 0.65), accent: accentColour, hair: hair, features: features, size: size)
    }
}
