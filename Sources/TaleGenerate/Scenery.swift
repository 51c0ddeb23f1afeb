import Foundation
import TaleImage

/// Where a scene happens, as the illustrator draws it.
public enum SceneSetting: String, Sendable, CaseIterable {
    case forest, meadow, lake, sea, mountain, village, castle, cave, city, space, home

    /// Words that put a scene in each setting, strongest first.
    static let words: [(SceneSetting, [String])] = [
        (.space, ["space", "planet", "rocket", "spaceship", "galaxy", "astronaut", "comet"]),
        (.cave, ["cave", "cavern", "tunnel", "underground", "burrow"]),
        (.home, ["kitchen", "bedroom", "room", "bed", "table", "fireplace", "indoors", "inside", "den", "attic", "sofa", "armchair"]),
        (.castle, ["castle", "tower", "palace", "king", "queen", "knight"]),
        (.city, ["city", "street", "streets", "town", "shop", "shops", "market"]),
        (.sea, ["sea", "ocean", "waves", "beach", "shore", "tide", "tides", "harbour", "harbor", "island", "boat", "ship", "lighthouse", "bay", "sandbanks"]),
        (.lake, ["lake", "pond", "river", "stream", "puddle", "puddles", "water"]),
        (.mountain, ["mountain", "mountains", "hill", "hills", "peak", "cliff", "valley"]),
        (.village, ["village", "cottage", "cottages", "house", "houses", "farm", "barn", "home", "garden"]),
        (.forest, ["forest", "wood", "woods", "tree", "trees", "ferns", "fern", "leaves", "oak", "pine"]),
        (.meadow, ["meadow", "field", "grass", "flowers", "flower"]),
    ]

    /// The setting most named in `text` (then in `fallback`), or a meadow.
    static func read(_ text: String, fallback: String) -> SceneSetting {
        for source in [text, fallback] {
            let words = Set(source.lowercased().split { !$0.isLetter }.map(String.init))
            var best: (SceneSetting, Int)?
            for (setting, list) in SceneSetting.words {
                let count = list.filter(words.contains).count
                if count > 0, count > (best?.1 ?? 0) { best = (setting, count) }
            }
            if let best { return best.0 }
        }
        return .meadow
    }
}

/// Skies, grounds, settings, weather and props.
enum Scenery {
    static func sky(_ d: inout VectorDrawing, time: String, inside: Bool) {
        let (top, bottom): (RGBA, RGBA)
        switch time {
        case "night": (top, bottom) = (RGBA(18, 26, 64), RGBA(48, 62, 120))
        case "dusk": (top, bottom) = (RGBA(88, 70, 140), RGBA(244, 150, 110))
        case "dawn": (top, bottom) = (RGBA(150, 170, 220), RGBA(250, 196, 170))
        default: (top, bottom) = (RGBA(120, 184, 236), RGBA(204, 232, 248))
        }
        let bands = 32
        for i in 0..<bands {
            let colour = top.mixed(with: bottom, Double(i) / Double(bands - 1))
            d.add(.rect(x: 0, y: Double(i) * d.height / Double(bands), width: d.width, height: d.height / Double(bands) + 1, corner: 0),
                  fill: colour, role: "sky")
        }
        guard !inside else { return }
        switch time {
        case "night":
            var random = SeededRandom("stars")
            for _ in 0..<40 {
                let x = Double(random.next() % UInt64(d.width)), y = Double(random.next() % UInt64(d.height * 0.5))
                d.add(.ellipse(cx: x, cy: y, rx: 2, ry: 2), fill: RGBA(255, 248, 210), role: "stars")
            }
            d.add(.ellipse(cx: d.width * 0.8, cy: d.height * 0.18, rx: 52, ry: 52), fill: RGBA(252, 244, 200), role: "moon")
            d.add(.ellipse(cx: d.width * 0.8 + 22, cy: d.height * 0.18 - 14, rx: 44, ry: 44), fill: top.mixed(with: bottom, 0.15), role: "moon")
        case "dusk", "dawn":
            d.add(.ellipse(cx: d.width * 0.22, cy: d.height * 0.56, rx: 70, ry: 70), fill: RGBA(252, 178, 90), role: "sun")
        default:
            d.add(.ellipse(cx: d.width * 0.84, cy: d.height * 0.16, rx: 56, ry: 56), fill: RGBA(255, 214, 80), role: "sun")
            for cx in [d.width * 0.2, d.width * 0.5] {
                for dx in [-40.0, 0, 40] { d.add(.ellipse(cx: cx + dx, cy: d.height * 0.15 + abs(dx) * 0.2, rx: 48, ry: 26), fill: RGBA(255, 255, 255, 0.9), role: "cloud") }
            }
        }
    }

