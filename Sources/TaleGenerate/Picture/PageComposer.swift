import Foundation
import TaleImage

/// Lays out one picture from its reading: the sky and the place at a horizon the framing sets,
/// the figures posed and facing by what they do, the key thing in a hand, broken, or hidden for
/// the child to find, other things near the ground, a foreground for depth, then weather and light.
struct PageComposer {
    let reading: PictureReading
    let looks: [CharacterLook]

    /// Big things are drawn bigger than things a hand holds.
    static let bigThings: Set<String> = ["boat", "train", "tree house", "rocket", "bridge", "tent", "oven", "gate", "door", "bicycle", "wagon",
                                         "ladder", "sled", "snowman", "sandcastle", "chair"]

    /// Where the ground meets the sky, as a share of the height, for each framing.
    static let horizon: [PictureComposition: Double] = [.lookingUp: 0.86, .fromBehind: 0.56, .smallInBig: 0.78, .closeUp: 0.62, .wide: 0.64]

    /// How tall a fox-sized figure is, as a share of the height, for each framing.
    static let figureHeight: [PictureComposition: Double] = [.wide: 0.3, .facing: 0.48, .closeUp: 1.25, .lookingUp: 0.24, .fromBehind: 0.46,
                                                               .smallInBig: 0.13, .action: 0.44]

    /// Where a figure went: its centre, the ground it stands on, its height and which way it faces.
    struct Placed {
        var look: CharacterLook
        var action: PictureAction
        var x: Double
        var ground: Double
        var size: Double
        var mirrored: Bool
        var lift: Double
    }

    func compose(_ d: inout VectorDrawing, random: inout SeededRandom, cover: Bool) {
        let w = d.width, h = d.height
        let framing = cover ? PictureComposition.action : reading.composition
        let place = reading.place, hour = reading.hour
        let outdoors = !place.isIndoors && !place.isApart
        let horizon = h * (cover ? 0.76 : PageComposer.horizon[framing] ?? 0.72)
        if outdoors || place == .sky { Places.sky(&d, hour: hour, weather: reading.weather, horizon: horizon, random: &random) }
        if framing == .lookingUp, outdoors { Places.landmark(&d, place, hour: hour, x: w * 0.64, ground: horizon) }
        let ground = min(h - 10, Places.draw(&d, place, hour: hour, horizon: horizon, random: &random))
        if reading.homes { Places.homes(&d, hour: hour, horizon: horizon, small: framing != .closeUp) }
        if framing == .fromBehind, outdoors, place != .sky {
            d.add(.polygon([Point(w * 0.22, h), Point(w * 0.47, horizon - 6), Point(w * 0.53, horizon - 6), Point(w * 0.78, h)], closed: true),
                  fill: Places.shade(RGBA(214, 190, 140), hour), role: "path")
        }
        // The lost key thing, small and far off, half behind the grass (or a cushion): for the child to find.
        if let key = reading.keyThing, reading.keyThingShown == .hidden {
            let x = random.next() % 2 == 0 ? w * 0.9 : w * 0.08
            Props.draw(&d, key, x: x, ground: horizon + 8, size: h * 0.07)
            if place.isIndoors {
                // Indoors it is half under a cushion.
                d.add(.rect(x: x - h * 0.02, y: horizon - h * 0.015, width: h * 0.08, height: h * 0.045, corner: h * 0.015),
                      fill: Places.shade(RGBA(200, 120, 140), hour, by: 0.6), stroke: Places.line, strokeWidth: 2, role: "cushion")
            } else {
                for dx in [-18.0, 0, 16] {
                    d.add(.polygon([Point(x + dx - 8, horizon + 12), Point(x + dx, horizon - h * 0.04), Point(x + dx + 8, horizon + 12)], closed: true),
                          fill: Places.shade(RGBA(80, 140, 64), hour), role: "grass")
                }
            }
        }
        // A thing stuck up high: at the top of a tree (or a roof, indoors a shelf), out of reach.
        if let key = reading.keyThing, reading.keyThingShown == .outOfReach {
            let x = w * 0.8
            if outdoors && framing != .lookingUp {
                d.add(.rect(x: x - w * 0.03, y: horizon * 0.25, width: w * 0.06, height: ground - horizon * 0.25, corner: 0),
                      fill: Places.shade(RGBA(110, 78, 52), hour), stroke: Places.line, strokeWidth: 2.5, role: "tree")
                d.add(.ellipse(cx: x, cy: horizon * 0.22, rx: w * 0.17, ry: horizon * 0.2), fill: Places.shade(RGBA(84, 150, 76), hour),
                      role: "tree")
            }
            Props.draw(&d, key, x: framing == .lookingUp ? w * 0.64 : x, ground: horizon * 0.3, size: h * 0.16)
        }
        let placed = placeFigures(w: w, h: h, ground: ground, horizon: horizon, framing: framing, cover: cover, random: &random)
        for figure in placed { draw(&d, figure, framing: framing, place: place) }
        things(&d, placed: placed, w: w, h: h, ground: ground, framing: framing, hour: hour)
        if outdoors, [.wide, .smallInBig, .fromBehind, .lookingUp].contains(framing), !cover {
            Places.foreground(&d, place, hour: hour, random: &random)
        }
        Weather.weather(&d, reading.weather, random: &random)
        switch hour {
        case .night: d.add(.rect(x: 0, y: 0, width: w, height: h, corner: 0), fill: RGBA(16, 20, 70, place.isIndoors ? 0.16 : 0.26), role: "light")
        case .dusk: d.add(.rect(x: 0, y: 0, width: w, height: h, corner: 0), fill: RGBA(120, 60, 120, 0.12), role: "light")
        case .dawn: d.add(.rect(x: 0, y: 0, width: w, height: h, corner: 0), fill: RGBA(250, 170, 150, 0.08), role: "light")
        default: break
        }
    }

