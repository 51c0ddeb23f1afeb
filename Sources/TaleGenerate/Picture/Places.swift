import Foundation
import TaleImage

/// Skies and places: each place drawn back to front down to its ground line, at the light of the
/// hour, with its own landmark (for pictures looking up) and foreground (for depth).
enum Places {
    static let line = RGBA(58, 42, 36)

    /// How dark the hour makes the land: none by day, most at night.
    static func dim(_ hour: PictureHour) -> Double {
        switch hour {
        case .night: 0.45
        case .dusk: 0.2
        case .dawn: 0.1
        default: 0
        }
    }

    /// `colour` in the light of `hour`: darkened towards night blue by the hour's `dim` (times `share`).
    static func shade(_ colour: RGBA, _ hour: PictureHour, by share: Double = 1) -> RGBA {
        colour.mixed(with: RGBA(20, 24, 60), dim(hour) * share)
    }

    /// The sky's colours at the top and at the horizon.
    static func skyColours(_ hour: PictureHour, weather: [String]) -> (RGBA, RGBA) {
        var (top, bottom): (RGBA, RGBA)
        switch hour {
        case .dawn: (top, bottom) = (RGBA(150, 170, 220), RGBA(250, 196, 170))
        case .morning: (top, bottom) = (RGBA(110, 180, 240), RGBA(214, 238, 250))
        case .noon: (top, bottom) = (RGBA(84, 166, 240), RGBA(200, 232, 250))
        case .afternoon: (top, bottom) = (RGBA(104, 170, 226), RGBA(240, 228, 196))
        case .dusk: (top, bottom) = (RGBA(88, 70, 140), RGBA(246, 150, 100))
        case .night: (top, bottom) = (RGBA(14, 20, 58), RGBA(44, 58, 116))
        }
        if weather.contains("storm") || weather.contains("rain") {
            let grey = RGBA(110, 116, 132)
            (top, bottom) = (top.mixed(with: grey, 0.7), bottom.mixed(with: grey, 0.6))
        } else if weather.contains("snow") || weather.contains("fog") {
            let pale = RGBA(210, 214, 224)
            (top, bottom) = (top.mixed(with: pale, 0.55), bottom.mixed(with: pale, 0.55))
        }
        return (top, bottom)
    }

