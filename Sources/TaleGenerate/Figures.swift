import Foundation
import TaleImage

/// Draws a character from its look, in a 200 x 200 box, facing right, standing on y = 190.
enum Figures {
    static let outline = RGBA(58, 42, 36)

    static func draw(_ look: CharacterLook) -> VectorDrawing {
        var d = VectorDrawing(width: 200, height: 200)
        let role = "character:\(look.name)"
        switch look.plan {
        case .mammal: mammal(&d, look, role)
        case .bird: bird(&d, look, role)
        case .snail: snail(&d, look, role)
        case .fish: fish(&d, look, role)
        case .frog: frog(&d, look, role)
        case .dragon: dragon(&d, look, role)
        case .person: person(&d, look, role)
        }
        return d
    }

    static func eye(_ d: inout VectorDrawing, _ x: Double, _ y: Double, _ role: String, size: Double = 5) {
        d.add(.ellipse(cx: x, cy: y, rx: size, ry: size * 1.15), fill: RGBA(40, 32, 30), role: role)
        d.add(.ellipse(cx: x + size * 0.35, cy: y - size * 0.4, rx: size * 0.35, ry: size * 0.35), fill: .white, role: role)
    }

    static func cheek(_ d: inout VectorDrawing, _ x: Double, _ y: Double, _ role: String) {
        d.add(.ellipse(cx: x, cy: y, rx: 6, ry: 4), fill: RGBA(240, 128, 128, 0.55), role: role)
    }

