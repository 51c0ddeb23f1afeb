/// What one picture shows, read from the story plan and the page's text: who is there and what
/// each is doing, the key thing and other things, the place, the hour, the weather and how the
/// page is framed. Both illustrators draw from it, and its sentence is the picture's alt text.
public struct PictureReading: Sendable, Equatable {
    /// One character in the picture.
    public struct Figure: Sendable, Equatable {
        /// The character's name.
        public var name: String
        /// What it is called as a creature ("snail", "toad", "grandma").
        public var word: String
        /// What it is doing.
        public var action: PictureAction

        /// A character in the picture.
        public init(name: String, word: String, action: PictureAction) {
            self.name = name
            self.word = word
            self.action = action
        }
    }

    /// How the story's key thing is shown.
    public enum ThingShown: String, Sendable, Equatable {
        /// Plainly, in the scene (held when a figure is holding).
        case shown
        /// Broken, still to be mended.
        case broken
        /// Lost: small and half hidden, for the child to find before the hero does.
        case hidden
        /// Stuck up high (in a tree, on a roof), out of reach.
        case outOfReach = "out-of-reach"
    }

    /// Who is in the picture, the hero first.
    public var cast: [Figure]
    /// The key thing, as a prop Tale draws, when the picture shows it.
    public var keyThing: String?
    /// How the key thing is shown.
    public var keyThingShown: ThingShown = .shown
    /// Other things the page names that the picture shows.
    public var things: [String]
    /// Where.
    public var place: PicturePlace
    /// Whether little houses stand in a wild place (a village under the ferns, in the tall grass).
    public var homes = false
    /// When.
    public var hour: PictureHour
    /// The weather drawn (`rain`, `storm`, `snow`, `fog`, `wind`); none indoors.
    public var weather: [String]
    /// How the page is framed.
    public var composition: PictureComposition
    /// How the characters feel: their faces show it.
    public var feeling: PictureFeeling = .calm

    /// A reading.
    public init(cast: [Figure], keyThing: String? = nil, keyThingShown: ThingShown = .shown, things: [String], place: PicturePlace,
                hour: PictureHour, weather: [String], composition: PictureComposition) {
        self.cast = cast
        self.keyThing = keyThing
        self.keyThingShown = keyThingShown
        self.things = things
        self.place = place
        self.hour = hour
        self.weather = weather
        self.composition = composition
    }

    /// The picture in one sentence: every character with its kind and what it is doing, the place,
    /// the hour, the weather and the things. The SVG's `<desc>` and the page's alt text.
    public var sentence: String {
        let thing = keyThing.map { keyThingShown == .broken ? "broken \($0)" : $0 }
        let handed = cast.contains { [.holding, .reaching].contains($0.action) }
        let held = ([.hidden, .outOfReach].contains(keyThingShown) ? nil : thing) ?? things.first
        var figures: [String] = []
        for figure in cast {
            let other = cast.first { $0.name != figure.name }?.name
            let hands = figure.action == .holding || figure.action == .reaching ? held : nil
            let doing = figure.action.phrase(thing: hands, other: other)
            figures.append("\(figure.name) the \(figure.word)" + (doing.isEmpty ? "" : " " + doing))
        }
        var text = PictureReading.list(figures)
        text += ", \(place.phrase)" + (homes ? " among little houses" : "") + " \(hour.phrase)"
        let weatherWords = ["rain": "in the rain", "storm": "in a storm", "snow": "in the snow", "fog": "in the fog", "wind": "in the wind"]
        let said = weather.compactMap { weatherWords[$0] }
        if !said.isEmpty { text += ", " + said.joined(separator: " and ") }
        text += "."
        var shown = things.filter { !(handed && $0 == held) }.map { "a \($0)" }
        if let thing, ![.hidden, .outOfReach].contains(keyThingShown), !(handed && held == thing) { shown.insert("the \(thing)", at: 0) }
        if !shown.isEmpty { text += " With " + PictureReading.list(shown) + "." }
        if let keyThing, keyThingShown == .hidden { text += " The lost \(keyThing) is hidden somewhere in the picture." }
        if let keyThing, keyThingShown == .outOfReach { text += " The \(keyThing) is stuck up high, out of reach." }
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    /// Every field, and the sentence (which becomes the picture's alt text), as text for input hashes.
    public var canonical: String {
        ([sentence] + cast.map { "\($0.name)/\($0.word)/\($0.action.rawValue)" } + [keyThing ?? "", keyThingShown.rawValue, things.joined(separator: ","),
         place.rawValue + (homes ? "+homes" : ""), hour.rawValue, feeling.rawValue, weather.joined(separator: ","), composition.rawValue]).joined(separator: "|")
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.first ?? "" : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}
