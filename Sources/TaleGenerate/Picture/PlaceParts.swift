import Foundation
import TaleImage

/// The parts places share: the sky, a room with its window, homes along the horizon, each place's
/// landmark and its foreground.
extension Places {
    /// The sky down to `horizon`, with the sun where the hour puts it, or the moon and stars.
    static func sky(_ d: inout VectorDrawing, hour: PictureHour, weather: [String], horizon: Double, random: inout SeededRandom) {
        let (top, bottom) = skyColours(hour, weather: weather)
        d.gradient(x: 0, y: 0, width: d.width, height: horizon + 40, top: top, bottom: bottom, role: "sky")
        let cloudy = weather.contains("rain") || weather.contains("storm") || weather.contains("fog") || weather.contains("snow")
        let w = d.width
        switch hour {
        case .night:
            for _ in 0..<48 {
                let x = Double(random.next() % UInt64(w)), y = Double(random.next() % UInt64(max(1, horizon * 0.8)))
                d.add(.ellipse(cx: x, cy: y, rx: 2, ry: 2), fill: RGBA(255, 248, 210), role: "stars")
            }
            if !cloudy {
                d.add(.ellipse(cx: w * 0.8, cy: horizon * 0.22, rx: 42, ry: 42), fill: RGBA(252, 244, 200), role: "moon")
                d.add(.ellipse(cx: w * 0.8 + 16, cy: horizon * 0.22 - 8, rx: 36, ry: 36), fill: top.mixed(with: bottom, 0.2), role: "moon")
            }
        default:
            guard !cloudy else { return }
            let (x, y, colour): (Double, Double, RGBA) = switch hour {
            case .dawn: (0.14, 0.86, RGBA(255, 214, 150))
            case .morning: (0.2, 0.32, RGBA(255, 236, 140))
            case .noon: (0.6, 0.12, RGBA(255, 240, 150))
            case .afternoon: (0.78, 0.3, RGBA(255, 224, 130))
            default: (0.84, 0.9, RGBA(250, 150, 80))
            }
            d.add(.ellipse(cx: w * x, cy: horizon * y, rx: 80, ry: 80), fill: colour.opacity(0.3), role: "sun")
            d.add(.ellipse(cx: w * x, cy: horizon * y, rx: 48, ry: 48), fill: colour, role: "sun")
            for i in 0..<2 {
                let cx = w * (0.3 + Double(i) * 0.35) + Double(random.next() % 80), cy = horizon * (0.2 + Double(i) * 0.12)
                for dx in [-40.0, 0, 40] { d.add(.ellipse(cx: cx + dx, cy: cy + abs(dx) * 0.2, rx: 50, ry: 28), fill: RGBA(255, 255, 255, 0.85), role: "cloud") }
            }
        }
    }

    /// A room's back wall, floor and window (which shows the hour), down to `ground`.
    static func room(_ d: inout VectorDrawing, wall: RGBA, floor: RGBA, ground: Double, hour: PictureHour, window x: Double?) {
        // Indoors the hour dims less: there is a lamp.
        d.add(.rect(x: 0, y: 0, width: d.width, height: ground, corner: 0), fill: shade(wall, hour, by: 0.6), role: "wall")
        d.add(.rect(x: 0, y: ground - 10, width: d.width, height: d.height - ground + 10, corner: 0), fill: shade(floor, hour, by: 0.6), role: "floor")
        guard let x else { return }
        let (top, bottom) = skyColours(hour, weather: [])
        let wy = ground * 0.18, ww = 200.0, wh = ground * 0.4
        d.gradient(x: x, y: wy, width: ww, height: wh, top: top, bottom: bottom, role: "window")
        if hour == .night { d.add(.ellipse(cx: x + 140, cy: wy + 44, rx: 20, ry: 20), fill: RGBA(252, 244, 200), role: "moon") }
        if hour != .night && hour != .dusk { d.add(.ellipse(cx: x + (hour < .noon ? 50 : 150), cy: wy + 46, rx: 22, ry: 22), fill: RGBA(255, 232, 140), role: "sun") }
        d.add(.rect(x: x, y: wy, width: ww, height: wh, corner: 4), stroke: RGBA(150, 100, 70), strokeWidth: 10, role: "window")
        d.add(.polygon([Point(x + ww / 2, wy), Point(x + ww / 2, wy + wh)], closed: false), stroke: RGBA(150, 100, 70), strokeWidth: 6, role: "window")
    }

