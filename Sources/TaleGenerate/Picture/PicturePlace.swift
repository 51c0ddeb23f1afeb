/// Where a picture happens, as the illustrator draws it.
public enum PicturePlace: String, Sendable, CaseIterable {
    /// Rooms, town and country.
    case bedroom, kitchen, bakery, shop, street, village, farm, garden, forest, fernWood = "fern-wood", tallGrass = "tall-grass"
    /// Open country, water, the sky and beyond, and places with walls.
    case meadow, hill, mountain, snow, cave, river, lake, beach, underwater, boat, sky, moon, space, castle, school, train

    /// How a description says it: "in the kitchen", "on the Moon".
    public var phrase: String {
        switch self {
        case .bedroom: "in a bedroom"
        case .kitchen: "in the kitchen"
        case .bakery: "in the bakery"
        case .shop: "in a shop"
        case .street: "in a town street"
        case .village: "in the village"
        case .farm: "on the farm"
        case .garden: "in the garden"
        case .forest: "in the forest"
        case .fernWood: "under the ferns"
        case .tallGrass: "in the tall grass"
        case .meadow: "in a meadow"
        case .hill: "on a hill"
        case .mountain: "in the mountains"
        case .snow: "in the snow"
        case .cave: "in a cave"
        case .river: "by the river"
        case .lake: "by the pond"
        case .beach: "on the beach"
        case .underwater: "under the sea"
        case .boat: "on a boat"
        case .sky: "up in the sky"
        case .moon: "on the Moon"
        case .space: "in space"
        case .castle: "at the castle"
        case .school: "at school"
        case .train: "on the train"
        }
    }

    /// Inside a room: the hour shows through a window, and there is no weather.
    public var isIndoors: Bool { [.bedroom, .kitchen, .bakery, .shop, .school, .train, .cave].contains(self) }

    /// Far from any air or earth: the Moon, space and the sea floor keep their own sky.
    var isApart: Bool { [.moon, .space, .underwater].contains(self) }

    /// Words and phrases that put a picture in each place, most specific places first.
    static let markers: [(PicturePlace, [String])] = [
        (.moon, ["on the moon", "moon base", "crater", "craters", "moon dust", "lunar"]),
        (.space, ["space", "spaceship", "rocket ship", "planet", "planets", "galaxy", "orbit", "astronaut", "comet", "asteroid"]),
        (.underwater, ["under the sea", "underwater", "reef", "coral", "seabed", "sea floor", "seaweed", "kelp", "under the waves", "deep sea"]),
        (.fernWood, ["fern", "ferns", "bracken"]),
        (.tallGrass, ["tall grass", "long grass", "grass stems", "grasses", "buttercups"]),
        (.bakery, ["bakery", "baker's", "bakers"]),
        (.kitchen, ["kitchen", "stove", "oven", "cooking pot", "kitchen table"]),
        (.bedroom, ["bedroom", "bed", "pillow", "nursery", "bedtime", "attic", "sofa", "armchair", "living room", "indoors", "fireplace"]),
        (.shop, ["shop", "store", "counter", "market stall", "market"]),
        (.school, ["school", "classroom", "teacher's desk", "lesson"]),
        (.train, ["train", "carriage", "railway", "platform", "station", "engine"]),
        (.boat, ["boat", "deck", "ship", "raft", "sail", "sails", "rowing"]),
        (.castle, ["castle", "tower", "palace", "throne", "drawbridge", "moat"]),
        (.cave, ["cave", "cavern", "tunnel", "underground", "burrow", "den"]),
        (.snow, ["snow", "snowy", "ice", "icy", "frozen", "igloo", "sledge", "sled"]),
        (.sky, ["in the sky", "up in the sky", "above the clouds", "cloud", "clouds", "high in the air"]),
        (.beach, ["beach", "shore", "sand", "sandy", "seashore", "tide", "the waves", "harbour", "harbor", "sea", "ocean", "bay", "island", "dunes", "rock pool"]),
        (.river, ["river", "stream", "brook", "riverbank", "bridge", "waterfall"]),
        (.lake, ["lake", "pond", "lily pad", "lily pads", "reeds", "puddle", "puddles"]),
        (.farm, ["farm", "barn", "farmyard", "tractor", "haystack", "field of corn", "hens", "cows", "pigsty"]),
        (.garden, ["garden", "vegetable patch", "flower bed", "greenhouse", "allotment", "lawn", "hedge", "hedgerow", "hedgerows", "park",
                     "playground", "swings"]),
        (.street, ["street", "streets", "city", "town", "road", "pavement", "square", "lamppost"]),
        (.village, ["village", "cottage", "cottages", "houses", "green"]),
        (.mountain, ["mountain", "mountains", "peak", "cliff", "cliffs", "summit", "valley"]),
        (.hill, ["hill", "hills", "hilltop", "slope"]),
        (.forest, ["forest", "wood", "woods", "woodland", "trees", "oak", "pine", "pines", "tree", "branches"]),
        (.meadow, ["meadow", "field", "fields", "grass", "flowers", "clover", "dandelion", "daisies"]),
    ]

