import Foundation
import TaleCore
import TaleImage

/// Tale's offline illustrator: composes a picture-book scene as vector shapes from what the
/// scene says (time of day, setting, weather, who is there, a prop it names), draws each
/// character from the book's character bible so they look the same on every page, and writes
/// SVG in the book's style. The same drawing rasterises to PNG for covers, cards and thumbnails.
public struct EmbeddedIllustrator: ImageProvider {
    /// `embedded`.
    public let name = "embedded"
    /// The illustrator's version; a new one makes new artifacts.
    public let model = EmbeddedModel.illustrator
    /// `svg`.
    public let fileExtension = "svg"

    /// An illustrator.
    public init() {}

    /// The SVG for `request`; never fails.
    public func draw(_ request: ImageRequest) async throws(GenerationError) -> GeneratedImage {
        GeneratedImage(bytes: Array(svg(request).utf8), fileExtension: "svg")
    }

    /// The SVG text for `request`.
    public func svg(_ request: ImageRequest) -> String {
        SVGWriter.svg(drawing(request), style: request.style, title: EmbeddedIllustrator.alt(request),
                      description: request.art ?? request.book.premise ?? request.book.title)
    }

    /// The drawing for `request`: 1200 x 800 for a scene, 600 x 800 for a cover (with its title).
    public func drawing(_ request: ImageRequest) -> VectorDrawing {
        request.kind == .cover ? cover(request) : scene(request)
    }

    /// A 1200 x 630 picture for the book's social card: the cover's scene, without words.
    public func card(_ request: ImageRequest) -> VectorDrawing {
        var d = VectorDrawing(width: 1200, height: 630)
        compose(&d, request, settingText: request.book.setting ?? request.book.premise ?? "", time: EmbeddedIllustrator.coverTime(request.book),
                cast: Array(CharacterBible.derive(request.book).prefix(2)), scale: 1.6)
        return d
    }

    func scene(_ request: ImageRequest) -> VectorDrawing {
        var d = VectorDrawing(width: 1200, height: 800)
        let looks = CharacterBible.derive(request.book)
        compose(&d, request, settingText: [request.art ?? "", request.title ?? "", request.text].joined(separator: " "),
                time: request.time ?? "day", cast: EmbeddedIllustrator.present(looks, in: request), scale: 1.9)
        return d
    }

    func cover(_ request: ImageRequest) -> VectorDrawing {
        var d = VectorDrawing(width: 600, height: 800)
        compose(&d, request, settingText: request.book.setting ?? request.book.premise ?? "", time: EmbeddedIllustrator.coverTime(request.book),
                cast: Array(CharacterBible.derive(request.book).prefix(2)), scale: 1.25)
        // The title and author on a banner, in the theme's serif.
        let title = request.book.title
        let lines = EmbeddedIllustrator.wrap(title, width: 16)
        let size = lines.count > 2 ? 44.0 : 52
        let height = Double(lines.count) * size * 1.15 + (request.author == nil ? 40 : 80)
        d.add(.rect(x: 36, y: 36, width: 528, height: height, corner: 24), fill: RGBA(255, 252, 244, 0.92), stroke: Figures.outline, strokeWidth: 3, role: "title")
        for (index, line) in lines.enumerated() {
            d.add(.text(x: 300, y: 36 + 20 + size + Double(index) * size * 1.15, size: size, text: line, anchor: "middle", weight: "700",
                        family: "Georgia, 'DejaVu Serif', serif"), fill: Figures.outline, role: "title")
        }
        if let author = request.author {
            d.add(.text(x: 300, y: 36 + height - 26, size: 26, text: "by \(author)", anchor: "middle", weight: "400",
                        family: "Georgia, 'DejaVu Serif', serif"), fill: Figures.outline, role: "title")
        }
        return d
    }