    static func mammal(_ d: inout VectorDrawing, _ look: CharacterLook, _ role: String) {
        let s = look.species
        // Tail behind the body.
        switch s {
        case "fox", "squirrel", "cat", "wolf", "dog", "lion":
            let bushy = s == "fox" || s == "squirrel"
            d.add(.curve(start: Point(62, 150), segments: [(Point(10, bushy ? 150 : 140), Point(18, bushy ? 96 : 110)),
                                                           (Point(40, 120), Point(66, 132))], closed: true),
                  fill: look.body, stroke: outline, strokeWidth: 2.5, role: role)
            if s == "fox" { d.add(.ellipse(cx: 20, cy: 102, rx: 9, ry: 10), fill: look.light, role: role) }
        case "rabbit", "bear", "mouse", "hedgehog", "badger", "deer", "otter", "elephant":
            d.add(.ellipse(cx: 58, cy: 150, rx: s == "mouse" ? 6 : 12, ry: 12), fill: look.light, stroke: outline, strokeWidth: 2, role: role)
            if s == "mouse" { d.add(.curve(start: Point(56, 160), segments: [(Point(20, 180), Point(14, 140))], closed: false),
                                    stroke: outline, strokeWidth: 3, role: role) }
        default: break
        }
        // Body and legs.
        for x in [78.0, 128.0] { d.add(.rect(x: x, y: 160, width: 16, height: 30, corner: 7), fill: look.body, stroke: outline, strokeWidth: 2.5, role: role) }
        d.add(.ellipse(cx: 105, cy: 145, rx: 48, ry: 36), fill: look.body, stroke: outline, strokeWidth: 2.5, role: role)
        d.add(.ellipse(cx: 112, cy: 155, rx: 26, ry: 20), fill: look.light, role: role)
        if s == "hedgehog" {
            var spikes: [Point] = []
            for i in 0...10 {
                let angle = Double.pi * (1.05 + Double(i) / 10 * 0.9)
                let r = i % 2 == 0 ? 52.0 : 64.0
                spikes.append(Point(100 + r * cos(angle), 145 + r * sin(angle) * 0.8))
            }
            d.add(.polygon(spikes + [Point(140, 140), Point(70, 150)], closed: true), fill: look.body.mixed(with: .black, 0.25), stroke: outline, strokeWidth: 2, role: role)
        }
        // Ears, then head.
        let head = Point(150, 98)
        switch s {
        case "rabbit", "hare":
            for dx in [-12.0, 6.0] {
                d.add(.ellipse(cx: head.x + dx, cy: head.y - 50, rx: 9, ry: 30), fill: look.body, stroke: outline, strokeWidth: 2.5, role: role)
                d.add(.ellipse(cx: head.x + dx, cy: head.y - 50, rx: 4, ry: 20), fill: RGBA(240, 170, 180), role: role)
            }
        case "bear", "mouse", "otter", "badger", "hedgehog", "elephant":
            let r = s == "mouse" ? 17.0 : s == "elephant" ? 26 : 11
            for dx in [-20.0, 16.0] {
                d.add(.ellipse(cx: head.x + dx, cy: head.y - 26, rx: r, ry: r), fill: look.body, stroke: outline, strokeWidth: 2.5, role: role)
                d.add(.ellipse(cx: head.x + dx, cy: head.y - 26, rx: r * 0.5, ry: r * 0.5), fill: look.light, role: role)
            }
        default:
            for dx in [-22.0, 8.0] {
                d.add(.polygon([Point(head.x + dx, head.y - 18), Point(head.x + dx + 8, head.y - 54), Point(head.x + dx + 22, head.y - 20)], closed: true),
                      fill: look.body, stroke: outline, strokeWidth: 2.5, role: role)
                d.add(.polygon([Point(head.x + dx + 5, head.y - 22), Point(head.x + dx + 9, head.y - 42), Point(head.x + dx + 16, head.y - 22)], closed: true),
                      fill: look.light, role: role)
            }
        }
        d.add(.ellipse(cx: head.x, cy: head.y, rx: 32, ry: 29), fill: look.body, stroke: outline, strokeWidth: 2.5, role: role)
        // Muzzle: pointed for foxes, cats and wolves, round for the rest.
        if ["fox", "wolf", "dog"].contains(s) {
            d.add(.polygon([Point(head.x + 8, head.y - 2), Point(head.x + 46, head.y + 10), Point(head.x + 8, head.y + 24)], closed: true),
                  fill: look.light, stroke: outline, strokeWidth: 2, role: role)
            d.add(.ellipse(cx: head.x + 45, cy: head.y + 10, rx: 5, ry: 4), fill: RGBA(40, 32, 30), role: role)
        } else {
            d.add(.ellipse(cx: head.x + 14, cy: head.y + 12, rx: 16, ry: 12), fill: look.light, role: role)
            d.add(.ellipse(cx: head.x + 24, cy: head.y + 6, rx: 5, ry: 4), fill: RGBA(40, 32, 30), role: role)
        }
        if s == "elephant" {
            d.add(.curve(start: Point(head.x + 20, head.y + 8), segments: [(Point(head.x + 50, head.y + 40), Point(head.x + 40, head.y + 70))], closed: false),
                  stroke: look.body.mixed(with: .black, 0.2), strokeWidth: 12, role: role)
        }
        eye(&d, head.x + 6, head.y - 8, role)
        cheek(&d, head.x - 4, head.y + 14, role)
        features(&d, look, role, neck: Point(head.x - 18, head.y + 26), top: Point(head.x - 2, head.y - 30), eyeY: head.y - 8, eyeX: head.x + 6, bodyY: 145)
    }