    /// Draws the setting; returns the y of the ground line the characters stand on.
    static func setting(_ d: inout VectorDrawing, _ setting: SceneSetting, time: String, random: inout SeededRandom) -> Double {
        let w = d.width, h = d.height
        let dim = time == "night" ? 0.45 : time == "dusk" ? 0.2 : 0
        func shade(_ c: RGBA) -> RGBA { c.mixed(with: RGBA(20, 24, 60), dim) }
        let ground = h * 0.74
        func hills(_ colour: RGBA) {
            d.add(.polygon([Point(0, ground - 30)] + stride(from: 0.0, through: 1, by: 0.05).map { t in
                Point(w * t, ground - 40 - 60 * sin(t * Double.pi * 2 + 0.5)) } + [Point(w, h), Point(0, h)], closed: true), fill: shade(colour), role: "hills")
        }
        func floor(_ colour: RGBA) { d.add(.rect(x: 0, y: ground - 10, width: w, height: h - ground + 10, corner: 0), fill: shade(colour), role: "ground") }
        func tree(_ x: Double, _ size: Double, pine: Bool) {
            d.add(.rect(x: x - 8 * size, y: ground - 90 * size, width: 16 * size, height: 90 * size, corner: 3), fill: shade(RGBA(110, 78, 52)), role: "tree")
            if pine {
                for i in 0..<3 {
                    let y = ground - 70 * size - Double(i) * 50 * size
                    d.add(.polygon([Point(x - 60 * size + Double(i) * 12 * size, y), Point(x, y - 80 * size), Point(x + 60 * size - Double(i) * 12 * size, y)], closed: true),
                          fill: shade(RGBA(48, 120, 72)), role: "tree")
                }
            } else {
                for (dx, dy, r) in [(-30.0, -110.0, 50.0), (30, -110, 50), (0, -150, 56)] {
                    d.add(.ellipse(cx: x + dx * size, cy: ground + dy * size, rx: r * size, ry: r * size), fill: shade(RGBA(84, 150, 76)), role: "tree")
                }
            }
        }
        switch setting {
        case .forest:
            hills(RGBA(104, 160, 90))
            floor(RGBA(92, 148, 78))
            for i in 0..<6 { tree(w * (0.08 + Double(i) * 0.17) + Double(random.next() % 40), 0.9 + Double(random.next() % 40) / 100, pine: i % 2 == 0) }
        case .meadow:
            hills(RGBA(140, 196, 104))
            floor(RGBA(124, 186, 92))
            for _ in 0..<24 {
                let x = Double(random.next() % UInt64(w)), y = ground + Double(random.next() % UInt64(h - ground - 10))
                d.add(.ellipse(cx: x, cy: y, rx: 6, ry: 6), fill: shade([RGBA(250, 210, 70), RGBA(240, 120, 150), RGBA(255, 255, 255)][Int(random.next() % 3)]), role: "flowers")
            }
        case .lake:
            hills(RGBA(120, 180, 100))
            floor(RGBA(110, 170, 90))
            d.add(.ellipse(cx: w * 0.32, cy: ground + 70, rx: w * 0.3, ry: 46), fill: shade(RGBA(90, 160, 210)), role: "water")
            d.add(.ellipse(cx: w * 0.32, cy: ground + 66, rx: w * 0.2, ry: 18), fill: shade(RGBA(150, 200, 236)), role: "water")
        case .sea:
            d.add(.rect(x: 0, y: h * 0.55, width: w, height: h * 0.45, corner: 0), fill: shade(RGBA(60, 130, 190)), role: "water")
            for row in 0..<4 {
                let y = h * 0.6 + Double(row) * 30
                d.add(.curve(start: Point(0, y), segments: stride(from: 0.0, to: w, by: 120).map { x in (Point(x + 60, y - 12), Point(x + 120, y)) }, closed: false),
                      stroke: shade(RGBA(200, 230, 250)), strokeWidth: 4, role: "waves")
            }
            // The beach runs along the front, so whoever is there stands on sand.
            d.add(.polygon([Point(0, ground + 10)] + stride(from: 0.0, through: 1, by: 0.1).map { t in
                Point(w * t, ground - 10 - 18 * sin(t * Double.pi * 3)) } + [Point(w, h), Point(0, h)], closed: true),
                  fill: shade(RGBA(232, 208, 150)), role: "ground")
            return ground + 20
        case .mountain:
            for (x, peak, colour) in [(0.25, 0.2, RGBA(130, 138, 160)), (0.6, 0.12, RGBA(110, 118, 144)), (0.9, 0.26, RGBA(140, 146, 168))] {
                d.add(.polygon([Point(w * (x - 0.3), ground), Point(w * x, h * peak), Point(w * (x + 0.3), ground)], closed: true), fill: shade(colour), role: "mountain")
                d.add(.polygon([Point(w * x - 34, h * peak + 50), Point(w * x, h * peak), Point(w * x + 34, h * peak + 50), Point(w * x, h * peak + 36)], closed: true),
                      fill: shade(.white), role: "snow")
            }
            floor(RGBA(116, 166, 96))
        case .village:
            hills(RGBA(130, 186, 100))
            floor(RGBA(120, 176, 92))
            for i in 0..<4 {
                let x = w * (0.06 + Double(i) * 0.25), width = 130.0, height = 90.0 + Double(random.next() % 30)
                let wall = [RGBA(236, 214, 180), RGBA(214, 170, 140), RGBA(240, 228, 200)][i % 3]
                d.add(.rect(x: x, y: ground - height, width: width, height: height, corner: 0), fill: shade(wall), stroke: shade(Figures.outline), strokeWidth: 2, role: "house")
                d.add(.polygon([Point(x - 12, ground - height), Point(x + width / 2, ground - height - 60), Point(x + width + 12, ground - height)], closed: true),
                      fill: shade(RGBA(180, 76, 60)), stroke: shade(Figures.outline), strokeWidth: 2, role: "roof")
                d.add(.rect(x: x + 20, y: ground - height + 24, width: 30, height: 26, corner: 2),
                      fill: time == "night" ? RGBA(255, 214, 120) : shade(RGBA(170, 210, 236)), role: "window")
                d.add(.rect(x: x + 76, y: ground - 50, width: 30, height: 50, corner: 4), fill: shade(RGBA(120, 80, 56)), role: "door")
            }
        case .castle:
            hills(RGBA(126, 180, 100))
            floor(RGBA(118, 172, 92))
            let x = w * 0.55, stone = shade(RGBA(180, 176, 190))
            d.add(.rect(x: x, y: ground - 200, width: 260, height: 200, corner: 0), fill: stone, stroke: shade(Figures.outline), strokeWidth: 2, role: "castle")
            for tx in [x - 40, x + 240] {
                d.add(.rect(x: tx, y: ground - 280, width: 60, height: 280, corner: 0), fill: stone, stroke: shade(Figures.outline), strokeWidth: 2, role: "castle")
                d.add(.polygon([Point(tx - 8, ground - 280), Point(tx + 30, ground - 350), Point(tx + 68, ground - 280)], closed: true), fill: shade(RGBA(70, 90, 170)), role: "castle")
            }
            d.add(.curve(start: Point(x + 100, ground), segments: [(Point(x + 130, ground - 130), Point(x + 160, ground))], closed: true), fill: shade(RGBA(90, 70, 60)), role: "castle")
        case .cave:
            d.add(.rect(x: 0, y: 0, width: w, height: h, corner: 0), fill: RGBA(64, 56, 60), role: "background")
            d.add(.curve(start: Point(w * 0.1, h), segments: [(Point(w * 0.5, -h * 0.25), Point(w * 0.9, h))], closed: true), fill: RGBA(34, 30, 36), role: "cave")
            floor(RGBA(96, 84, 80))
            for i in 0..<5 {
                let x = w * (0.15 + Double(i) * 0.17)
                d.add(.polygon([Point(x - 18, 0), Point(x, 60 + Double(random.next() % 60)), Point(x + 18, 0)], closed: true), fill: RGBA(90, 80, 86), role: "rock")
            }
        case .city:
            floor(RGBA(150, 150, 156))
            for i in 0..<7 {
                let x = w * Double(i) / 7, height = 180.0 + Double(random.next() % 160)
                d.add(.rect(x: x + 6, y: ground - height, width: w / 7 - 12, height: height, corner: 0),
                      fill: shade([RGBA(200, 140, 120), RGBA(150, 160, 190), RGBA(220, 200, 150)][i % 3]), role: "building")
                for row in stride(from: ground - height + 20, to: ground - 30, by: 40) {
                    for col in [x + 22, x + w / 7 - 46] {
                        d.add(.rect(x: col, y: row, width: 20, height: 22, corner: 0),
                              fill: time == "night" ? RGBA(255, 220, 130) : shade(RGBA(200, 226, 240)), role: "window")
                    }
                }
            }
        case .space:
            d.add(.rect(x: 0, y: 0, width: w, height: h, corner: 0), fill: RGBA(16, 14, 40), role: "background")
            for _ in 0..<60 {
                d.add(.ellipse(cx: Double(random.next() % UInt64(w)), cy: Double(random.next() % UInt64(h)), rx: 2, ry: 2), fill: RGBA(255, 250, 220), role: "stars")
            }
            d.add(.ellipse(cx: w * 0.78, cy: h * 0.28, rx: 90, ry: 90), fill: RGBA(230, 150, 90), role: "planet")
            d.add(.ellipse(cx: w * 0.78, cy: h * 0.28, rx: 150, ry: 22), stroke: RGBA(250, 210, 150), strokeWidth: 6, role: "planet")
            d.add(.curve(start: Point(0, h * 0.85), segments: [(Point(w * 0.5, h * 0.62), Point(w, h * 0.85))], closed: false), role: "ground")
            d.add(.polygon([Point(0, h * 0.85), Point(w * 0.5, h * 0.74), Point(w, h * 0.85), Point(w, h), Point(0, h)], closed: true), fill: RGBA(150, 146, 160), role: "ground")
            return h * 0.86
        case .home:
            d.add(.rect(x: 0, y: 0, width: w, height: ground, corner: 0), fill: shade(RGBA(240, 222, 190)), role: "background")
            for x in stride(from: 40.0, to: w, by: 80) { d.add(.rect(x: x, y: 0, width: 10, height: ground, corner: 0), fill: shade(RGBA(232, 208, 170)), role: "background") }
            floor(RGBA(186, 134, 92))
            d.add(.rect(x: w * 0.62, y: h * 0.14, width: 220, height: 170, corner: 6), fill: time == "night" ? RGBA(30, 40, 90) : RGBA(160, 210, 240),
                  stroke: RGBA(150, 100, 70), strokeWidth: 10, role: "window")
            if time == "night" { d.add(.ellipse(cx: w * 0.62 + 160, cy: h * 0.14 + 50, rx: 22, ry: 22), fill: RGBA(252, 244, 200), role: "moon") }
            d.add(.ellipse(cx: w * 0.45, cy: ground + 60, rx: w * 0.3, ry: 40), fill: shade(RGBA(200, 90, 80)), role: "rug")
        }
        return ground + 30
    }