    /// Where each figure stands, how big and which way it faces, for the framing.
    func placeFigures(w: Double, h: Double, ground: Double, horizon: Double, framing: PictureComposition, cover: Bool,
               random: inout SeededRandom) -> [Placed] {
        let cast = reading.cast.compactMap { figure in looks.first { $0.name == figure.name }.map { ($0, figure.action) } }
        guard !cast.isEmpty else { return [] }
        let base = cover ? 0.4 : PageComposer.figureHeight[framing] ?? 0.44
        func size(_ look: CharacterLook, _ scale: Double = 1) -> Double { min(h * base * look.size * scale, framing == .closeUp ? h * 1.6 : h * 0.82) }
        func lift(_ action: PictureAction, _ size: Double) -> Double {
            switch action {
            case .flying: size * (framing == .lookingUp ? 1.6 : 0.55)
            case .climbing: size * 0.3
            case .swimming where reading.place == .underwater: size * 0.3
            default: 0
            }
        }
        var placed: [Placed] = []
        let shift = Double(random.next() % 100) / 100 - 0.5
        for (index, (look, action)) in cast.enumerated() {
            var x: Double, floor = ground, scale = 1.0, mirrored = false
            switch framing {
            case _ where cover:
                x = w * (index == 0 ? 0.42 : 0.76)
                scale = index == 0 ? 1 : 0.8
                mirrored = index > 0
            case .facing:
                let hug = cast.contains { $0.1 == .hugging }
                x = index == 0 ? w * (hug ? 0.4 : 0.3) : index == 1 ? w * (hug ? 0.6 : 0.7) : w * 0.5
                mirrored = index == 1
                if index == 2 { scale = 0.6; floor = horizon + 20 }
            case .closeUp:
                x = index == 0 ? w * 0.36 : w * (0.66 + Double(index) * 0.12)
                scale = index == 0 ? 1 : 0.3
                mirrored = index > 0
                if index > 0 { floor = horizon + h * 0.06 }
            case .lookingUp:
                x = w * (0.16 + Double(index) * 0.13)
            case .fromBehind:
                x = w * (0.44 + Double(index) * 0.16 - Double(cast.count - 1) * 0.08)
                floor = h * 0.99
            case .smallInBig:
                x = w * (0.32 + shift * 0.3 + Double(index) * 0.07)
            case .wide:
                x = w * (0.28 + shift * 0.1 + Double(index) * 0.2)
                mirrored = index > 0 && cast.count == 2
            case .action:
                x = w * (0.34 + shift * 0.08) + Double(index) * h * base * 0.95
                mirrored = false
            }
            let s = size(look, scale)
            placed.append(Placed(look: look, action: action, x: x, ground: floor, size: s, mirrored: mirrored, lift: lift(action, s)))
        }
        return placed
    }

