/// The kind of place a story happens in. The storyteller writes every scene from its kind's
/// lexicon (`SettingLexicon`), so a story on the Moon never has puddles and one under the sea
/// never has anybody walking.
public enum SettingKind: String, Sendable, Codable, CaseIterable {
    /// The Moon, a planet, a spaceship.
    case space
    /// Under the sea: a reef, the sea floor.
    case undersea
    /// The shore: sand, rock pools, a pier.
    case beach
    /// A cave or a burrow under the ground.
    case cave
    /// A town or a city: streets, shops, a park.
    case town
    /// A small village.
    case village
    /// Inside a home: rooms, a kitchen, a laundry.
    case home
    /// A forest or a wood.
    case forest
    /// A meadow, a field of tall grass, ferns.
    case meadow
    /// Mountains and hills.
    case mountain
    /// A river, a lake, a pond.
    case river
    /// A farm.
    case farm
    /// A garden or a park with flower beds.
    case garden
    /// Snow and ice.
    case snow
    /// The sky: clouds, a balloon, an airship.
    case sky
    /// A castle.
    case castle
    /// A school.
    case school
    /// A train and its stations.
    case train

    /// Whether the sky, the sun and the weather are part of the place.
    public var isOutdoors: Bool { ![.space, .undersea, .cave, .home, .school, .train].contains(self) }
}

/// The words of one kind of place: where to look, what is seen and heard, how one moves there,
/// what can go wrong, and the words that do not belong there at all.
public struct SettingLexicon: Sendable {
    /// The kind.
    public var kind: SettingKind
    /// Words that mark a setting, premise or title as this kind ("moon", "reef").
    public var markers: [String]
    /// The place when the book does not say ("a little base on the Moon").
    public var place: String
    /// Where home is, as a noun phrase after "the" ("base").
    public var home: String
    /// Places to look and go, each after a preposition ("behind the big grey crater").
    public var spots: [String]
    /// Things seen there, as clauses with a tense choice ("the blue Earth [hangs|hung] in the black sky").
    public var sights: [String]
    /// Things heard, as noun phrases ("the hum of the air pumps").
    public var sounds: [String]
    /// Short sound words for the youngest readers ("Beep! Beep!").
    public var soundWords: [String]
    /// Dangers on the way, as noun phrases ("a deep dark crater").
    public var hazards: [String]
    /// How anybody moves there, present and past ("bounces", "bounced"); nil leaves it to each creature.
    public var motion: (String, String)?
    /// Things found there that can stand in for a missing part ("a coil of wire from the rover").
    public var makeshift: [String]
    /// Words that contradict the place (lowercase): a text about it never holds them.
    public var foreign: [String]
}
