import Foundation
import Testing
import TaleCore
import TaleGenerate
import TaleHTML
import TaleImage

/// The sample book Tale illustrates itself: three characters, a village, the dark.
private func mossBook(style: IllustrationStyle = .flat) -> (book: StoryBook, style: IllustrationStyle) {
    var matter = FrontMatter(title: "Moss and the Lost Lantern")
    matter.age = "3-6"
    matter.premise = "A small snail who is afraid of the dark must find the lantern that lights the village path"
    matter.setting = "a mossy village under the ferns"
    matter.characters = [
        StoryCharacter(name: "Moss", role: "hero", looks: "small green snail with a striped orange shell"),
        StoryCharacter(name: "Wren", role: "friend", looks: "brown wren with a bright red cap"),
        StoryCharacter(name: "Fen", role: "friend", looks: "small red fox with a blue scarf"),
    ]
    return (StoryBook(matter, seed: "tale"), style)
}

private func scene(_ id: String, _ text: String, time: String = "day", weather: [String] = [], style: IllustrationStyle = .flat) -> ImageRequest {
    let (book, _) = mossBook()
    var request = ImageRequest(kind: .illustration, book: book, style: style)
    request.sceneID = id
    request.text = text
    request.time = time
    request.weather = weather
    return request
}

private let scenes = [
    scene("home", "Moss wakes up in the village, and Wren sings on the roof."),
    scene("path", "Moss and Fen follow the path into the forest.", time: "dusk"),
    scene("storm", "The rain pours on the lake while Moss hides.", weather: ["rain"]),
    scene("dark", "At night Moss, Wren and Fen find the lantern under the stars.", time: "night"),
]

/// Mean brightness (0-255) of a picture.
private func brightness(_ image: PNGImage) -> Double {
    var total = 0.0
    for i in stride(from: 0, to: image.pixels.count, by: 4) {
        total += 0.2126 * Double(image.pixels[i]) + 0.7152 * Double(image.pixels[i + 1]) + 0.0722 * Double(image.pixels[i + 2])
    }
    return total / Double(image.width * image.height)
}

@Suite("The embedded illustrator")
struct IllustrationTests {
    let illustrator = EmbeddedIllustrator()

    @Test("the character bible reads species, colours and features from looks, once per book")
    func bible() {
        let looks = CharacterBible.derive(mossBook().book)
        #expect(looks.map(\.species) == ["snail", "wren", "fox"])
        #expect(looks[0].body == CharacterBible.colours["green"] && looks[0].accent == CharacterBible.colours["orange"])
        #expect(looks[0].features.contains("stripes"))
        #expect(looks[1].body == CharacterBible.colours["brown"] && looks[1].accent == CharacterBible.colours["red"] && looks[1].features == ["cap"])
        #expect(looks[2].body == CharacterBible.colours["red"] && looks[2].accent == CharacterBible.colours["blue"] && looks[2].features == ["scarf"])
        #expect(CharacterBible.derive(mossBook().book) == looks, "the same book gives the same bible")
    }

    @Test("a character has the same colours and features on every page it is on")
    func sameCharacterEverywhere() {
        let looks = CharacterBible.derive(mossBook().book)
        for look in looks {
            // Pages pose a character differently (asleep, from behind, holding), but never recolour it:
            // its body and accent are on every page, and no colour of its own is new on any page.
            var seen: [Set<String>] = []
            for request in scenes where request.text.contains(look.name) {
                let marks = illustrator.drawing(request).marks.filter { $0.role == "character:\(look.name)" || $0.role.hasPrefix("character:\(look.name):") }
                #expect(!marks.isEmpty, "\(look.name) is drawn in \(request.sceneID)")
                let fills = Set(marks.compactMap { $0.fill?.hex })
                #expect(fills.contains(look.body.hex), "\(look.name)'s body colour in \(request.sceneID)")
                #expect(fills.contains(look.accent.hex) || look.kind == "snail", "\(look.name)'s accent in \(request.sceneID)")
                seen.append(Set(marks.filter { !$0.role.hasSuffix(":motion") && !$0.role.hasSuffix(":cover") && !$0.role.hasSuffix(":mouth") }.compactMap { $0.fill?.hex }))
            }
            #expect(seen.count >= 2)
            #expect(Set(seen).count == 1, "\(look.name) has the same colours on every page: \(seen)")
        }
        // Fen's scarf is Fen's blue, wherever Fen is.
        let scarf = illustrator.drawing(scenes[3]).marks.first { $0.role == "character:Fen:scarf" }
        #expect(scarf?.fill == CharacterBible.colours["blue"])
    }