    /// Little round houses with red roofs and lit windows at dusk and night, along the horizon: a
    /// village for small creatures in a wild place.
    static func homes(_ d: inout VectorDrawing, hour: PictureHour, horizon: Double, small: Bool) {
        let w = d.width, size = d.height * (small ? 0.12 : 0.09)
        func shade(_ c: RGBA) -> RGBA { Places.shade(c, hour) }
        let lit = hour == .night || hour == .dusk
        for (i, fraction) in [0.12, 0.58, 0.86].enumerated() {
            let x = w * fraction, base = horizon + 6, s = size * (i == 1 ? 0.8 : 1)
            d.add(.rect(x: x - s * 0.4, y: base - s * 0.7, width: s * 0.8, height: s * 0.7, corner: s * 0.1), fill: shade(RGBA(240, 226, 196)),
                  stroke: shade(line), strokeWidth: 2, role: "house")
            d.add(.curve(start: Point(x - s * 0.6, base - s * 0.62), segments: [(Point(x, base - s * 1.5), Point(x + s * 0.6, base - s * 0.62))], closed: true),
                  fill: shade(RGBA(200, 70, 56)), stroke: shade(line), strokeWidth: 2, role: "roof")
            d.add(.curve(start: Point(x - s * 0.12, base), segments: [(Point(x, base - s * 0.55), Point(x + s * 0.12, base))], closed: true),
                  fill: shade(RGBA(120, 80, 56)), role: "door")
            d.add(.ellipse(cx: x + s * 0.26, cy: base - s * 0.42, rx: s * 0.08, ry: s * 0.08),
                  fill: lit ? RGBA(255, 214, 120) : shade(RGBA(170, 210, 236)), stroke: shade(line), strokeWidth: 1.5, role: "window")
        }
    }

    /// Something big for a picture that looks up: the place's tallest thing, towering over `x`.
    static func landmark(_ d: inout VectorDrawing, _ place: PicturePlace, hour: PictureHour, x: Double, ground: Double) {
        func shade(_ c: RGBA) -> RGBA { Places.shade(c, hour) }
        switch place {
        case .forest, .garden, .farm, .meadow, .hill, .village, .river, .lake, .snow:
            d.add(.rect(x: x - 40, y: 0, width: 80, height: ground, corner: 0), fill: shade(RGBA(110, 78, 52)), stroke: shade(line), strokeWidth: 3, role: "tree")
            d.add(.ellipse(cx: x, cy: 40, rx: 300, ry: 160), fill: shade(place == .snow ? RGBA(230, 236, 246) : RGBA(84, 150, 76)), role: "tree")
        case .fernWood, .tallGrass:
            for dx in [-80.0, 0, 80] {
                d.add(.polygon([Point(x + dx - 16, ground), Point(x + dx * 2, 0), Point(x + dx + 16, ground)], closed: true), fill: shade(RGBA(96, 160, 70)), role: place == .fernWood ? "fern" : "grass")
            }
        case .castle, .street, .school, .shop, .bakery, .kitchen, .bedroom, .train:
            d.add(.rect(x: x - 90, y: -10, width: 180, height: ground + 10, corner: 0), fill: shade(RGBA(180, 176, 190)), stroke: shade(line), strokeWidth: 3, role: "tower")
            for y in stride(from: 60.0, to: ground - 60, by: 90) { d.add(.rect(x: x - 20, y: y, width: 40, height: 50, corner: 18), fill: shade(RGBA(80, 80, 110)), role: "tower") }
        case .mountain, .cave:
            d.add(.polygon([Point(x - 360, ground), Point(x, -40), Point(x + 360, ground)], closed: true), fill: shade(RGBA(120, 126, 150)), role: "mountain")
        case .beach, .boat, .underwater:
            d.add(.rect(x: x - 50, y: 40, width: 100, height: ground - 40, corner: 0), fill: shade(RGBA(250, 248, 240)), stroke: shade(line), strokeWidth: 3, role: "lighthouse")
            for y in stride(from: 90.0, to: ground, by: 90) { d.add(.rect(x: x - 50, y: y, width: 100, height: 40, corner: 0), fill: shade(RGBA(214, 64, 52)), role: "lighthouse") }
            d.add(.rect(x: x - 40, y: 0, width: 80, height: 40, corner: 0), fill: RGBA(255, 226, 120), role: "lighthouse")
        case .moon, .space, .sky:
            d.add(.ellipse(cx: x, cy: 120, rx: 150, ry: 150), fill: place == .sky ? RGBA(255, 236, 140) : RGBA(70, 130, 210), role: place == .sky ? "sun" : "earth")
        }
    }

    /// Leaves, grass or stones across the very front of the picture, in front of everyone.
    static func foreground(_ d: inout VectorDrawing, _ place: PicturePlace, hour: PictureHour, random: inout SeededRandom) {
        let w = d.width, h = d.height
        let colour: RGBA
        switch place {
        case .forest, .fernWood, .garden, .meadow, .hill, .tallGrass, .farm, .village, .river, .lake, .castle: colour = RGBA(70, 130, 60)
        case .beach: colour = RGBA(210, 180, 120)
        case .underwater: colour = RGBA(50, 130, 70)
        case .snow: colour = RGBA(236, 240, 250)
        case .moon, .space, .cave, .mountain: colour = RGBA(110, 104, 110)
        default: return
        }
        for i in 0..<9 {
            let x = Double(i) * w / 8 + Double(random.next() % 40) - 20
            d.add(.polygon([Point(x - 40, h + 4), Point(x - 10 + Double(random.next() % 30), h - 60 - Double(random.next() % 50)), Point(x + 40, h + 4)], closed: true),
                  fill: shade(colour, hour), role: "foreground")
        }
    }
}
