import TaleCore

/// Reads a book's pages for its pictures: from the story plan when there is one (who is there,
/// the hour, the key thing's state, the beat), and from each page's own words, which win where
/// they say something the plan does not (a character who turns up, "that evening", "into the
/// tall grass"). Pages are read in order, so the hour never runs backwards unless a page says
/// so and no two pages in a row are framed alike.
public enum PictureReader {
    /// One page to read: its scene's id, title, text and `art=` brief, and its cue map's light.
    public struct Page: Sendable {
        /// The scene's id.
        public var id: String
        /// The scene's title.
        public var title: String?
        /// The scene's text.
        public var text: String
        /// The writer's `art=` brief.
        public var art: String?
        /// The cue map's time of day (`dawn`, `day`, `dusk`, `night`).
        public var cueTime: String?
        /// The cue map's weather.
        public var cueWeather: [String]
        /// The cue map's mood (`joyful`, `tense`, ...).
        public var cueMood: String?

        /// A page.
        public init(id: String, title: String?, text: String, art: String?, cueTime: String?, cueWeather: [String], cueMood: String? = nil) {
            self.cueMood = cueMood
            self.id = id
            self.title = title
            self.text = text
            self.art = art
            self.cueTime = cueTime
            self.cueWeather = cueWeather
        }
    }

    /// Kinds that can fly, and that live in water.
    static let flyers: Set<String> = ["bird", "owl", "bat", "bee", "butterfly", "firefly", "dragon", "ladybird"]
    static let swimmers: Set<String> = ["fish", "dolphin", "jellyfish", "octopus", "turtle", "crab", "otter", "frog"]

    /// The reading of every page of `book`, in order.
    public static func read(book: StoryBook, plan: StoryPlan?, pages: [Page]) -> [PictureReading] {
        let looks = CharacterBible.derive(book)
        let base = basePlace(book: book, plan: plan)
        let planned = plan.flatMap { $0.scenes.count == pages.count ? $0.scenes : nil }
        let key = keyThing(book: book, plan: plan)
        var readings: [PictureReading] = []
        var hour = startHour(book: book, plan: plan)
        let settled = Set(PageWords.of(book.setting ?? ""))
        for (index, page) in pages.enumerated() {
            let scene = planned?[index]
            let words = [page.title ?? "", page.art ?? "", page.text].joined(separator: ". ")
            let vocabulary = Set(PageWords.of(words))
            let named = Props.named(in: words)
            // The hour: what the page says, else the plan's, else the last page's, else the cue's.
            let said = PictureHour.said(in: words)
            if let said {
                hour = said
            } else if let scene {
                hour = max(hour, PictureHour(scene.time))
            } else if index == 0, let cue = PictureHour(cue: page.cueTime) {
                hour = cue
            }
            var place = self.place(page: page, spot: scene?.spot, base: base)
            // Only those who fly are drawn up in the sky; the rest stay on the ground below it.
            if place == .sky {
                let present = looks.filter { (scene?.present ?? []).contains($0.name) || mentions(words, $0.name) }
                if present.isEmpty || !present.allSatisfy({ flyers.contains($0.kind) }) { place = base == .sky ? .hill : base }
            }
            var reading = PictureReading(cast: [], things: [], place: place, hour: hour,
                                         weather: place.isIndoors || place.isApart ? [] : page.cueWeather, composition: .action)
            reading.cast = cast(looks: looks, present: scene?.present ?? [], words: words, place: place)
            // A village in a wild place (under the ferns, in the tall grass) shows its little houses where the page is at home.
            reading.homes = [.fernWood, .tallGrass, .forest, .meadow].contains(place) && !settled.isDisjoint(with: ["village", "town", "houses", "cottages"])
                && !vocabulary.isDisjoint(with: ["village", "home", "house", "houses", "cottage", "lives", "door"])
            // The key thing: lost (hidden for the child to find), broken, or there.
            if let key {
                let isNamed = named.contains(key)
                switch (scene?.thing, plan?.goalKind) {
                case (.trouble?, .find?):
                    if isNamed { (reading.keyThing, reading.keyThingShown) = (key, .hidden) }
                case (.trouble?, .retrieve?), (.trouble?, .reach?):
                    let high = !vocabulary.isDisjoint(with: ["top", "stuck", "high", "tree", "oak", "roof", "branch", "branches", "tower", "up"])
                    if isNamed, !(high && place.isIndoors) { (reading.keyThing, reading.keyThingShown) = (key, high ? .outOfReach : .hidden) }
                case (.trouble?, .fix?):
                    (reading.keyThing, reading.keyThingShown) = (key, .broken)
                case (.trouble?, .make?):
                    if isNamed { reading.keyThing = key }
                case (.some, _):
                    reading.keyThing = key
                case (nil, _):
                    if isNamed { reading.keyThing = key }
                }
            }
            // A snail's shell or a hedgehog's hat is part of the character, not a thing beside it.
            let cast = looks.filter { figure in reading.cast.contains { $0.name == figure.name } }
            var features = Set(cast.flatMap { [$0.species, $0.kind] + $0.features })
            if cast.contains(where: { ["snail", "turtle", "crab"].contains($0.kind) }) { features.insert("shell") }
            // What a character's looks name ("a robot with one wheel") is part of it, unless it is the key thing.
            for character in book.characters where cast.contains(where: { $0.name == character.name }) {
                features.formUnion(Props.named(in: character.looks ?? ""))
            }
            reading.things = named.filter { $0 != reading.keyThing && $0 != key && !features.contains($0) && $0 != "star" }.prefix(2).map { $0 }
            // The resolution puts the key thing in the hero's hands.
            if scene?.roles.contains(.resolution) == true, reading.keyThing != nil, reading.keyThingShown == .shown, !reading.cast.isEmpty,
               ![.hugging, .flying, .swimming].contains(reading.cast[0].action) {
                reading.cast[0].action = .holding
            }
            // One pair of hands holds the thing; nobody holds nothing.
            var holding = reading.keyThing != nil && reading.keyThingShown != .hidden || !reading.things.isEmpty
            for index in reading.cast.indices where [.holding, .reaching].contains(reading.cast[index].action) {
                if !holding { reading.cast[index].action = .standing }
                holding = false
            }
            // Faces show the beat's feeling, else the page's mood; a hug is always glad.
            reading.feeling = scene?.roles.lazy.compactMap(PictureFeeling.init(role:)).first ?? PictureFeeling(mood: page.cueMood) ?? .calm
            if reading.cast.contains(where: { $0.action == .hugging }) { reading.feeling = .glad }
            reading.composition = composition(reading, roles: scene?.roles ?? [], index: index, count: pages.count, words: vocabulary,
                                              previous: readings.last?.composition)
            readings.append(reading)
        }
        return readings
    }