    @Test("scenes get different compositions: who is there, where, when and the weather")
    func compositions() {
        let drawings = scenes.map(illustrator.drawing)
        #expect(Set(drawings.map { SVGWriter.svg($0, style: .flat, title: "", description: "") }).count == scenes.count)
        func cast(_ d: VectorDrawing) -> Set<String> {
            Set(d.marks.compactMap { $0.role.hasPrefix("character:") ? String($0.role.split(separator: ":")[1]) : nil })
        }
        #expect(cast(drawings[0]) == ["Moss", "Wren"])
        #expect(cast(drawings[1]) == ["Moss", "Fen"])
        #expect(cast(drawings[3]) == ["Moss", "Wren", "Fen"])
        #expect(drawings[1].marks.contains { $0.role == "tree" }, "the forest has trees")
        #expect(drawings[2].marks.contains { $0.role == "rain" } && drawings[2].marks.contains { $0.role == "water" }, "rain on the lake")
        #expect(drawings[3].marks.contains { $0.role == "moon" } && drawings[3].marks.contains { $0.role == "stars" })
        #expect(drawings[3].marks.contains { $0.role == "prop:lantern" }, "the lantern the text names")
        #expect(!drawings[0].marks.contains { $0.role == "moon" })
    }

    @Test("a page shows the key thing whenever it names it, and two other things it names, in the order named")
    func thingsNamed() {
        func props(_ text: String) -> Set<String> {
            Set(illustrator.drawing(scene("props", text)).marks.map(\.role).filter { $0.hasPrefix("prop:") })
        }
        #expect(props("Moss carries a basket and a lantern.") == ["prop:basket", "prop:lantern"])
        #expect(props("Moss finds a map, a kite and a bell by the gate.") == ["prop:map", "prop:kite"])
        #expect(props("Moss looks at the sky.").isEmpty)
        // Moss's shell and Wren's cap are part of them, not things beside them.
        #expect(props("Moss tucks into her shell and Wren straightens a red cap.").isEmpty)
    }

    @Test("night scenes are dark, day scenes are bright, rasterised by Tale's own rasteriser")
    func nightIsDark() throws {
        let night = Rasterizer.render(illustrator.drawing(scenes[3]), width: 300, height: 200)
        let day = Rasterizer.render(illustrator.drawing(scenes[0]), width: 300, height: 200)
        #expect(brightness(night) < 90, "night \(brightness(night))")
        #expect(brightness(day) > 140, "day \(brightness(day))")
        // The PNG round trip through libpng is exact.
        let decoded = try PNGImage(decoding: try night.encoded())
        #expect(decoded.pixels == night.pixels && decoded.width == 300 && decoded.height == 200)
        // Encoded as a drawing (rows unfiltered), it is exact too, and smaller.
        let drawn = try night.encodedDrawing()
        #expect(try PNGImage(decoding: drawn).pixels == night.pixels)
        #expect(drawn.count < (try night.encoded()).count, "\(drawn.count) bytes")
        // Opaque, it is RGB (colour type 2 in the header); with any transparency, RGBA (6), exact as well.
        #expect(drawn[25] == 2)
        var clear = night
        clear.pixels[3] = 128
        let translucent = try clear.encodedDrawing()
        #expect(translucent[25] == 6)
        #expect(try PNGImage(decoding: translucent).pixels == clear.pixels)
        // The pixels are exactly those painted when the references were taken: a card cached by an
        // older Tale equals one painted now.
        #expect(SHA256.hex(night.pixels) == RasterReference.night, "night")
        #expect(SHA256.hex(day.pixels) == RasterReference.day, "day")
    }