    /// Places a scene's text cannot move a book to from where the book is set, because a word
    /// there is almost always about something else (a puddle on the Moon is a crater's shadow).
    static let weakInside: [PicturePlace: Set<PicturePlace>] = [
        .moon: [.lake, .river, .meadow, .forest, .beach, .sky, .garden, .village, .street],
        .space: [.lake, .river, .meadow, .forest, .beach, .sky, .garden, .village],
        .underwater: [.lake, .river, .beach, .boat, .sky, .meadow, .forest],
    ]

    /// The place of a story setting kind.
    public init(_ kind: SettingKind) {
        switch kind {
        case .space: self = .space
        case .undersea: self = .underwater
        case .beach: self = .beach
        case .cave: self = .cave
        case .town: self = .street
        case .village: self = .village
        case .home: self = .bedroom
        case .forest: self = .forest
        case .meadow: self = .meadow
        case .mountain: self = .mountain
        case .river: self = .river
        case .farm: self = .farm
        case .garden: self = .garden
        case .snow: self = .snow
        case .sky: self = .sky
        case .castle: self = .castle
        case .school: self = .school
        case .train: self = .train
        }
    }

    /// How strongly `text` puts a picture in each place: a marker after "in", "into", "at", "on",
    /// "under" or "through" counts three, any other two (phrases) or one (words).
    static func scores(_ text: String) -> [PicturePlace: Int] {
        let found = PageWords.Found(PageWords.of(text, keeping: "'"))
        let words = found.words
        let located: Set<String> = ["in", "into", "inside", "at", "on", "onto", "under", "through", "across", "to", "by", "along", "over", "reached"]
        var scores: [PicturePlace: Int] = [:]
        for (place, list) in markers {
            for marker in list {
                for start in found.starts(of: marker) {
                    let near = words[max(0, start - 3)..<start]
                    scores[place, default: 0] += near.contains(where: located.contains) ? 3 : marker.contains(" ") ? 2 : 1
                }
            }
        }
        return scores
    }

    /// The place named most strongly in `text`, ties going to the more specific place; nil when none is.
    static func strongest(in text: String, atLeast: Int = 1, excluding: Set<PicturePlace> = []) -> PicturePlace? {
        strongest(scores(text), atLeast: atLeast, excluding: excluding)
    }

    /// The place with the highest of `scores` (at least `atLeast`), ties going to the more specific place.
    static func strongest(_ scores: [PicturePlace: Int], atLeast: Int = 1, excluding: Set<PicturePlace> = []) -> PicturePlace? {
        var best: (PicturePlace, Int)?
        for (place, _) in markers where !excluding.contains(place) {
            if let score = scores[place], score >= atLeast, score > (best?.1 ?? 0) { best = (place, score) }
        }
        return best?.0
    }
}
