import Foundation
import Testing
import TaleCore
import TaleGenerate
import TaleImage
import TaleTestSupport

private func book(_ characters: [(String, String, String)], setting: String? = nil, premise: String? = nil) -> StoryBook {
    var matter = FrontMatter(title: "A Test Book")
    matter.premise = premise
    matter.setting = setting
    matter.characters = characters.map { StoryCharacter(name: $0.0, role: $0.1, looks: $0.2) }
    return StoryBook(matter, seed: "pictures")
}

private func pages(_ texts: [String]) -> [PictureReader.Page] {
    texts.enumerated().map { PictureReader.Page(id: "p\($0.offset)", title: nil, text: $0.element, art: nil, cueTime: nil, cueWeather: []) }
}

@Suite("Reading a page for its picture")
struct PictureReadingTests {
    @Test("the hour is the one the words say is now, not one that is coming, habitual or feared",
          arguments: [("Before night comes, Moss must find it.", nil), ("Every morning the bell rings.", nil),
                      ("Moss is afraid of the dark.", nil), ("By evening the path was quiet.", PictureHour.dusk),
                      ("The next morning, Wren came back.", .morning), ("It was night now, and the moon was up.", .night),
                      ("The day is almost over.", .dusk), ("At dawn the boats went out. By noon they were home.", .noon),
                      ("In the afternoon it rained.", .afternoon)] as [(String, PictureHour?)])
    func hourWords(text: String, hour: PictureHour?) {
        #expect(PictureHour.said(in: text) == hour, "\(text)")
    }

    @Test("the hour keeps to the story's timeline: carried from page to page until a page names another")
    func timeline() {
        let readings = PictureReader.read(book: book([("Moss", "hero", "a green snail")]), plan: nil,
                                          pages: pages(["It was evening in the village.", "Moss looked everywhere.", "At last it was night.",
                                                        "Moss slept.", "The next morning, Moss woke up."]))
        #expect(readings.map(\.hour) == [.dusk, .dusk, .night, .night, .morning])
    }

    @Test("the place: a firm mention moves the picture, a passing word does not, and a book on the Moon stays there")
    func places() {
        let snail = [("Moss", "hero", "a green snail")]
        func place(_ text: String, setting: String) -> PicturePlace {
            PictureReader.read(book: book(snail, setting: setting), plan: nil, pages: pages([text]))[0].place
        }
        #expect(place("Moss and Wren go into the tall grass.", setting: "a village") == .tallGrass)
        #expect(place("Over in the village under the ferns, Moss wakes.", setting: "a mossy village under the ferns") == .fernWood)
        #expect(place("Moss jumps over the puddles by the crater.", setting: "a small base on the Moon") == .moon)
        #expect(place("Moss thinks of the sea.", setting: "a farm with a red barn") == .farm)
        #expect(place("Moss bakes bread in the kitchen.", setting: "a farm") == .kitchen)
        #expect(PicturePlace.allCases.count >= 20)
        // A village under the ferns shows its little houses where the page is at home, and says so.
        let home = PictureReader.read(book: book(snail, setting: "a mossy village under the ferns"), plan: nil,
                                      pages: pages(["Over in the village under the ferns, Moss wakes.", "Moss slides under a fern."]))
        #expect(home.map(\.homes) == [true, false])
        #expect(home[0].sentence.contains("under the ferns among little houses"))
    }