    static func weather(_ d: inout VectorDrawing, _ kinds: [String], random: inout SeededRandom) {
        let w = d.width, h = d.height
        for kind in kinds {
            switch kind {
            case "rain", "storm":
                if kind == "storm" {
                    for cx in [w * 0.2, w * 0.5, w * 0.8] {
                        for dx in [-50.0, 0, 50] { d.add(.ellipse(cx: cx + dx, cy: 60 + abs(dx) * 0.3, rx: 70, ry: 40), fill: RGBA(96, 100, 120, 0.95), role: "cloud") }
                    }
                    d.add(.polygon([Point(w * 0.55, 90), Point(w * 0.5, 220), Point(w * 0.54, 220), Point(w * 0.48, 340), Point(w * 0.6, 190), Point(w * 0.56, 190), Point(w * 0.62, 90)],
                                   closed: true), fill: RGBA(255, 236, 120), role: "lightning")
                }
                for _ in 0..<70 {
                    let x = Double(random.next() % UInt64(w)), y = Double(random.next() % UInt64(h))
                    d.add(.polygon([Point(x, y), Point(x - 8, y + 26)], closed: false), stroke: RGBA(170, 200, 240, 0.8), strokeWidth: 3, role: "rain")
                }
            case "snow":
                for _ in 0..<80 {
                    d.add(.ellipse(cx: Double(random.next() % UInt64(w)), cy: Double(random.next() % UInt64(h)), rx: 5, ry: 5), fill: RGBA(255, 255, 255, 0.95), role: "snow")
                }
            case "fog":
                for i in 0..<4 {
                    d.add(.rect(x: -40, y: h * (0.3 + Double(i) * 0.14), width: w + 80, height: 46, corner: 23), fill: RGBA(240, 240, 246, 0.45), role: "fog")
                }
            case "wind":
                for i in 0..<4 {
                    let y = h * (0.25 + Double(i) * 0.1), x = w * (0.1 + Double(i % 2) * 0.4)
                    d.add(.curve(start: Point(x, y), segments: [(Point(x + 120, y - 30), Point(x + 240, y)), (Point(x + 290, y + 20), Point(x + 250, y + 34))], closed: false),
                          stroke: RGBA(255, 255, 255, 0.8), strokeWidth: 5, role: "wind")
                }
            default: break
            }
        }
    }