    @Test("shapes past or beyond the canvas's edges are clipped, and a stroke's pieces do not darken where they overlap")
    func clipping() {
        var drawing = VectorDrawing(width: 40, height: 20)
        drawing.marks = [
            Mark(.rect(x: -30, y: -5, width: 40, height: 10, corner: 0), fill: RGBA(255, 0, 0)),
            Mark(.rect(x: 45, y: 2, width: 10, height: 10, corner: 0), fill: RGBA(0, 255, 0)),
            Mark(.ellipse(cx: 38, cy: 18, rx: 6, ry: 6), fill: RGBA(0, 0, 255)),
            Mark(.polygon([Point(2, 15), Point(20, 15), Point(20, 19)], closed: false), stroke: RGBA(0, 0, 0), strokeWidth: 2),
            // A stroke whose later pieces lie wholly beyond the right edge.
            Mark(.polygon([Point(30, 8), Point(50, 8), Point(70, 8), Point(90, 9)], closed: false), stroke: RGBA(0, 0, 0), strokeWidth: 2),
        ]
        let image = Rasterizer.render(drawing, width: 40, height: 20)
        func pixel(_ x: Int, _ y: Int) -> [UInt8] { Array(image.pixels[(y * 40 + x) * 4..<(y * 40 + x) * 4 + 4]) }
        #expect(pixel(0, 0) == [255, 0, 0, 255] && pixel(9, 4) == [255, 0, 0, 255] && pixel(11, 4) == [255, 255, 255, 255])
        #expect(!image.pixels.enumerated().contains { $0.offset % 4 == 1 && $0.element == 255 && image.pixels[$0.offset - 1] == 0 },
                "nothing of the green square beyond the right edge")
        #expect(pixel(39, 19)[2] == 255 && pixel(39, 19)[0] < 50, "the ellipse past the corner")
        #expect(pixel(20, 15) == [0, 0, 0, 255], "the stroke's corner, where two pieces overlap, is black, not darker or lighter")
        #expect(pixel(39, 8) == [0, 0, 0, 255] && pixel(27, 8) == [255, 255, 255, 255])
    }

    @Test("every style renders well-formed SVG with nothing that runs or reaches out", arguments: IllustrationStyle.allCases)
    func styles(style: IllustrationStyle) throws {
        for var request in scenes + [coverRequest()] {
            request.style = style
            let svg = illustrator.svg(request)
            _ = try XMLTreeNode.parse(svg).get()
            let result = try SVGSanitizer.sanitize(svg)
            #expect(result.removals.isEmpty, "the sanitiser removes nothing from Tale's own SVG: \(result.removals)")
            let body = svg.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
            for forbidden in ["<script", "foreignObject", "href", "http:", "https:", "javascript:", "@import"] {
                #expect(!body.contains(forbidden), "\(style) \(request.sceneID) holds \(forbidden)")
            }
            #expect(svg.range(of: #"\son[a-z]+="#, options: .regularExpression) == nil, "no event handler")
            if style == .coloring {
                let fills = Set(svg.matches(of: /fill="(#[0-9a-f]{6})"/).map { String($0.1) })
                #expect(fills.isSubset(of: ["#ffffff", "#000000"]), "line art: white shapes, black lines: \(fills)")
            }
        }
    }

    func coverRequest() -> ImageRequest {
        var request = ImageRequest(kind: .cover, book: mossBook().book, style: .flat)
        request.author = "The Tale Team"
        return request
    }

    @Test("the cover carries the title and author in the theme's type; alt text is never empty")
    func cover() throws {
        let svg = illustrator.svg(coverRequest())
        #expect(svg.contains(">Moss and the<") && svg.contains(">Lost Lantern<") && svg.contains(">by The Tale Team<"))
        #expect(svg.contains("font-family=\"Georgia, 'DejaVu Serif', serif\""))
        #expect(EmbeddedIllustrator.alt(coverRequest())
            == "Cover of Moss and the Lost Lantern by The Tale Team: Moss the snail holding the lantern and Wren the wren flying, under the ferns at night.")
        #expect(EmbeddedIllustrator.alt(scenes[3])
            == "Moss the snail, Wren the wren and Fen the fox, under the ferns at night. With the lantern.")
        var briefed = scenes[0]
        briefed.art = "Moss waves at the moon from the castle"
        #expect(EmbeddedIllustrator.alt(briefed) == "Moss the snail and Wren the wren, at the castle at midday.", "the writer's brief places the picture")
        // The picture's description is its alt text, word for word.
        for request in scenes + [coverRequest(), briefed] {
            let svg = illustrator.svg(request)
            #expect(svg.contains("<desc id=\"d\">\(EmbeddedIllustrator.alt(request))</desc>"), "\(request.sceneID)")
        }
    }
}

