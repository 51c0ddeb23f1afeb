import Foundation
import TaleAnalyse
import TaleCore
import TaleGenerate

/// Ten books of Tale's own for measuring the storyteller: different premises, places, ages and
/// casts, and one with a title alone. Each says what a reader would take it to be about.
struct CorpusBook {
    var slug: String
    var title: String
    var age: String?
    var premise: String?
    var setting: String?
    var moral: String?
    var characters: [StoryCharacter]
    /// The key thing a reader names when asked what the story is about.
    var keyThing: String
    /// The kind of place.
    var place: SettingKind

    /// The story fields as a provider sees them.
    var book: StoryBook {
        var matter = FrontMatter(title: title)
        matter.age = age
        matter.ageTier = .kids
        matter.premise = premise
        matter.setting = setting
        matter.moral = moral
        matter.characters = characters
        return StoryBook(matter, seed: "corpus")
    }

    /// The voice its age asks for.
    var voice: StoryVoice { StoryVoice.of(age: age) }
}

private func cast(_ list: [(String, String, String)]) -> [StoryCharacter] {
    list.map { StoryCharacter(name: $0.0, role: $0.1, looks: $0.2) }
}

enum StoryCorpus {
    static let books: [CorpusBook] = [
        CorpusBook(slug: "moon-radio", title: "Juno and the Quiet Radio", age: "3-5",
                   premise: "A young astronaut must fix the broken radio before the call home tonight", setting: "a small base on the Moon", moral: nil,
                   characters: cast([("Juno", "hero", "a girl astronaut in a white spacesuit"), ("Bolt", "friend", "a small silver robot with one wheel")]),
                   keyThing: "radio", place: .space),
        CorpusBook(slug: "one-umbrella", title: "One Umbrella", age: "0-3", premise: "One umbrella and two friends in the rain",
                   setting: "a busy little town", moral: nil,
                   characters: cast([("Dot", "hero", "a small yellow duck"), ("Ben", "friend", "a grey mouse in a red coat")]),
                   keyThing: "umbrella", place: .town),
        CorpusBook(slug: "turtle-net", title: "Finn and the Tangled Net", age: "6-8",
                   premise: "A clownfish and an octopus find a sea turtle caught in a fishing net on the reef", setting: nil, moral: "Kindness takes patience",
                   characters: cast([("Finn", "hero", "a small orange clownfish with white stripes"), ("Pearl", "friend", "a purple octopus with curly arms")]),
                   keyThing: "net", place: .undersea),
        CorpusBook(slug: "odd-sock", title: "Odd Sock Out", age: "3-5", premise: "A striped sock goes missing on laundry day", setting: nil, moral: nil,
                   characters: cast([("Stripe", "hero", "a striped red and white sock with a smiley face"),
                                     ("Button", "friend", "a little teddy bear with one button eye")]),
                   keyThing: "sock", place: .home),
        CorpusBook(slug: "ember-blanket", title: "Ember's Blanket", age: "0-3", premise: "A little dragon is looking for her blue blanket in the cave",
                   setting: nil, moral: nil,
                   characters: cast([("Ember", "hero", "a little purple dragon"), ("Flick", "friend", "a firefly with a glowing tail")]),
                   keyThing: "blanket", place: .cave),
        CorpusBook(slug: "kite-oak", title: "The Kite in the Oak", age: "6-8", premise: "A kite is stuck at the top of the tallest oak in the park",
                   setting: nil, moral: nil,
                   characters: cast([("Leo", "hero", "a boy with a green cap"), ("Hattie", "friend", "a grey squirrel with a bushy tail"),
                                     ("Grandpa Sol", "grandpa", "an old man with white hair and glasses")]),
                   keyThing: "kite", place: .town),
        CorpusBook(slug: "birthday-cake", title: "The Birthday Cake", age: "9-12",
                   premise: "Two sisters want to bake a birthday cake for their dad when the oven breaks", setting: nil,
                   moral: "Working together makes hard things easier",
                   characters: cast([("Maya", "hero", "a girl of ten with curly black hair"), ("Zoe", "sister", "a girl of eight with a yellow apron")]),
                   keyThing: "cake", place: .home),
        CorpusBook(slug: "night-train", title: "The Night Train", age: nil, premise: nil, setting: nil, moral: nil, characters: [],
                   keyThing: "train", place: .train),
        CorpusBook(slug: "lost-map", title: "The Lighthouse Map", age: "9-12",
                   premise: "A girl must find her grandfather's lost map before the storm arrives", setting: "a windy island with a tall lighthouse", moral: nil,
                   characters: cast([("Isla", "hero", "a girl with a red raincoat"), ("Pepper", "friend", "a small black and white dog"),
                                     ("Captain Gus", "grandfather", "an old sailor with a white beard")]),
                   keyThing: "map", place: .beach),
        CorpusBook(slug: "sledge-race", title: "Pim's Big Race", age: "9-12", premise: "A penguin wants to win the great sledge race across the ice",
                   setting: nil, moral: "You do not have to be the biggest to do your best",
                   characters: cast([("Pim", "hero", "a small penguin with a red scarf"), ("Tuk", "friend", "a big white polar bear")]),
                   keyThing: "race", place: .snow),
    ]