    /// A prop the text names: a lantern, a boat, a book, a map, a house key... drawn near (x, ground).
    static func prop(_ d: inout VectorDrawing, _ name: String, x: Double, ground: Double) {
        let outline = Figures.outline
        switch name {
        case "lantern":
            d.add(.ellipse(cx: x, cy: ground - 50, rx: 46, ry: 46), fill: RGBA(255, 224, 120, 0.35), role: "prop:lantern")
            d.add(.rect(x: x - 16, y: ground - 70, width: 32, height: 44, corner: 6), fill: RGBA(255, 214, 96), stroke: outline, strokeWidth: 2.5, role: "prop:lantern")
            d.add(.rect(x: x - 20, y: ground - 78, width: 40, height: 10, corner: 3), fill: RGBA(90, 70, 60), role: "prop:lantern")
            d.add(.curve(start: Point(x - 10, ground - 78), segments: [(Point(x, ground - 100), Point(x + 10, ground - 78))], closed: false), stroke: outline, strokeWidth: 3, role: "prop:lantern")
        case "boat":
            d.add(.polygon([Point(x - 80, ground - 30), Point(x + 80, ground - 30), Point(x + 54, ground), Point(x - 54, ground)], closed: true), fill: RGBA(180, 90, 60), stroke: outline, strokeWidth: 2.5, role: "prop:boat")
            d.add(.polygon([Point(x, ground - 30), Point(x, ground - 150), Point(x + 70, ground - 40)], closed: true), fill: .white, stroke: outline, strokeWidth: 2.5, role: "prop:boat")
        case "book", "map", "letter":
            d.add(.rect(x: x - 34, y: ground - 24, width: 68, height: 24, corner: 3), fill: name == "map" ? RGBA(236, 214, 160) : RGBA(200, 80, 70), stroke: outline, strokeWidth: 2, role: "prop:\(name)")
        case "flower", "flowers":
            for dx in [-20.0, 0, 20] {
                d.add(.polygon([Point(x + dx, ground), Point(x + dx, ground - 50)], closed: false), stroke: RGBA(70, 140, 70), strokeWidth: 4, role: "prop:flowers")
                d.add(.ellipse(cx: x + dx, cy: ground - 56, rx: 12, ry: 12), fill: RGBA(240, 120, 150), stroke: outline, strokeWidth: 1.5, role: "prop:flowers")
            }
        case "star", "stars":
            d.add(.polygon((0..<10).map { i in
                let r = i % 2 == 0 ? 30.0 : 13, angle = Double(i) * Double.pi / 5 - Double.pi / 2
                return Point(x + r * cos(angle), ground - 140 + r * sin(angle)) }, closed: true), fill: RGBA(255, 220, 90), stroke: outline, strokeWidth: 2, role: "prop:star")
        case "basket", "berries", "blackberries":
            d.add(.rect(x: x - 30, y: ground - 34, width: 60, height: 34, corner: 8), fill: RGBA(196, 150, 90), stroke: outline, strokeWidth: 2, role: "prop:basket")
            for dx in [-14.0, 0, 14] { d.add(.ellipse(cx: x + dx, cy: ground - 38, rx: 8, ry: 8), fill: RGBA(90, 40, 110), role: "prop:basket") }
        default: break
        }
    }

    /// Props the illustrator can draw, by the words that call for them.
    static let propWords: [String: String] = [
        "lantern": "lantern", "lamp": "lantern", "boat": "boat", "raft": "boat", "book": "book", "map": "map", "maps": "map",
        "letter": "letter", "message": "letter", "flower": "flowers", "flowers": "flowers", "star": "star", "basket": "basket",
        "blackberries": "basket", "berries": "basket",
    ]
}