    /// Sky, setting, prop, characters, weather and the light of the hour, in that order.
    func compose(_ d: inout VectorDrawing, _ request: ImageRequest, settingText: String, time: String, cast: [CharacterLook], scale: Double) {
        var random = SeededRandom("\(request.book.seed)\u{0}\(request.book.title)\u{0}\(request.sceneID)\u{0}\(request.kind.rawValue)\u{0}\(request.attempt)")
        let setting = SceneSetting.read(settingText, fallback: (request.book.setting ?? "") + " " + (request.book.premise ?? ""))
        Scenery.sky(&d, time: time, inside: setting == .home || setting == .cave || setting == .space)
        let ground = Scenery.setting(&d, setting, time: time, random: &random)
        // The first prop the text names. (Going through the table instead took whichever its
        // order, which changes from one run to the next, happened to give.)
        let prop = (request.art ?? request.text).lowercased().split { !$0.isLetter }.lazy.compactMap { Scenery.propWords[String($0)] }.first
        // Where the characters stand: spread across the page, shifted a little per scene.
        let count = max(1, cast.count)
        let shift = Double(random.next() % 160) - 80
        var slots = (0..<count).map { index in d.width * (Double(index) + 1) / Double(count + 1) + shift }
        if count == 1 { slots = [d.width * (0.3 + Double(random.next() % 40) / 100)] }
        if let prop { Scenery.prop(&d, prop, x: min(d.width - 90, slots[0] + 170 * scale), ground: ground) }
        for (index, look) in cast.enumerated() {
            let size = 200 * scale * look.size
            let mirrored = count == 2 ? index == 1 : random.next() % 3 == 0
            let lift = look.plan == .bird && look.species != "heron" && random.next() % 2 == 0 ? 60.0 : 0
            d.place(Figures.draw(look), dx: slots[index] - size / 2, dy: ground - size * 0.95 - lift, scale: size / 200, mirrored: mirrored)
        }
        Scenery.weather(&d, request.weather, random: &random)
        switch time {
        case "night": d.add(.rect(x: 0, y: 0, width: d.width, height: d.height, corner: 0), fill: RGBA(16, 20, 70, 0.28), role: "light")
        case "dusk": d.add(.rect(x: 0, y: 0, width: d.width, height: d.height, corner: 0), fill: RGBA(120, 60, 120, 0.12), role: "light")
        default: break
        }
    }

    /// The characters named in the scene (its art brief, title and text), in bible order; the hero when none is.
    static func present(_ looks: [CharacterLook], in request: ImageRequest) -> [CharacterLook] {
        let text = [request.art ?? "", request.title ?? "", request.text].joined(separator: " ")
        let named = looks.filter { text.contains($0.name) }
        return Array((named.isEmpty ? Array(looks.prefix(1)) : named).prefix(3))
    }

    /// Night for a book about the dark, the moon or bedtime; day otherwise.
    static func coverTime(_ book: StoryBook) -> String {
        let words = Set(((book.premise ?? "") + " " + book.title + " " + (book.setting ?? "")).lowercased().split { !$0.isLetter }.map(String.init))
        return words.isDisjoint(with: ["night", "dark", "moon", "stars", "bedtime", "lantern", "sleep"]) ? "day" : "night"
    }

    /// Alt text for the picture: who is shown, where and when, or the writer's brief.
    public static func alt(_ request: ImageRequest) -> String {
        if request.kind == .cover {
            return "Cover of \(request.book.title)" + (request.author.map { " by \($0)" } ?? "")
        }
        if let art = request.art, !art.isEmpty, art != "none" { return "Illustration: \(art)" }
        let looks = present(CharacterBible.derive(request.book), in: request)
        let who = looks.map { "\($0.name) the \($0.species)" }
        let names = who.count <= 1 ? (who.first ?? "") : who.dropLast().joined(separator: ", ") + " and " + who.last!
        let place = SceneSetting.read([request.title ?? "", request.text].joined(separator: " "),
                                      fallback: (request.book.setting ?? "") + " " + (request.book.premise ?? ""))
        let when = ["night": " at night", "dusk": " at dusk", "dawn": " at dawn"][request.time ?? ""] ?? ""
        let weather = request.weather.isEmpty ? "" : " in the \(request.weather[0])"
        let placeWords: [SceneSetting: String] = [.home: "at home", .sea: "by the sea", .space: "in space", .city: "in the city", .cave: "in a cave"]
        return "\(names) \(placeWords[place] ?? "in the \(place.rawValue)")\(when)\(weather)"
    }

    /// Words broken into lines of about `width` characters.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + word.count + 1 > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