    static func bird(_ d: inout VectorDrawing, _ look: CharacterLook, _ role: String) {
        let owl = look.species == "owl"
        let tall = look.species == "heron"
        for x in [92.0, 112.0] {
            d.add(.polygon([Point(x, 170), Point(x + 4, tall ? 196 : 190), Point(x + 8, 170)], closed: true), fill: RGBA(230, 150, 50), role: role)
        }
        d.add(.polygon([Point(60, 140), Point(30, 150), Point(64, 160)], closed: true), fill: look.body.mixed(with: .black, 0.2), stroke: outline, strokeWidth: 2, role: role)
        d.add(.ellipse(cx: 100, cy: 130, rx: owl ? 46 : 42, ry: owl ? 50 : 40), fill: look.body, stroke: outline, strokeWidth: 2.5, role: role)
        d.add(.ellipse(cx: 108, cy: 140, rx: 26, ry: 28), fill: look.light, role: role)
        d.add(.curve(start: Point(78, 118), segments: [(Point(70, 150), Point(104, 158)), (Point(92, 130), Point(78, 118))], closed: true),
              fill: look.body.mixed(with: .black, 0.15), stroke: outline, strokeWidth: 2, role: role)
        let head = Point(owl ? 104 : 128, owl ? 84 : 94)
        if owl {
            for dx in [-24.0, 14.0] {
                d.add(.polygon([Point(head.x + dx, head.y - 20), Point(head.x + dx + 4, head.y - 44), Point(head.x + dx + 14, head.y - 22)], closed: true),
                      fill: look.body, stroke: outline, strokeWidth: 2, role: role)
            }
        }
        d.add(.ellipse(cx: head.x, cy: head.y, rx: owl ? 36 : 26, ry: owl ? 30 : 24), fill: look.body, stroke: outline, strokeWidth: 2.5, role: role)
        if owl {
            for dx in [-13.0, 13.0] {
                d.add(.ellipse(cx: head.x + dx, cy: head.y, rx: 12, ry: 12), fill: look.light, role: role)
                eye(&d, head.x + dx, head.y, role, size: 6)
            }
            d.add(.polygon([Point(head.x - 5, head.y + 10), Point(head.x + 5, head.y + 10), Point(head.x, head.y + 20)], closed: true), fill: RGBA(230, 150, 50), role: role)
        } else {
            d.add(.polygon([Point(head.x + 20, head.y - 4), Point(head.x + (tall ? 64 : 44), head.y + 2), Point(head.x + 20, head.y + 8)], closed: true),
                  fill: RGBA(230, 150, 50), stroke: outline, strokeWidth: 1.5, role: role)
            eye(&d, head.x + 6, head.y - 4, role)
        }
        features(&d, look, role, neck: Point(head.x - 14, head.y + 20), top: Point(head.x - 2, head.y - (owl ? 26 : 20)), eyeY: head.y - 4, eyeX: head.x + 6, bodyY: 130)
    }

    static func snail(_ d: inout VectorDrawing, _ look: CharacterLook, _ role: String) {
        d.add(.curve(start: Point(30, 188), segments: [(Point(30, 160), Point(120, 160)), (Point(160, 150), Point(168, 118)),
                                                      (Point(188, 130), Point(182, 188))], closed: true),
              fill: look.body, stroke: outline, strokeWidth: 2.5, role: role)
        for (dx, tip) in [(160.0, Point(154, 76)), (176.0, Point(182, 80))] {
            d.add(.polygon([Point(dx, 124), tip], closed: false), stroke: look.body.mixed(with: .black, 0.3), strokeWidth: 4, role: role)
            d.add(.ellipse(cx: tip.x, cy: tip.y, rx: 7, ry: 7), fill: look.body, stroke: outline, strokeWidth: 2, role: role)
            eye(&d, tip.x + 1, tip.y, role, size: 3.5)
        }
        let shell = look.accent == look.body ? look.body.mixed(with: RGBA(232, 122, 44), 0.6) : look.accent
        for (index, r) in [52.0, 38, 25, 12].enumerated() {
            let colour = look.features.contains("stripes") && index % 2 == 1 ? shell.mixed(with: .white, 0.45) : shell
            d.add(.ellipse(cx: 92 - Double(index) * 3, cy: 118 + Double(index) * 3, rx: r, ry: r), fill: colour, stroke: outline, strokeWidth: 2.5, role: role)
        }
        cheek(&d, 172, 150, role)
        if look.features.contains("hat") || look.features.contains("cap") {
            d.add(.ellipse(cx: 92, cy: 68, rx: 22, ry: 10), fill: look.accent.mixed(with: .black, 0.2), stroke: outline, strokeWidth: 2, role: role)
        }
    }