    /// A book written the way a build writes it: the plan, then each scene in order with the story so far.
    static func write(_ entry: CorpusBook, scenes: Int = 8, seed: String = "corpus") -> (plan: StoryPlan, texts: [String]) {
        var book = entry.book
        book.seed = seed
        let teller = EmbeddedStoryteller()
        var planning = TextRequest(kind: .plan, book: book)
        planning.sceneCount = scenes
        planning.sceneTitles = Array(repeating: nil, count: scenes)
        let plan = try! StoryPlan.decode(teller.compose(planning)).get()
        var texts: [String] = []
        for index in 0..<scenes {
            var request = TextRequest(kind: .scene, book: book)
            request.sceneIndex = index
            request.sceneCount = scenes
            request.plan = plan
            request.storySoFar = texts
            texts.append(teller.compose(request))
        }
        return (plan, texts)
    }
}

/// Measures on what the storyteller writes.
enum StoryMeasure {
    /// Sentences, with quotes and surrounding space taken off; pieces of fewer than `words` words
    /// ("said Moss." after a line of talk) are left out.
    static func sentences(_ text: String, words: Int = 1) -> [String] {
        var result: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if ".!?".contains(character) {
                let trimmed = current.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\"")))
                if trimmed.count > 1, trimmed.split(separator: " ").count >= words { result.append(trimmed) }
                current = ""
            }
        }
        return result
    }

    /// A sentence with every name in `names` replaced, lowercased: sentences that differ only in names compare equal.
    static func normalised(_ sentence: String, names: [String]) -> String {
        var text = sentence
        for name in names.sorted(by: { $0.count > $1.count }) { text = text.replacingOccurrences(of: name, with: "<name>") }
        return text.lowercased()
    }

    /// The share of all sentences that also appear, names normalised, in another book.
    static func sharedRatio(_ books: [(names: [String], texts: [String])]) -> (shared: Int, total: Int, examples: [String]) {
        let perBook = books.map { book in book.texts.flatMap { sentences($0) }.map { normalised($0, names: book.names) } }
        var seenIn: [String: Set<Int>] = [:]
        for (index, list) in perBook.enumerated() { for sentence in list { seenIn[sentence, default: []].insert(index) } }
        let all = perBook.flatMap { $0 }
        let shared = all.filter { seenIn[$0]!.count > 1 }
        return (shared.count, all.count, Array(Set(shared)).sorted())
    }

    /// The hour a scene's own words name, by its first time word (nil when it names none).
    static func hours(_ text: String) -> [TimeOfDay] {
        let words: [(String, TimeOfDay)] = [("dawn", .dawn), ("sunrise", .dawn), ("morning", .morning), ("afternoon", .afternoon),
                                            ("evening", .evening), ("sunset", .evening), ("dusk", .evening), ("night", .night), ("midnight", .night)]
        let tokens = text.lowercased().split { !$0.isLetter }.map(String.init)
        return tokens.compactMap { token in words.first { $0.0 == token }?.1 }
    }
}