    /// The place, drawn over the sky; returns the ground line where figures stand.
    static func draw(_ d: inout VectorDrawing, _ place: PicturePlace, hour: PictureHour, horizon: Double, random: inout SeededRandom) -> Double {
        let w = d.width, h = d.height, g = horizon
        func shade(_ c: RGBA) -> RGBA { Places.shade(c, hour) }
        func add(_ o: Outline, _ c: RGBA, _ role: String, line: Double = 0) {
            d.add(o, fill: shade(c), stroke: line > 0 ? shade(Places.line) : nil, strokeWidth: line, role: role)
        }
        func hills(_ c: RGBA, height: Double = 60) {
            add(.polygon([Point(0, g - 30)] + stride(from: 0.0, through: 1, by: 0.05).map { t in Point(w * t, g - 40 - height * sin(t * .pi * 2 + 0.5)) }
                         + [Point(w, h), Point(0, h)], closed: true), c, "hills")
        }
        func floor(_ c: RGBA) { add(.rect(x: 0, y: g - 10, width: w, height: h - g + 10, corner: 0), c, "ground") }
        func tree(_ x: Double, _ size: Double, pine: Bool, leaf: RGBA = RGBA(84, 150, 76)) {
            add(.rect(x: x - 8 * size, y: g - 90 * size, width: 16 * size, height: 90 * size, corner: 3), RGBA(110, 78, 52), "tree")
            if pine {
                for i in 0..<3 {
                    let y = g - 70 * size - Double(i) * 50 * size
                    add(.polygon([Point(x - 60 * size + Double(i) * 12 * size, y), Point(x, y - 80 * size), Point(x + 60 * size - Double(i) * 12 * size, y)], closed: true),
                        leaf == RGBA(84, 150, 76) ? RGBA(48, 120, 72) : leaf, "tree")
                }
            } else {
                for (dx, dy, r) in [(-30.0, -110.0, 50.0), (30, -110, 50), (0, -150, 56)] {
                    add(.ellipse(cx: x + dx * size, cy: g + dy * size, rx: r * size, ry: r * size), leaf, "tree")
                }
            }
        }
        func house(_ x: Double, _ width: Double, _ height: Double, wall: RGBA, roof: RGBA) {
            add(.rect(x: x, y: g - height, width: width, height: height, corner: 0), wall, "house", line: 2)
            add(.polygon([Point(x - 12, g - height), Point(x + width / 2, g - height - 60), Point(x + width + 12, g - height)], closed: true), roof, "roof", line: 2)
            d.add(.rect(x: x + 18, y: g - height + 22, width: 30, height: 26, corner: 2),
                  fill: hour == .night || hour == .dusk ? RGBA(255, 214, 120) : shade(RGBA(170, 210, 236)), role: "window")
            add(.rect(x: x + width - 44, y: g - 50, width: 28, height: 50, corner: 4), RGBA(120, 80, 56), "door")
        }
        switch place {
        case .bedroom:
            room(&d, wall: RGBA(236, 220, 196), floor: RGBA(186, 134, 92), ground: g, hour: hour, window: w * 0.6)
            add(.rect(x: w * 0.04, y: g - 110, width: 300, height: 90, corner: 10), RGBA(150, 100, 70), "bed", line: 2)
            add(.rect(x: w * 0.04 + 10, y: g - 130, width: 280, height: 50, corner: 14), RGBA(120, 160, 220), "bed", line: 2)
            add(.rect(x: w * 0.04 + 14, y: g - 150, width: 70, height: 34, corner: 12), RGBA(250, 248, 240), "bed", line: 2)
            add(.ellipse(cx: w * 0.55, cy: g + 60, rx: w * 0.28, ry: 36), RGBA(200, 90, 80), "rug")
        case .kitchen, .bakery:
            room(&d, wall: place == .kitchen ? RGBA(244, 236, 210) : RGBA(246, 226, 200), floor: RGBA(200, 150, 110), ground: g, hour: hour,
                 window: place == .kitchen ? w * 0.08 : nil)
            for row in stride(from: g - 160, to: g - 40, by: 30) {
                for col in stride(from: 0.0, to: w, by: 30) where place == .kitchen && col > w * 0.3 {
                    d.add(.rect(x: col, y: row, width: 30, height: 30, corner: 0), stroke: shade(RGBA(210, 200, 180)), strokeWidth: 1.5, role: "tiles")
                }
            }
            if place == .bakery {
                add(.curve(start: Point(w * 0.06, g), segments: [(Point(w * 0.16, g - 300), Point(w * 0.26, g))], closed: true), RGBA(180, 90, 60), "oven", line: 2)
                add(.curve(start: Point(w * 0.1, g), segments: [(Point(w * 0.16, g - 170), Point(w * 0.22, g))], closed: true), RGBA(250, 160, 70), "fire")
                for y in [g - 300, g - 220] {
                    add(.rect(x: w * 0.36, y: y, width: w * 0.6, height: 10, corner: 2), RGBA(150, 100, 70), "shelf")
                    for i in 0..<8 { add(.ellipse(cx: w * 0.4 + Double(i) * w * 0.07, cy: y - 16, rx: 30, ry: 18), RGBA(214, 150, 80), "bread", line: 2) }
                }
                add(.rect(x: w * 0.5, y: g - 110, width: w * 0.5, height: 110, corner: 4), RGBA(190, 140, 100), "counter", line: 2)
                for i in 0..<4 { add(.ellipse(cx: w * 0.56 + Double(i) * 110, cy: g - 126, rx: 34, ry: 18), RGBA(250, 200, 210), "cake", line: 2) }
            } else {
                add(.rect(x: w * 0.62, y: g - 150, width: 150, height: 150, corner: 4), RGBA(200, 200, 208), "oven", line: 2)
                add(.rect(x: w * 0.62 + 20, y: g - 100, width: 110, height: 70, corner: 4), RGBA(90, 90, 100), "oven", line: 2)
                add(.rect(x: w * 0.3, y: g - 100, width: 240, height: 16, corner: 3), RGBA(170, 116, 70), "table", line: 2)
                for x in [w * 0.3 + 16, w * 0.3 + 210] { add(.rect(x: x, y: g - 84, width: 14, height: 84, corner: 2), RGBA(150, 100, 60), "table") }
            }
        case .shop:
            room(&d, wall: RGBA(240, 230, 206), floor: RGBA(180, 150, 120), ground: g, hour: hour, window: nil)
            for y in [g - 330, g - 250, g - 170] {
                add(.rect(x: w * 0.05, y: y, width: w * 0.9, height: 10, corner: 2), RGBA(150, 100, 70), "shelf")
                for i in 0..<14 {
                    let colours = [RGBA(214, 64, 52), RGBA(64, 120, 200), RGBA(242, 196, 58), RGBA(96, 164, 80), RGBA(136, 88, 176)]
                    add(.rect(x: w * 0.06 + Double(i) * w * 0.063, y: y - 44, width: 50, height: 44, corner: 3), colours[(i + Int(y)) % 5], "goods", line: 1.5)
                }
            }
            add(.rect(x: w * 0.55, y: g - 100, width: w * 0.45, height: 100, corner: 4), RGBA(170, 116, 70), "counter", line: 2)
            for i in 0..<12 { add(.rect(x: Double(i) * w / 12, y: 0, width: w / 12, height: 40, corner: 0), i % 2 == 0 ? RGBA(214, 64, 52) : .white, "awning") }
        case .school:
            room(&d, wall: RGBA(236, 232, 206), floor: RGBA(190, 150, 110), ground: g, hour: hour, window: w * 0.78)
            add(.rect(x: w * 0.12, y: g * 0.2, width: w * 0.46, height: g * 0.42, corner: 6), RGBA(50, 100, 70), "blackboard", line: 6)
            d.add(.polygon([Point(w * 0.16, g * 0.34), Point(w * 0.2, g * 0.28), Point(w * 0.24, g * 0.34)], closed: false), stroke: .white, strokeWidth: 3, role: "blackboard")
            d.add(.ellipse(cx: w * 0.32, cy: g * 0.32, rx: 20, ry: 20), stroke: .white, strokeWidth: 3, role: "blackboard")
            for x in stride(from: w * 0.08, to: w, by: w * 0.3) {
                add(.rect(x: x, y: g - 70, width: 160, height: 14, corner: 3), RGBA(200, 150, 90), "desk", line: 2)
                for dx in [10.0, 136] { add(.rect(x: x + dx, y: g - 56, width: 12, height: 56, corner: 2), RGBA(120, 120, 130), "desk") }
            }
        case .train:
            room(&d, wall: RGBA(180, 70, 60), floor: RGBA(90, 80, 90), ground: g, hour: hour, window: nil)
            let (top, bottom) = skyColours(hour, weather: [])
            for i in 0..<3 {
                let x = w * 0.06 + Double(i) * w * 0.32
                d.gradient(x: x, y: g * 0.16, width: w * 0.26, height: g * 0.42, top: top, bottom: bottom, role: "window")
                add(.polygon([Point(x, g * 0.5), Point(x + w * 0.1, g * 0.4), Point(x + w * 0.26, g * 0.5), Point(x + w * 0.26, g * 0.58), Point(x, g * 0.58)], closed: true),
                    RGBA(110, 170, 90), "hills")
                d.add(.rect(x: x, y: g * 0.16, width: w * 0.26, height: g * 0.42, corner: 16), stroke: shade(RGBA(230, 220, 200)), strokeWidth: 8, role: "window")
            }
            for x in stride(from: w * 0.02, to: w, by: w * 0.32) {
                add(.rect(x: x, y: g - 150, width: 110, height: 150, corner: 12), RGBA(60, 90, 150), "seat", line: 2)
            }
        case .street:
            floor(RGBA(150, 150, 156))
            for i in 0..<7 {
                let x = w * Double(i) / 7, height = 200.0 + Double(random.next() % 160)
                add(.rect(x: x + 6, y: g - height, width: w / 7 - 12, height: height, corner: 0), [RGBA(200, 140, 120), RGBA(150, 160, 190), RGBA(220, 200, 150)][i % 3], "building")
                for row in stride(from: g - height + 20, to: g - 40, by: 44) {
                    for col in [x + 22, x + w / 7 - 46] {
                        d.add(.rect(x: col, y: row, width: 22, height: 26, corner: 0),
                              fill: hour == .night || hour == .dusk ? RGBA(255, 220, 130) : shade(RGBA(200, 226, 240)), role: "window")
                    }
                }
            }
            add(.rect(x: 0, y: g + 30, width: w, height: 14, corner: 0), RGBA(190, 190, 196), "pavement")
            for x in [w * 0.2, w * 0.7] {
                add(.rect(x: x, y: g - 170, width: 8, height: 180, corner: 2), RGBA(60, 60, 70), "lamppost")
                d.add(.ellipse(cx: x + 4, cy: g - 176, rx: 14, ry: 14), fill: hour == .night || hour == .dusk ? RGBA(255, 226, 130) : shade(RGBA(230, 230, 230)), role: "lamppost")
            }
        case .village:
            hills(RGBA(130, 186, 100))
            floor(RGBA(120, 176, 92))
            for i in 0..<4 {
                house(w * (0.06 + Double(i) * 0.25), 130, 90 + Double(random.next() % 30), wall: [RGBA(236, 214, 180), RGBA(214, 170, 140), RGBA(240, 228, 200)][i % 3],
                      roof: RGBA(180, 76, 60))
            }
        case .farm:
            hills(RGBA(150, 190, 100))
            floor(RGBA(170, 200, 100))
            add(.rect(x: w * 0.58, y: g - 220, width: 260, height: 220, corner: 0), RGBA(190, 60, 50), "barn", line: 2)
            add(.polygon([Point(w * 0.58 - 16, g - 220), Point(w * 0.58 + 130, g - 320), Point(w * 0.58 + 276, g - 220)], closed: true), RGBA(120, 50, 40), "barn", line: 2)
            add(.rect(x: w * 0.58 + 90, y: g - 120, width: 80, height: 120, corner: 0), RGBA(240, 230, 210), "barn", line: 2)
            d.add(.polygon([Point(w * 0.58 + 90, g - 120), Point(w * 0.58 + 170, g), Point(w * 0.58 + 170, g - 120), Point(w * 0.58 + 90, g)], closed: false),
                  stroke: shade(RGBA(190, 60, 50)), strokeWidth: 6, role: "barn")
            add(.ellipse(cx: w * 0.3, cy: g - 30, rx: 80, ry: 70), RGBA(230, 196, 90), "haystack", line: 2)
            for x in stride(from: 0.0, to: w, by: 60) { add(.rect(x: x, y: g + 10, width: 10, height: 50, corner: 2), RGBA(200, 160, 110), "fence") }
            add(.rect(x: 0, y: g + 22, width: w, height: 8, corner: 0), RGBA(200, 160, 110), "fence")
        case .garden:
            hills(RGBA(130, 190, 100), height: 30)
            floor(RGBA(112, 180, 88))
            for x in stride(from: 0.0, to: w, by: 40) {
                add(.polygon([Point(x, g - 40), Point(x + 14, g - 60), Point(x + 28, g - 40), Point(x + 28, g), Point(x, g)], closed: true), RGBA(240, 236, 220), "fence", line: 1.5)
            }
            add(.rect(x: w * 0.7, y: g - 160, width: 180, height: 160, corner: 0), RGBA(120, 150, 110), "shed", line: 2)
            add(.polygon([Point(w * 0.7 - 10, g - 160), Point(w * 0.7 + 90, g - 210), Point(w * 0.7 + 190, g - 160)], closed: true), RGBA(90, 80, 70), "shed", line: 2)
            for row in 0..<2 {
                for i in 0..<14 {
                    let x = w * 0.05 + Double(i) * 46, y = g + 40 + Double(row) * 50
                    add(.ellipse(cx: x, cy: y, rx: 10, ry: 10), [RGBA(240, 90, 110), RGBA(250, 210, 70), RGBA(160, 110, 220)][(i + row) % 3], "flowers")
                }
            }
        case .forest, .snow:
            let snowy = place == .snow
            hills(snowy ? RGBA(236, 240, 248) : RGBA(104, 160, 90))
            floor(snowy ? RGBA(244, 246, 252) : RGBA(92, 148, 78))
            for i in 0..<6 {
                tree(w * (0.08 + Double(i) * 0.17) + Double(random.next() % 40), 0.9 + Double(random.next() % 40) / 100, pine: snowy || i % 2 == 0)
                if snowy {
                    let x = w * (0.08 + Double(i) * 0.17)
                    add(.ellipse(cx: x + 20, cy: g - 190, rx: 30, ry: 10), RGBA(250, 250, 255), "snow")
                }
            }
        case .fernWood:
            // Fern fronds arching far over a small creature's head, with toadstools beneath.
            hills(RGBA(80, 140, 80), height: 40)
            floor(RGBA(86, 132, 70))
            for i in 0..<5 {
                let base = w * (0.05 + Double(i) * 0.23) + Double(random.next() % 40)
                let lean = i % 2 == 0 ? 1.0 : -1.0
                let tip = Point(base + lean * 260, g - 420 + Double(random.next() % 80))
                d.add(.curve(start: Point(base, g), segments: [(Point(base, tip.y), tip)], closed: false), stroke: shade(RGBA(60, 120, 60)), strokeWidth: 8, role: "fern")
                for j in 1..<9 {
                    let t = Double(j) / 9
                    let x = base + (tip.x - base) * t * t, y = g + (tip.y - g) * (2 * t - t * t)
                    for side in [-1.0, 1.0] {
                        add(.ellipse(cx: x + side * 26 * (1 - t * 0.6), cy: y + 14 * side * lean, rx: 34 * (1 - t * 0.5), ry: 12), RGBA(90, 170, 80), "fern")
                    }
                }
            }
            for x in [w * 0.18, w * 0.82] {
                add(.rect(x: x - 8, y: g - 40, width: 16, height: 40, corner: 4), RGBA(244, 236, 220), "toadstool")
                add(.curve(start: Point(x - 40, g - 36), segments: [(Point(x, g - 100), Point(x + 40, g - 36))], closed: true), RGBA(214, 64, 52), "toadstool")
            }
        case .tallGrass:
            hills(RGBA(150, 196, 100), height: 30)
            floor(RGBA(130, 180, 80))
            for i in 0..<46 {
                let x = Double(i) * w / 45 + Double(random.next() % 20), height = 300.0 + Double(random.next() % 200)
                add(.polygon([Point(x - 12, g + 10), Point(x + Double(random.next() % 60) - 30, g - height), Point(x + 12, g + 10)], closed: true),
                    [RGBA(110, 170, 70), RGBA(140, 190, 80), RGBA(96, 150, 64)][i % 3], "grass")
            }
            for i in 0..<5 {
                let x = w * (0.1 + Double(i) * 0.2)
                add(.ellipse(cx: x, cy: g - 260 - Double(i % 2) * 60, rx: 16, ry: 16), RGBA(250, 210, 60), "buttercup")
            }
        case .meadow, .hill:
            if place == .hill {
                add(.curve(start: Point(-100, g + 40), segments: [(Point(w * 0.5, g - 360), Point(w + 100, g + 40))], closed: true), RGBA(130, 190, 96), "hill")
                tree(w * 0.62, 1.3, pine: false)
            } else {
                hills(RGBA(140, 196, 104))
            }
            floor(RGBA(124, 186, 92))
            for _ in 0..<24 {
                let x = Double(random.next() % UInt64(w)), y = g + Double(random.next() % UInt64(max(1, h - g - 10)))
                add(.ellipse(cx: x, cy: y, rx: 6, ry: 6), [RGBA(250, 210, 70), RGBA(240, 120, 150), RGBA(255, 255, 255)][Int(random.next() % 3)], "flowers")
            }
        case .mountain:
            for (x, peak, colour) in [(0.25, 0.2, RGBA(130, 138, 160)), (0.6, 0.12, RGBA(110, 118, 144)), (0.9, 0.26, RGBA(140, 146, 168))] {
                add(.polygon([Point(w * (x - 0.3), g), Point(w * x, g * peak), Point(w * (x + 0.3), g)], closed: true), colour, "mountain")
                add(.polygon([Point(w * x - 34, g * peak + 50), Point(w * x, g * peak), Point(w * x + 34, g * peak + 50), Point(w * x, g * peak + 36)], closed: true), .white, "snow")
            }
            floor(RGBA(116, 166, 96))
        case .cave:
            d.add(.rect(x: 0, y: 0, width: w, height: h, corner: 0), fill: RGBA(64, 56, 60), role: "background")
            d.add(.curve(start: Point(w * 0.1, h), segments: [(Point(w * 0.5, -h * 0.25), Point(w * 0.9, h))], closed: true), fill: RGBA(34, 30, 36), role: "cave")
            d.add(.rect(x: 0, y: g - 10, width: w, height: h - g + 10, corner: 0), fill: RGBA(96, 84, 80), role: "ground")
            for i in 0..<6 {
                let x = w * (0.1 + Double(i) * 0.16)
                d.add(.polygon([Point(x - 18, 0), Point(x, 60 + Double(random.next() % 80)), Point(x + 18, 0)], closed: true), fill: RGBA(90, 80, 86), role: "rock")
            }
        case .river, .lake:
            hills(RGBA(120, 180, 100))
            floor(RGBA(110, 170, 90))
            if place == .river {
                add(.polygon([Point(w * 0.42, g - 30), Point(w * 0.58, g - 30), Point(w, h * 0.92), Point(w, h), Point(w * 0.3, h)], closed: true), RGBA(90, 160, 210), "water")
                for i in 0..<5 {
                    let y = g + Double(i) * 30
                    d.add(.curve(start: Point(w * 0.5 + Double(i) * 40, y), segments: [(Point(w * 0.56 + Double(i) * 50, y - 8), Point(w * 0.62 + Double(i) * 60, y))], closed: false),
                          stroke: shade(RGBA(210, 236, 250)), strokeWidth: 3, role: "water")
                }
                for x in [w * 0.36, w * 0.88] { add(.ellipse(cx: x, cy: g + 120, rx: 30, ry: 14), RGBA(150, 150, 160), "stones") }
            } else {
                add(.ellipse(cx: w * 0.5, cy: g + 70, rx: w * 0.38, ry: 60), RGBA(90, 160, 210), "water")
                add(.ellipse(cx: w * 0.5, cy: g + 64, rx: w * 0.26, ry: 22), RGBA(150, 200, 236), "water")
                for x in [w * 0.3, w * 0.6, w * 0.72] { add(.ellipse(cx: x, cy: g + 90, rx: 34, ry: 10), RGBA(70, 150, 70), "lily pad") }
            }
            for x in stride(from: w * 0.04, to: w * 0.2, by: 18) { add(.rect(x: x, y: g - 90, width: 6, height: 100, corner: 3), RGBA(90, 140, 60), "reeds") }
        case .beach, .boat:
            add(.rect(x: 0, y: g - 60, width: w, height: h - g + 60, corner: 0), RGBA(60, 130, 190), "water")
            for row in 0..<4 {
                let y = g - 40 + Double(row) * 30
                d.add(.curve(start: Point(0, y), segments: stride(from: 0.0, to: w, by: 120).map { x in (Point(x + 60, y - 12), Point(x + 120, y)) }, closed: false),
                      stroke: shade(RGBA(200, 230, 250)), strokeWidth: 4, role: "waves")
            }
            if place == .boat {
                add(.polygon([Point(-20, g + 10), Point(w + 20, g + 10), Point(w * 0.9, h), Point(w * 0.1, h)], closed: true), RGBA(170, 110, 70), "deck", line: 2)
                for x in stride(from: w * 0.12, to: w * 0.9, by: 60) {
                    d.add(.polygon([Point(x, g + 10), Point(x - (w * 0.5 - x) * 0.1, h)], closed: false), stroke: shade(RGBA(130, 84, 50)), strokeWidth: 2, role: "deck")
                }
                add(.rect(x: w * 0.8, y: 0, width: 16, height: g + 10, corner: 0), RGBA(130, 84, 50), "mast")
                add(.polygon([Point(w * 0.8 - 4, 20), Point(w * 0.8 - 4, g - 40), Point(w * 0.45, g - 40)], closed: true), RGBA(250, 248, 240), "sail", line: 2)
                return g + 40
            }
            add(.polygon([Point(0, g + 10)] + stride(from: 0.0, through: 1, by: 0.1).map { t in Point(w * t, g - 10 - 18 * sin(t * .pi * 3)) } + [Point(w, h), Point(0, h)],
                         closed: true), RGBA(232, 208, 150), "sand")
            for x in [w * 0.2, w * 0.75] { add(.curve(start: Point(x - 14, g + 60), segments: [(Point(x, g + 30), Point(x + 14, g + 60))], closed: true), RGBA(250, 200, 190), "shell") }
        case .underwater:
            d.gradient(x: 0, y: 0, width: w, height: h, top: shade(RGBA(60, 160, 210)), bottom: shade(RGBA(20, 70, 130)), role: "water")
            for i in 0..<4 {
                let x = w * (0.1 + Double(i) * 0.25)
                d.add(.polygon([Point(x, 0), Point(x + 60, 0), Point(x + 160, h), Point(x + 80, h)], closed: true), fill: RGBA(255, 255, 255, 0.08), role: "light")
            }
            add(.rect(x: 0, y: g - 10, width: w, height: h - g + 10, corner: 0), RGBA(220, 200, 150), "seabed")
            for i in 0..<7 {
                let x = w * (0.05 + Double(i) * 0.15) + Double(random.next() % 30)
                d.add(.curve(start: Point(x, g), segments: [(Point(x - 30, g - 120), Point(x + 10, g - 220 - Double(i % 3) * 40))], closed: false),
                      stroke: shade(RGBA(60, 150, 80)), strokeWidth: 12, role: "seaweed")
            }
            for (x, c) in [(w * 0.3, RGBA(250, 120, 120)), (w * 0.72, RGBA(250, 170, 80))] {
                for dx in [-30.0, 0, 30] { add(.ellipse(cx: x + dx, cy: g - 40 - abs(dx), rx: 16, ry: 46), c, "coral") }
            }
            for _ in 0..<16 {
                d.add(.ellipse(cx: Double(random.next() % UInt64(w)), cy: Double(random.next() % UInt64(g)), rx: 6, ry: 6),
                      stroke: RGBA(220, 240, 255, 0.8), strokeWidth: 2, role: "bubbles")
            }
        case .sky:
            for i in 0..<5 {
                let x = w * (Double(i) * 0.25), y = g + Double(i % 2) * 30
                for dx in [-70.0, 0, 70] { d.add(.ellipse(cx: x + dx, cy: y + abs(dx) * 0.3, rx: 110, ry: 60), fill: shade(RGBA(250, 250, 255)), role: "cloud") }
            }
            d.add(.rect(x: 0, y: g + 40, width: w, height: h - g, corner: 0), fill: shade(RGBA(240, 244, 252)), role: "cloud")
        case .moon, .space:
            d.add(.rect(x: 0, y: 0, width: w, height: h, corner: 0), fill: RGBA(12, 12, 34), role: "space")
            for _ in 0..<70 {
                d.add(.ellipse(cx: Double(random.next() % UInt64(w)), cy: Double(random.next() % UInt64(h)), rx: 2, ry: 2), fill: RGBA(255, 250, 220), role: "stars")
            }
            if place == .moon {
                d.add(.ellipse(cx: w * 0.8, cy: g * 0.3, rx: 70, ry: 70), fill: RGBA(70, 130, 210), role: "earth")
                d.add(.ellipse(cx: w * 0.78, cy: g * 0.28, rx: 30, ry: 22), fill: RGBA(100, 180, 100), role: "earth")
                d.add(.polygon([Point(0, g)] + stride(from: 0.0, through: 1, by: 0.1).map { t in Point(w * t, g - 20 * sin(t * .pi * 2)) } + [Point(w, h), Point(0, h)], closed: true),
                      fill: RGBA(176, 176, 184), role: "moon-ground")
                for (x, y, r) in [(0.15, 60.0, 50.0), (0.5, 110, 70), (0.82, 50, 40)] {
                    d.add(.ellipse(cx: w * x, cy: g + y, rx: r, ry: r * 0.3), fill: RGBA(140, 140, 150), stroke: RGBA(110, 110, 120), strokeWidth: 3, role: "crater")
                }
            } else {
                d.add(.ellipse(cx: w * 0.78, cy: h * 0.28, rx: 90, ry: 90), fill: RGBA(230, 150, 90), role: "planet")
                d.add(.ellipse(cx: w * 0.78, cy: h * 0.28, rx: 150, ry: 22), stroke: RGBA(250, 210, 150), strokeWidth: 6, role: "planet")
                d.add(.polygon([Point(0, g), Point(w * 0.5, g - 40), Point(w, g), Point(w, h), Point(0, h)], closed: true), fill: RGBA(150, 146, 160), role: "asteroid")
            }
        case .castle:
            hills(RGBA(126, 180, 100))
            floor(RGBA(118, 172, 92))
            let x = w * 0.55, stone = RGBA(180, 176, 190)
            add(.rect(x: x, y: g - 200, width: 260, height: 200, corner: 0), stone, "castle", line: 2)
            for tx in [x - 40, x + 240] {
                add(.rect(x: tx, y: g - 280, width: 60, height: 280, corner: 0), stone, "castle", line: 2)
                add(.polygon([Point(tx - 8, g - 280), Point(tx + 30, g - 350), Point(tx + 68, g - 280)], closed: true), RGBA(70, 90, 170), "castle")
            }
            add(.curve(start: Point(x + 100, g), segments: [(Point(x + 130, g - 130), Point(x + 160, g))], closed: true), RGBA(90, 70, 60), "castle")
        }
        return g + 30
    }
}