    static func fish(_ d: inout VectorDrawing, _ look: CharacterLook, _ role: String) {
        d.add(.polygon([Point(40, 130), Point(8, 100), Point(12, 160)], closed: true), fill: look.body.mixed(with: .black, 0.15), stroke: outline, strokeWidth: 2.5, role: role)
        d.add(.ellipse(cx: 100, cy: 135, rx: 72, ry: 44), fill: look.body, stroke: outline, strokeWidth: 2.5, role: role)
        d.add(.curve(start: Point(44, 150), segments: [(Point(100, 190), Point(166, 146))], closed: true), fill: look.light, role: role)
        d.add(.polygon([Point(96, 130), Point(80, 160), Point(112, 150)], closed: true), fill: look.body.mixed(with: .black, 0.2), role: role)
        eye(&d, 140, 120, role, size: 6)
        cheek(&d, 146, 142, role)
        if look.species == "whale" {
            d.add(.polygon([Point(110, 90), Point(104, 70), Point(116, 76), Point(122, 62)], closed: false), stroke: RGBA(120, 180, 230), strokeWidth: 4, role: role)
        }
    }

    static func frog(_ d: inout VectorDrawing, _ look: CharacterLook, _ role: String) {
        for x in [60.0, 140.0] { d.add(.ellipse(cx: x, cy: 182, rx: 26, ry: 10), fill: look.body, stroke: outline, strokeWidth: 2.5, role: role) }
        d.add(.ellipse(cx: 100, cy: 145, rx: 62, ry: 44), fill: look.body, stroke: outline, strokeWidth: 2.5, role: role)
        d.add(.ellipse(cx: 100, cy: 160, rx: 40, ry: 24), fill: look.light, role: role)
        for x in [72.0, 128.0] {
            d.add(.ellipse(cx: x, cy: 104, rx: 18, ry: 18), fill: look.body, stroke: outline, strokeWidth: 2.5, role: role)
            eye(&d, x + 2, 104, role, size: 7)
        }
        d.add(.curve(start: Point(78, 140), segments: [(Point(100, 156), Point(122, 140))], closed: false), stroke: outline, strokeWidth: 3, role: role)
        features(&d, look, role, neck: Point(100, 128), top: Point(100, 86), eyeY: 104, eyeX: 100, bodyY: 145)
    }

    static func dragon(_ d: inout VectorDrawing, _ look: CharacterLook, _ role: String) {
        d.add(.polygon([Point(96, 110), Point(50, 40), Point(70, 90), Point(30, 80), Point(80, 124)], closed: true),
              fill: look.accent.mixed(with: .white, 0.3), stroke: outline, strokeWidth: 2.5, role: role)
        d.add(.curve(start: Point(60, 160), segments: [(Point(10, 170), Point(14, 120))], closed: false), stroke: look.body, strokeWidth: 12, role: role)
        mammal(&d, CharacterLook(name: look.name, species: "dragon", plan: .mammal, body: look.body, light: look.light,
                                 accent: look.accent, features: look.features, size: look.size), role)
        for x in stride(from: 70.0, through: 130, by: 15) {
            d.add(.polygon([Point(x, 112), Point(x + 7, 96), Point(x + 14, 112)], closed: true), fill: look.accent, role: role)
        }
    }

    static func person(_ d: inout VectorDrawing, _ look: CharacterLook, _ role: String) {
        let skin = look.body == CharacterBible.colours["skin"]! ? look.body : CharacterBible.colours["skin"]!
        let clothes = look.body == skin ? look.accent : look.body
        for x in [86.0, 108.0] { d.add(.rect(x: x, y: 150, width: 14, height: 40, corner: 5), fill: RGBA(70, 70, 96), stroke: outline, strokeWidth: 2, role: role) }
        d.add(.polygon([Point(78, 156), Point(90, 92), Point(114, 92), Point(128, 156)], closed: true), fill: clothes, stroke: outline, strokeWidth: 2.5, role: role)
        d.add(.rect(x: 66, y: 98, width: 14, height: 44, corner: 7), fill: clothes, stroke: outline, strokeWidth: 2, role: role)
        d.add(.rect(x: 122, y: 98, width: 14, height: 44, corner: 7), fill: clothes, stroke: outline, strokeWidth: 2, role: role)
        d.add(.ellipse(cx: 102, cy: 66, rx: 27, ry: 28), fill: skin, stroke: outline, strokeWidth: 2.5, role: role)
        let hair = look.accent == clothes ? RGBA(92, 60, 40) : look.accent.mixed(with: RGBA(92, 60, 40), 0.5)
        d.add(.curve(start: Point(74, 66), segments: [(Point(76, 30), Point(104, 36)), (Point(132, 34), Point(130, 62)), (Point(110, 48), Point(74, 66))], closed: true),
              fill: hair, stroke: outline, strokeWidth: 2, role: role)
        eye(&d, 112, 68, role, size: 4)
        cheek(&d, 104, 80, role)
        d.add(.curve(start: Point(108, 84), segments: [(Point(116, 90), Point(122, 82))], closed: false), stroke: outline, strokeWidth: 2, role: role)
        features(&d, look, role, neck: Point(102, 94), top: Point(102, 38), eyeY: 68, eyeX: 112, bodyY: 124)
    }