    @Test("who is there and what each does: named or planned, with the strongest action of the sentences about them")
    func castAndActions() {
        let cast = [("Moss", "hero", "a green snail"), ("Wren", "friend", "a brown wren"), ("Old Hoot", "helper", "a big owl")]
        let readings = PictureReader.read(book: book(cast), plan: nil, pages: pages([
            "Wren flew over the trees. Moss looked up.", "Hoot was asleep in the oak. He snored.", "Moss hid behind a leaf.",
            "Moss hugged Wren.", "Moss flew to the moon.",
        ]))
        #expect(readings[0].cast.map(\.name) == ["Moss", "Wren"])
        #expect(readings[0].cast.map(\.action) == [.looking, .flying])
        #expect(readings[1].cast.map { "\($0.name) \($0.action)" } == ["Old Hoot sleeping"], "'Hoot' names Old Hoot; 'He' continues")
        #expect(readings[2].cast.map(\.action) == [.hiding])
        #expect(readings[3].cast.map(\.action) == [.hugging, .hugging])
        #expect(readings[4].cast.map(\.action) == [.walking], "a snail does not fly")
    }

    @Test("a page with letters beyond ASCII is read as the same page in plain ASCII is (two ways of splitting words, one result)")
    func anyScript() {
        let cast = [("Moss", "hero", "a green snail"), ("Wren", "friend", "a brown wren"), ("Old Hoot", "helper", "a big owl")]
        let texts = ["It was evening in the village under the ferns. Wren flew over the trees.", "Hoot was asleep in the oak. He snored.",
                     "Moss and Wren go into the tall grass.", "The next morning, Moss hugged Wren in the kitchen.",
                     "Before night comes, Moss must find the baker's lantern.", "At last it was night, and Moss slept."]
        let story = book(cast, setting: "a mossy village under the ferns")
        let plain = PictureReader.read(book: story, plan: nil, pages: pages(texts))
        // "Voilà" names no hour, place, action or prop, but its "à" sends every page down the Unicode path.
        let accented = PictureReader.read(book: story, plan: nil, pages: pages(texts.map { $0 + " Voilà." }))
        func summary(_ readings: [PictureReading]) -> [String] {
            readings.map { "\($0.place) \($0.hour) \($0.homes) \($0.things) " + $0.cast.map { "\($0.name) \($0.action)" }.joined(separator: ", ") }
        }
        #expect(summary(accented) == summary(plain))
        #expect(summary(plain)[1].hasSuffix("Old Hoot sleeping"))
        #expect(plain.map(\.hour) == [.dusk, .dusk, .dusk, .morning, .morning, .night])
    }

    @Test("faces show the page's feeling: from its mood, glad in a hug; worried brows and a round mouth, a frown, a wide smile")
    func feelings() {
        let fox = [("Fen", "hero", "a red fox")]
        var pagesWithMoods = pages(["Fen waits.", "Fen waits.", "Fen hugs Fen's mum.", "Fen waits."])
        for (index, mood) in ["tense", "sad", "tense", nil].enumerated() { pagesWithMoods[index].cueMood = mood }
        let readings = PictureReader.read(book: book(fox), plan: nil, pages: pagesWithMoods)
        #expect(readings.map(\.feeling) == [.worried, .sad, .worried, .calm])
        var hug = pages(["Fen hugged Wren."])
        hug[0].cueMood = "sad"
        #expect(PictureReader.read(book: book(fox + [("Wren", "friend", "a wren")]), plan: nil, pages: hug)[0].feeling == .glad)
        var request = ImageRequest(kind: .illustration, book: book(fox), style: .flat)
        func face(_ feeling: PictureFeeling) -> [Mark] {
            var reading = PictureReading(cast: [.init(name: "Fen", word: "fox", action: .standing)], things: [], place: .meadow, hour: .noon,
                                         weather: [], composition: .closeUp)
            reading.feeling = feeling
            request.reading = reading
            return EmbeddedIllustrator().drawing(request).marks.filter { $0.role == "character:Fen:brow" || $0.role == "character:Fen:mouth" }
        }
        #expect(face(.worried).filter { $0.role.hasSuffix(":brow") }.count == 1 && face(.worried).contains { $0.role.hasSuffix(":mouth") && $0.fill != nil })
        #expect(face(.sad).filter { $0.role.hasSuffix(":brow") }.count == 1 && face(.sad).contains { $0.role.hasSuffix(":mouth") && $0.fill == nil })
        #expect(face(.glad).map(\.role) == ["character:Fen:mouth"] && face(.glad)[0].fill != nil, "a wide open smile, no brows")
        #expect(face(.calm).map(\.role) == ["character:Fen:mouth"] && face(.calm)[0].fill == nil)
    }

