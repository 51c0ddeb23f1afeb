/// The words that name each prop, and the props a text names.
extension Props {
    /// The words that name each prop (singular, plural and near words), to the prop's name.
    static let words: [String: String] = {
        var table: [String: String] = [:]
        let names: [(String, [String])] = [
            ("umbrella", ["umbrella", "umbrellas", "brolly"]), ("radio", ["radio", "wireless"]), ("kite", ["kite", "kites"]),
            ("net", ["net", "nets", "fishing net"]), ("cake", ["cake", "cakes", "cupcake"]), ("oven", ["oven", "stove"]),
            ("blanket", ["blanket", "blankets", "quilt", "duvet"]), ("train", ["train", "trains", "locomotive"]), ("rocket", ["rocket", "spaceship"]),
            ("lantern", ["lantern", "lanterns"]), ("lamp", ["lamp", "lamps", "lamppost"]), ("torch", ["torch", "flashlight"]),
            ("candle", ["candle", "candles"]), ("map", ["map", "maps", "chart", "charts"]), ("letter", ["letter", "letters", "envelope", "note", "message"]),
            ("basket", ["basket", "baskets", "hamper"]), ("laundry basket", ["laundry basket", "laundry"]), ("boat", ["boat", "boats", "raft", "rowing boat"]),
            ("book", ["book", "books", "storybook"]), ("tree house", ["tree house", "treehouse"]), ("telephone", ["telephone", "phone"]),
            ("clock", ["clock", "clocks", "alarm clock"]), ("music box", ["music box"]), ("balloon", ["balloon", "balloons"]), ("sock", ["sock", "socks"]),
            ("pie", ["pie", "pies", "tart"]), ("bread", ["bread", "loaf", "loaves", "bun", "buns"]), ("soup", ["soup", "stew", "pot", "cauldron"]),
            ("bicycle", ["bicycle", "bike", "bicycles", "bikes"]), ("wagon", ["wagon", "cart", "wheelbarrow"]), ("key", ["key", "keys"]),
            ("ball", ["ball", "balls", "football"]), ("drum", ["drum", "drums"]), ("bell", ["bell", "bells"]), ("flute", ["flute", "whistle", "recorder"]),
            ("crown", ["crown", "crowns"]), ("egg", ["egg", "eggs"]), ("seed", ["seed", "seeds", "acorn", "acorns"]), ("shell", ["shell", "shells", "seashell"]),
            ("star", ["star", "stars", "wishing star"]), ("compass", ["compass"]), ("telescope", ["telescope", "spyglass"]), ("hat", ["hat", "hats"]),
            ("scarf", ["scarf", "scarves"]), ("teddy", ["teddy", "teddy bear", "toy", "toys", "doll"]), ("bridge", ["bridge", "bridges"]),
            ("nest", ["nest", "nests"]), ("present", ["present", "presents", "gift", "gifts", "parcel"]), ("picture", ["picture", "painting", "photo"]),
            ("pebble", ["pebble", "pebbles", "stone", "stones"]), ("feather", ["feather", "feathers"]), ("ladder", ["ladder", "ladders"]),
            ("bucket", ["bucket", "buckets", "pail"]), ("spade", ["spade", "shovel"]), ("apple", ["apple", "apples"]), ("flower", ["flower", "flowers", "daisy", "rose", "tulip"]),
            ("leaf", ["leaf", "leaves"]), ("cup", ["cup", "cups", "mug"]), ("teapot", ["teapot", "kettle"]), ("bowl", ["bowl", "bowls"]),
            ("tent", ["tent", "tents"]), ("sled", ["sled", "sledge", "sleigh"]), ("snowman", ["snowman"]), ("sandcastle", ["sandcastle"]),
            ("fishing rod", ["fishing rod", "rod"]), ("watering can", ["watering can"]), ("paintbrush", ["paintbrush", "brush", "paints"]),
            ("pencil", ["pencil", "pencils", "crayon", "crayons"]), ("jar", ["jar", "jars", "honey", "jam"]), ("bottle", ["bottle", "bottles"]),
            ("chair", ["chair", "chairs", "stool"]), ("pillow", ["pillow", "pillows", "cushion"]), ("gate", ["gate", "gates"]),
            ("door", ["door", "doors", "doorway"]), ("sign", ["sign", "signpost"]), ("rope", ["rope", "ropes", "string", "thread"]),
            ("wheel", ["wheel", "wheels"]), ("mirror", ["mirror"]), ("suitcase", ["suitcase", "bag"]), ("carrot", ["carrot", "carrots"]),
            ("mushroom", ["mushroom", "mushrooms", "toadstool"]), ("sandwich", ["sandwich", "sandwiches", "picnic"]), ("shield", ["shield"]),
            ("wand", ["wand"]), ("guitar", ["guitar"]), ("trumpet", ["trumpet", "bugle"]), ("spoon", ["spoon", "spoons", "ladle"]),
        ]
        for (name, list) in names { for word in list { table[word] = name } }
        return table
    }()

    /// Every prop's name.
    public static var all: [String] { Array(Set(words.values)).sorted() }

    /// The props `text` names, in order of first mention, each once; two-word names first.
    static func named(in text: String) -> [String] {
        let words = PageWords.of(text)
        var found: [(Int, String)] = []
        var index = 0
        while index < words.count {
            if index + 1 < words.count, let two = Props.words[words[index] + " " + words[index + 1]] {
                found.append((index, two))
                index += 2
                continue
            }
            // "next door" is a neighbour's house, not a door in the picture.
            if let one = Props.words[words[index]], !(one == "door" && index > 0 && words[index - 1] == "next") { found.append((index, one)) }
            index += 1
        }
        var seen: Set<String> = []
        return found.map(\.1).filter { seen.insert($0).inserted }
    }

    /// Whether Tale draws `thing` ("watering can", "lantern").
    public static func drawable(_ thing: String) -> Bool { name(of: thing) != nil }

    /// The prop's name for a story's key thing ("the brass lantern" is a lantern), or nil if Tale cannot draw it.
    static func name(of thing: String) -> String? { named(in: thing).last }
}