    /// One figure in its pose, with what its action adds: motion lines, water, a bush, sleep, a heart.
    func draw(_ d: inout VectorDrawing, _ figure: Placed, framing: PictureComposition, place: PicturePlace) {
        let s = figure.size
        // Close up, the face is in the picture and the body runs off its bottom edge.
        let top = framing == .closeUp && s > figure.ground ? figure.ground * 0.06 : figure.ground - s * 0.95 - figure.lift
        let pose: FigurePose = framing == .fromBehind ? .back : figure.action == .sleeping ? .asleep : .awake
        let role = "character:\(figure.look.name)"
        let line = RGBA(255, 255, 255, 0.85)
        let back = figure.mirrored ? 1.0 : -1.0
        if figure.action == .climbing {
            if place.isIndoors {
                Props.draw(&d, "ladder", x: figure.x + back * s * 0.1, ground: figure.ground, size: s * 1.1)
            } else {
                d.add(.rect(x: figure.x + back * s * 0.2 - s * 0.12, y: 0, width: s * 0.24, height: figure.ground, corner: 0), fill: RGBA(120, 84, 56),
                      stroke: Places.line, strokeWidth: max(1.5, s / 80), role: "tree")
            }
        }
        d.place(Figures.draw(figure.look, pose: pose, feeling: reading.feeling), dx: figure.x - s / 2, dy: top, scale: s / 200, mirrored: figure.mirrored)
        switch figure.action {
        case .running, .flying:
            for i in 0..<3 {
                let y = top + s * (0.45 + Double(i) * 0.13), x = figure.x + back * s * 0.5
                d.add(.polygon([Point(x, y), Point(x + back * s * 0.3, y)], closed: false), stroke: line, strokeWidth: max(2, s / 50), role: role + ":motion")
            }
        case .swimming where place == .underwater:
            for i in 0..<3 {
                d.add(.ellipse(cx: figure.x + s * (0.45 + Double(i) * 0.06), cy: top - Double(i) * s * 0.1, rx: s * 0.03, ry: s * 0.03),
                      stroke: RGBA(220, 240, 255, 0.9), strokeWidth: max(1.5, s / 90), role: role + ":bubbles")
            }
        case .swimming:
            d.add(.rect(x: figure.x - s * 0.6, y: top + s * 0.62, width: s * 1.2, height: s * 0.4, corner: s * 0.1), fill: RGBA(80, 150, 210, 0.55), role: role + ":water")
            d.add(.curve(start: Point(figure.x - s * 0.6, top + s * 0.62), segments: [(Point(figure.x - s * 0.3, top + s * 0.56), Point(figure.x, top + s * 0.62)),
                                                                                        (Point(figure.x + s * 0.3, top + s * 0.68), Point(figure.x + s * 0.6, top + s * 0.62))],
                          closed: false), stroke: line, strokeWidth: max(2, s / 60), role: role + ":water")
        case .hiding:
            let leaf = place == .cave || place.isIndoors ? RGBA(140, 130, 130) : RGBA(70, 140, 64)
            for dx in [-0.4, 0.0, 0.4] {
                d.add(.ellipse(cx: figure.x + s * dx, cy: figure.ground - s * 0.18, rx: s * 0.36, ry: s * 0.3), fill: leaf, stroke: Figures.outline,
                      strokeWidth: max(1.5, s / 100), role: role + ":cover")
            }
        case .sleeping:
            for (i, scale) in [1.0, 0.75, 0.55].enumerated() {
                let x = figure.x + s * (0.35 + Double(i) * 0.12), y = top + s * (0.05 - Double(i) * 0.1), z = s * 0.08 * scale
                d.add(.polygon([Point(x, y), Point(x + z, y), Point(x, y + z), Point(x + z, y + z)], closed: false), stroke: RGBA(90, 100, 170),
                      strokeWidth: max(2, s / 70), role: role + ":asleep")
            }
        case .hugging where !figure.mirrored:
            let x = figure.x + s * 0.55, y = top + s * 0.15, r = s * 0.06
            d.add(.polygon([Point(x, y + r * 2.2), Point(x - r * 2, y), Point(x - r, y - r), Point(x, y), Point(x + r, y - r), Point(x + r * 2, y)], closed: true),
                  fill: RGBA(230, 80, 100), role: role + ":heart")
        default: break
        }
    }