    /// The cover's reading: the hero (and the first friend) in the book's place at its opening
    /// hour, the hero holding the key thing.
    public static func cover(book: StoryBook, plan: StoryPlan?) -> PictureReading {
        let looks = CharacterBible.derive(book)
        let place = basePlace(book: book, plan: plan)
        var cast = looks.prefix(2).map { PictureReading.Figure(name: $0.name, word: $0.species, action: .standing) }
        let key = keyThing(book: book, plan: plan)
        if !cast.isEmpty { cast[0].action = key == nil ? .walking : .holding }
        if cast.count > 1 { cast[1].action = flyers.contains(looks[1].kind) ? .flying : .walking }
        return PictureReading(cast: cast, keyThing: key, things: [], place: place, hour: startHour(book: book, plan: plan),
                              weather: [], composition: .action)
    }

    /// Where the book is set: its setting's words, else the plan's kind of place, else its premise's.
    static func basePlace(book: StoryBook, plan: StoryPlan?) -> PicturePlace {
        if let setting = book.setting, let place = PicturePlace.strongest(in: setting) { return place }
        if let plan { return PicturePlace(plan.settingKind) }
        return PicturePlace.strongest(in: (book.premise ?? "") + " " + book.title) ?? .meadow
    }

    /// The hour the book opens: the plan's, else what its setting, premise or title say, else morning.
    static func startHour(book: StoryBook, plan: StoryPlan?) -> PictureHour {
        if let plan { return PictureHour(plan.startTime) }
        let words = [book.setting ?? "", book.premise ?? "", book.title].joined(separator: ". ")
        if let said = PictureHour.said(in: words) { return said }
        return Set(PageWords.of(words)).isDisjoint(with: ["moon", "stars", "bedtime", "dark"]) ? .morning : .night
    }

    /// The key thing as a drawable prop: the plan's, else the first the premise names.
    static func keyThing(book: StoryBook, plan: StoryPlan?) -> String? {
        if let plan { return Props.name(of: plan.keyThing) }
        return Props.named(in: book.premise ?? "").first
    }

    /// The page's place: its brief's, else the one its words put it in firmly, else the book's.
    static func place(page: Page, spot: String?, base: PicturePlace) -> PicturePlace {
        let excluded = PicturePlace.weakInside[base] ?? []
        if let art = page.art, let place = PicturePlace.strongest(in: art, excluding: excluded) { return place }
        let words = [page.title ?? "", page.text, spot ?? ""].joined(separator: ". ")
        let scores = PicturePlace.scores(words)
        guard let best = PicturePlace.strongest(scores, atLeast: 2, excluding: excluded) else { return base }
        // The book's own place keeps the page unless another is named more firmly.
        return (scores[base] ?? 0) >= (scores[best] ?? 0) ? base : best
    }