    @Test("no two pages in a row are framed alike, and a book uses many framings")
    func framings() {
        let readings = PictureReader.read(book: book([("Moss", "hero", "a green snail"), ("Wren", "friend", "a brown wren")]), plan: nil,
                                          pages: pages(Array(repeating: "Moss and Wren talk.", count: 10)))
        for (a, b) in zip(readings, readings.dropFirst()) { #expect(a.composition != b.composition) }
        #expect(Set(readings.map(\.composition)).count >= 3)
        #expect(PictureComposition.allCases.count >= 6)
    }

    @Test("kinds: a calling beats a plain person, the first creature named wins, and an unknown one is drawn as the nearest, saying which word")
    func kinds() {
        func kind(_ looks: String, name: String = "Juno") -> PictureKind { PictureKind.of(StoryCharacter(name: name, role: "hero", looks: looks)) }
        #expect(kind("a girl astronaut in a white spacesuit").kind == "astronaut")
        #expect(kind("a robot shaped like a dog").kind == "robot")
        #expect(kind("old toad with round glasses").word == "toad")
        #expect(kind("a small grey narwhal with a spotted back") == PictureKind(kind: "dolphin", word: "narwhal", unknown: "narwhal"))
        #expect(kind("a wombat in a hat").kind == "bear")
        #expect(kind("a shiny zorgle with fins").kind == "fish")
        #expect(kind("an old mapmaker with a white beard") == PictureKind(kind: "friend", word: "mapmaker"))
        #expect(PictureKind.drawable.count >= 40)
    }

    @Test("every kind and every prop is its own picture at thumbnail size (64 and 48 pixels), and there are at least 40 and 60")
    func distinctAtThumbnailSize() throws {
        func thumbnail(_ drawing: VectorDrawing, _ size: Int) -> [UInt8] { Rasterizer.render(drawing, width: size, height: size).pixels }
        func distance(_ a: [UInt8], _ b: [UInt8]) -> Double {
            var total = 0.0
            for i in stride(from: 0, to: a.count, by: 4) { total += abs(Double(a[i]) - Double(b[i])) + abs(Double(a[i + 1]) - Double(b[i + 1])) + abs(Double(a[i + 2]) - Double(b[i + 2])) }
            return total / Double(a.count / 4) / 3
        }
        var figures: [(String, [UInt8])] = []
        for kind in PictureKind.drawable {
            let illustrator = EmbeddedIllustrator()
            var request = ImageRequest(kind: .illustration, book: book([("Kit", "hero", "a \(kind)")]), style: .flat)
            request.reading = PictureReading(cast: [.init(name: "Kit", word: kind, action: .standing)], things: [], place: .meadow, hour: .noon,
                                             weather: [], composition: .closeUp)
            figures.append((kind, thumbnail(illustrator.drawing(request), 64)))
        }
        var props: [(String, [UInt8])] = []
        for prop in Props.all {
            var drawing = VectorDrawing(width: 100, height: 100)
            Props.draw(&drawing, prop, x: 50, ground: 100, size: 100)
            #expect(drawing.marks.count >= 2, "\(prop) is more than one blob: \(drawing.marks.count) marks")
            props.append((prop, thumbnail(drawing, 48)))
        }
        #expect(figures.count >= 40 && props.count >= 60, "\(figures.count) kinds, \(props.count) props")
        // A gallery of every kind and prop, for people to look at (Tests/artifacts/illustrations/).
        var gallery = VectorDrawing(width: 1600, height: 2000)
        for (index, kind) in PictureKind.drawable.enumerated() {
            var request = ImageRequest(kind: .illustration, book: book([("Kit", "hero", "a \(kind)")]), style: .flat)
            request.reading = PictureReading(cast: [.init(name: "Kit", word: kind, action: .standing)], things: [], place: .meadow, hour: .noon,
                                             weather: [], composition: .action)
            let figure = EmbeddedIllustrator().drawing(request)
            gallery.place(figure, dx: Double(index % 8) * 200, dy: Double(index / 8) * 140, scale: 1.0 / 6)
            gallery.add(.text(x: Double(index % 8) * 200 + 100, y: Double(index / 8) * 140 + 138, size: 14, text: kind, anchor: "middle", weight: "400",
                              family: "sans-serif"), fill: .black)
        }
        for (index, prop) in Props.all.enumerated() {
            let x = Double(index % 12) * 130 + 65, y = 1200 + Double(index / 12) * 100
            Props.draw(&gallery, prop, x: x, ground: y + 70, size: 70)
            gallery.add(.text(x: x, y: y + 88, size: 12, text: prop, anchor: "middle", weight: "400", family: "sans-serif"), fill: .black)
        }
        let folder = Support.artifacts.appending(path: "illustrations")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try SVGWriter.svg(gallery, style: .flat, title: "Every kind and prop", description: "A gallery").write(to: folder.appending(path: "gallery.svg"),
                                                                                                             atomically: true, encoding: .utf8)
        for (list, least) in [(figures, 2.0), (props, 2.0)] {
            for (i, a) in list.enumerated() {
                for b in list[(i + 1)...] { #expect(distance(a.1, b.1) > least, "\(a.0) and \(b.0) look alike at thumbnail size") }
            }
        }
    }

    @Test("skies are smooth: rasterised, no two neighbouring rows of sky differ by more than one level (no bands)")
    func noBanding() {
        var request = ImageRequest(kind: .illustration, book: book([("Moss", "hero", "a green snail")]), style: .flat)
        for hour in PictureHour.allCases {
            request.reading = PictureReading(cast: [], things: [], place: .meadow, hour: hour, weather: [], composition: .lookingUp)
            var drawing = EmbeddedIllustrator().drawing(request)
            drawing.marks = drawing.marks.filter { $0.role == "sky" }
            let image = Rasterizer.render(drawing, width: 1200, height: 800)
            var worst = 0
            for y in 1..<600 {
                for channel in 0..<3 {
                    let above = Int(image.pixels[((y - 1) * 1200 + 5) * 4 + channel]), here = Int(image.pixels[(y * 1200 + 5) * 4 + channel])
                    worst = max(worst, abs(above - here))
                }
            }
            #expect(worst <= 1, "\(hour): a step of \(worst) levels between rows")
            let spread = (0..<3).map { abs(Int(image.pixels[(10 * 1200 + 5) * 4 + $0]) - Int(image.pixels[(590 * 1200 + 5) * 4 + $0])) }.max()!
            #expect(spread >= 20, "\(hour): the sky fades from top to horizon (\(spread) levels)")
        }
    }

    @Test("a cover's title and author are outside the style's grain and wash, in every style")
    func coverLettering() {
        var matter = FrontMatter(title: "Moss and the Lost Lantern")
        matter.characters = [StoryCharacter(name: "Moss", role: "hero", looks: "a green snail")]
        for style in IllustrationStyle.allCases {
            var request = ImageRequest(kind: .cover, book: StoryBook(matter, seed: "x"), style: style)
            request.author = "Ann"
            let svg = EmbeddedIllustrator().svg(request)
            let group = svg.range(of: "</g>")!.lowerBound
            #expect(svg.range(of: ">Moss and the<")!.lowerBound > group, "\(style): the title is drawn after the filtered group")
            #expect(svg.range(of: ">by Ann<")!.lowerBound > group)
        }
    }
}