@Suite("Resizing")
struct ResizeTests {
    @Test("resizing keeps the aspect ratio")
    func aspect() {
        let image = PNGImage(width: 800, height: 600, pixels: [UInt8](repeating: 200, count: 800 * 600 * 4))
        let small = Resampler.resize(image, width: 480)
        #expect(small.width == 480 && small.height == 360)
        let card = Resampler.cover(image, width: 1200, height: 630)
        #expect(card.width == 1200 && card.height == 630)
    }

    @Test("a smooth gradient stays within 2 levels of the true gradient at half size")
    func gradient() {
        var pixels: [UInt8] = []
        for y in 0..<300 { for x in 0..<400 { pixels += [UInt8(x * 255 / 399), UInt8(y * 255 / 299), 128, 255] } }
        let small = Resampler.resize(PNGImage(width: 400, height: 300, pixels: pixels), width: 200, height: 150)
        var worst = 0.0
        for y in 4..<146 {
            for x in 4..<196 {
                let expectedR = (Double(x) * 2 + 0.5) * 255 / 399, expectedG = (Double(y) * 2 + 0.5) * 255 / 299
                let index = (y * 200 + x) * 4
                worst = max(worst, abs(Double(small.pixels[index]) - expectedR), abs(Double(small.pixels[index + 1]) - expectedG))
            }
        }
        #expect(worst <= 2, "worst difference \(worst)")
    }

    @Test("a one-pixel checkerboard becomes even grey, as a real filter gives (nearest-neighbour would keep black or white)")
    func notNearest() {
        var pixels: [UInt8] = []
        for y in 0..<64 { for x in 0..<64 { let v: UInt8 = (x + y) % 2 == 0 ? 0 : 255; pixels += [v, v, v, 255] } }
        let small = Resampler.resize(PNGImage(width: 64, height: 64, pixels: pixels), width: 16, height: 16)
        for y in 3..<13 {
            for x in 3..<13 {
                let value = Int(small.pixels[(y * 16 + x) * 4])
                #expect(abs(value - 128) <= 3, "(\(x), \(y)) is \(value)")
            }
        }
    }
}

/// SHA-256 of the pixels the rasteriser painted for two of the test scenes. Taken with the
/// rasteriser as it was before it was made faster, and again when the illustrator came to draw
/// from page readings (tale-illustrator-2), with the drawing's gradient skies.
enum RasterReference {
    static let night = "d991fa6646daabdd98302d3129bdca776976397edeb48a4c7c6231a31728ccd8"
    static let day = "650edd0506fa5bbe05ee2cc0b4a4d88f4c91d39d163a9e9a244f73883e749f64"
}