    /// Who is on the page and what each is doing: the plan's cast and anyone the words name, in
    /// front-matter order, the hero first, three at most.
    static func cast(looks: [CharacterLook], present: [String], words: String, place: PicturePlace) -> [PictureReading.Figure] {
        let sentences = words.split { ".!?".contains($0) }.map(String.init)
        var chosen = looks.filter { look in present.contains(look.name) || mentions(words, look.name) }
        if chosen.isEmpty, let hero = looks.first { chosen = [hero] }
        return chosen.prefix(3).map { look in
            // The strongest action in the sentences that name it, or continue about it ("she", "he", "they", "it").
            var mine: [String] = []
            var about = false
            for sentence in sentences {
                let lower = PageWords.of(sentence)
                let others = looks.contains { $0.name != look.name && mentions(sentence, $0.name) }
                let pronoun = ["she", "he", "they", "it", "her", "his"].contains(lower.first ?? "")
                about = mentions(sentence, look.name) || (about && pronoun && !others)
                if about { mine += lower }
            }
            var action = PictureAction.strongest(in: mine) ?? .standing
            if action == .flying, !flyers.contains(look.kind) { action = .walking }
            if action == .swimming, !swimmers.contains(look.kind), ![.river, .lake, .beach, .underwater].contains(place) { action = .walking }
            if swimmers.contains(look.kind), ["fish", "dolphin", "jellyfish", "octopus"].contains(look.kind) { action = .swimming }
            if action == .hugging, chosen.count < 2 { action = .holding }
            if action == .swimming, place == .underwater, !swimmers.contains(look.kind) { action = .walking }
            let high: Set<String> = ["up", "tree", "trees", "ladder", "wall", "rock", "rocks", "top", "cliff", "branch", "branches", "tower"]
            if action == .climbing, high.isDisjoint(with: mine) { action = .walking }
            if action == .sleeping, ![PicturePlace.bedroom, .fernWood, .forest, .cave, .meadow, .tallGrass, .train].contains(place), chosen.count > 1 { action = .standing }
            return PictureReading.Figure(name: look.name, word: look.species, action: action)
        }
    }

    /// Whether `text` names the character: by its whole name, or by a distinctive word of a
    /// longer name ("Hoot" for "Old Hoot", "Mara" for "Mara Quill").
    static func mentions(_ text: String, _ name: String) -> Bool {
        if PageWords.bytes(of: text, contain: name) { return true }
        let parts = name.split(separator: " ").map(String.init)
        guard parts.count > 1 else { return false }
        // The text is split into words only when a distinctive part of the name is somewhere in it.
        let distinctive = parts.filter { !titleWords.contains($0) && $0.count > 2 && PageWords.bytes(of: text, contain: $0) }
        guard !distinctive.isEmpty else { return false }
        let words = Set(PageWords.asWritten(text))
        return distinctive.contains { words.contains($0) }
    }

    /// Words of a name that do not name the character alone ("Old" of "Old Hoot").
    static let titleWords: Set<String> = ["Old", "Grandma", "Grandpa", "Granny", "Mister", "Mr", "Mrs", "Miss", "Little", "Big", "Captain",
                                          "Doctor", "The", "Auntie", "Uncle", "Aunt"]

    /// The framing: the beat's, or one read from what happens; never the last page's again.
    static func composition(_ reading: PictureReading, roles: [BeatRole], index: Int, count: Int, words lower: Set<String>,
                            previous: PictureComposition?) -> PictureComposition {
        let actions = Set(reading.cast.map(\.action))
        var wanted: PictureComposition
        if actions.contains(.hugging) || (reading.cast.count >= 2 && roles.contains(.helper)) {
            wanted = .facing
        } else if let role = roles.first {
            wanted = PictureComposition(role: role)
        } else if index == 0 || index == count - 1 {
            wanted = .wide
        } else if !lower.isDisjoint(with: ["lost", "alone", "search", "searched", "looked", "nowhere", "dark", "huge", "empty", "wide"]) || actions.contains(.hiding) {
            wanted = .smallInBig
        } else if !lower.isDisjoint(with: ["tall", "tallest", "giant", "high", "top", "tower", "up", "above", "towering"]) || actions.contains(.climbing) || actions.contains(.flying) {
            wanted = .lookingUp
        } else if !lower.isDisjoint(with: ["set", "path", "road", "followed", "into", "along", "way", "journey", "walked"]) {
            wanted = .fromBehind
        } else if reading.keyThing != nil && actions.contains(.holding) {
            wanted = .closeUp
        } else if reading.cast.count >= 2 {
            wanted = .facing
        } else {
            wanted = [PictureComposition.action, .closeUp, .lookingUp, .fromBehind][index % 4]
        }
        if wanted == .facing, reading.cast.count < 2 { wanted = .closeUp }
        if wanted == .fromBehind, actions.contains(.sleeping) || actions.contains(.swimming) { wanted = .action }
        guard wanted == previous else { return wanted }
        let order: [PictureComposition] = [.action, .wide, .closeUp, .fromBehind, .lookingUp, .smallInBig, .facing]
        let start = order.firstIndex(of: wanted)!
        for step in 1..<order.count {
            let next = order[(start + step) % order.count]
            if next == .facing, reading.cast.count < 2 { continue }
            return next
        }
        return wanted
    }
}