    /// Scarf, hat, cap, glasses, bow, crown, backpack and raincoat, in the accent colour.
    static func features(_ d: inout VectorDrawing, _ look: CharacterLook, _ role: String, neck: Point, top: Point, eyeY: Double, eyeX: Double, bodyY: Double) {
        let accent = look.accent
        for feature in look.features {
            switch feature {
            case "scarf":
                d.add(.rect(x: neck.x - 24, y: neck.y - 7, width: 50, height: 14, corner: 6), fill: accent, stroke: outline, strokeWidth: 2, role: role + ":scarf")
                d.add(.polygon([Point(neck.x - 16, neck.y), Point(neck.x - 30, neck.y + 30), Point(neck.x - 18, neck.y + 32), Point(neck.x - 6, neck.y + 4)], closed: true),
                      fill: accent, stroke: outline, strokeWidth: 2, role: role + ":scarf")
            case "hat":
                d.add(.rect(x: top.x - 30, y: top.y - 2, width: 60, height: 8, corner: 3), fill: accent, stroke: outline, strokeWidth: 2, role: role + ":hat")
                d.add(.rect(x: top.x - 18, y: top.y - 30, width: 36, height: 30, corner: 4), fill: accent, stroke: outline, strokeWidth: 2, role: role + ":hat")
            case "cap":
                d.add(.curve(start: Point(top.x - 24, top.y + 6), segments: [(Point(top.x, top.y - 30), Point(top.x + 24, top.y + 6))], closed: true),
                      fill: accent, stroke: outline, strokeWidth: 2, role: role + ":cap")
                d.add(.rect(x: top.x + 14, y: top.y + 1, width: 24, height: 6, corner: 3), fill: accent.mixed(with: .black, 0.2), role: role + ":cap")
            case "glasses":
                for dx in [-10.0, 8.0] {
                    d.add(.ellipse(cx: eyeX + dx, cy: eyeY, rx: 8, ry: 8), stroke: outline, strokeWidth: 2, role: role + ":glasses")
                }
            case "bow":
                d.add(.polygon([Point(top.x - 14, top.y - 8), Point(top.x, top.y), Point(top.x - 14, top.y + 8)], closed: true), fill: accent, stroke: outline, strokeWidth: 1.5, role: role + ":bow")
                d.add(.polygon([Point(top.x + 14, top.y - 8), Point(top.x, top.y), Point(top.x + 14, top.y + 8)], closed: true), fill: accent, stroke: outline, strokeWidth: 1.5, role: role + ":bow")
            case "crown":
                d.add(.polygon([Point(top.x - 16, top.y), Point(top.x - 16, top.y - 18), Point(top.x - 8, top.y - 8), Point(top.x, top.y - 22),
                                Point(top.x + 8, top.y - 8), Point(top.x + 16, top.y - 18), Point(top.x + 16, top.y)], closed: true),
                      fill: RGBA(242, 196, 58), stroke: outline, strokeWidth: 2, role: role + ":crown")
            case "backpack":
                d.add(.rect(x: neck.x - 60, y: bodyY - 26, width: 30, height: 40, corner: 8), fill: accent, stroke: outline, strokeWidth: 2, role: role + ":backpack")
            case "raincoat":
                d.add(.rect(x: neck.x - 28, y: neck.y + 2, width: 56, height: 12, corner: 5), fill: accent, stroke: outline, strokeWidth: 2, role: role + ":raincoat")
            default: break
            }
        }
    }
}