    /// The key thing (held, reached for, broken or standing by) and the other things named.
    func things(_ d: inout VectorDrawing, placed: [Placed], w: Double, h: Double, ground: Double, framing: PictureComposition, hour: PictureHour) {
        var free: [Double] = [w * 0.88, w * 0.12, w * 0.7]
        let lit = hour == .night || hour == .dusk
        func spot(avoiding figures: [Placed]) -> Double {
            let x = free.first { x in !figures.contains { abs($0.x - x) < $0.size * 0.5 } } ?? free.first ?? w * 0.5
            free.removeAll { $0 == x }
            return x
        }
        var handed = false
        let holder = placed.first { [.holding, .reaching].contains($0.action) }
        if let key = reading.keyThing, ![.hidden, .outOfReach].contains(reading.keyThingShown) {
            let broken = reading.keyThingShown == .broken
            if let holder, framing != .closeUp, !broken || holder.action == .holding {
                handed = true
                hold(&d, key, by: holder, broken: broken, lit: lit)
            } else if framing == .closeUp, let hero = placed.first {
                Props.draw(&d, key, x: min(w - h * 0.2, hero.x + hero.size * 0.6), ground: h * 0.97, size: h * 0.4, broken: broken, lit: lit)
            } else {
                let hero = placed.first
                let big = PageComposer.bigThings.contains(key)
                let size = (hero?.size ?? h * 0.3) * (big ? 0.9 : 0.42)
                var x = (hero?.x ?? w * 0.5) + (hero?.mirrored == true ? -1 : 1) * (hero?.size ?? 100) * (big ? 0.95 : 0.62)
                if placed.dropFirst().contains(where: { abs($0.x - x) < $0.size * 0.4 }) || x > w - size * 0.4 || x < size * 0.4 { x = spot(avoiding: placed) }
                Props.draw(&d, key, x: x, ground: hero?.ground ?? ground, size: max(size, h * 0.08), broken: broken, lit: lit)
            }
        }
        for (index, thing) in reading.things.enumerated() {
            if index == 0, !handed, let holder, framing != .closeUp {
                hold(&d, thing, by: holder, broken: false, lit: lit)
                handed = true
                continue
            }
            let big = PageComposer.bigThings.contains(thing)
            Props.draw(&d, thing, x: spot(avoiding: placed), ground: ground, size: h * (big ? 0.3 : 0.13), lit: lit)
        }
    }

    /// `thing` in `holder`'s hands (in front, at chest height) or held up high when reaching.
    func hold(_ d: inout VectorDrawing, _ thing: String, by holder: Placed, broken: Bool, lit: Bool) {
        let s = holder.size, front = holder.mirrored ? -1.0 : 1.0
        let big = PageComposer.bigThings.contains(thing)
        let size = s * (big ? 0.6 : 0.34)
        if holder.action == .reaching {
            Props.draw(&d, thing, x: holder.x + front * s * 0.28, ground: holder.ground - holder.lift - s * 0.98, size: size, broken: broken, lit: lit)
        } else {
            Props.draw(&d, thing, x: holder.x + front * s * 0.46, ground: holder.ground - holder.lift - s * (big ? 0.02 : 0.2), size: size, broken: broken, lit: lit)
        }
    }
}
