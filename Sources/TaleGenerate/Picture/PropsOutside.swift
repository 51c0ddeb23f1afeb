import Foundation
import TaleImage

extension Props {
    /// Things of the garden, the shore and the road: nature, tools, travel and weather.
    static let outside: [String: Drawer] = [
        "umbrella": { p in
            p.stroke(Props.path([(50, 30), (50, 92), (44, 98), (38, 92)]), line, 4)
            p.fill(.curve(start: Point(8, 38), segments: [(Point(50, -20), Point(92, 38))], closed: true), red)
            for x in [22.0, 50, 78] { p.stroke(Props.path([(50, 10), (x, 38)]), line, 2) }
        },
        "net": { p in
            p.fill(.ellipse(cx: 50, cy: 62, rx: 44, ry: 36), RGBA(230, 220, 190, 0.3), 3)
            for i in 1..<6 {
                let t = Double(i) * 14
                p.stroke(Props.path([(6 + t, 34), (6 + t + 10, 96)]), RGBA(120, 100, 70), 2)
                p.stroke(Props.path([(8, 20 + t), (92, 26 + t)]), RGBA(120, 100, 70), 2)
            }
        },
        "boat": { p in
            p.fill(Props.poly([(4, 62), (96, 62), (80, 96), (20, 96)]), red)
            p.stroke(Props.path([(50, 62), (50, 6)]), brown, 4)
            p.fill(Props.poly([(52, 8), (52, 58), (88, 58)]), white)
        },
        "tree house": { p in
            p.fill(.rect(x: 42, y: 40, width: 16, height: 60, corner: 2), brown)
            p.fill(.ellipse(cx: 50, cy: 24, rx: 46, ry: 24), green, 2)
            p.fill(.rect(x: 24, y: 34, width: 52, height: 30, corner: 2), wood)
            p.fill(Props.poly([(18, 36), (50, 14), (82, 36)]), red)
            p.fill(.rect(x: 44, y: 42, width: 12, height: 22, corner: 2), RGBA(90, 60, 40), 0)
            for y in stride(from: 70.0, to: 100, by: 8) { p.stroke(Props.path([(58, y), (70, y)]), wood, 3) }
        },
        "bicycle": wheeled,
        "wheel": wheeled,
        "wagon": wheeled,
        "seed": { p in
            p.fill(.ellipse(cx: 50, cy: 66, rx: 20, ry: 28), brown)
            p.fill(.curve(start: Point(28, 52), segments: [(Point(50, 28), Point(72, 52))], closed: true), RGBA(110, 76, 46))
            p.stroke(Props.path([(50, 28), (50, 18)]), line, 3)
        },
        "shell": { p in
            p.fill(.curve(start: Point(10, 90), segments: [(Point(50, -10), Point(90, 90))], closed: true), RGBA(250, 200, 190))
            for x in [26.0, 38, 50, 62, 74] { p.stroke(Props.path([(50, 88), (x, 44)]), RGBA(220, 150, 140), 2) }
        },
        "compass": { p in
            p.fill(.ellipse(cx: 50, cy: 60, rx: 36, ry: 36), yellow)
            p.fill(.ellipse(cx: 50, cy: 60, rx: 28, ry: 28), white, 2)
            p.fill(Props.poly([(50, 36), (56, 60), (44, 60)]), red, 0)
            p.fill(Props.poly([(50, 84), (56, 60), (44, 60)]), grey, 0)
        },
        "telescope": { p in
            p.fill(Props.poly([(10, 74), (80, 30), (88, 44), (18, 88)]), RGBA(200, 160, 70))
            p.fill(.rect(x: 78, y: 24, width: 14, height: 26, corner: 3), RGBA(120, 90, 50), 2)
            p.stroke(Props.path([(48, 62), (36, 100)]), line, 3)
            p.stroke(Props.path([(48, 62), (62, 100)]), line, 3)
        },
        "bridge": { p in
            p.fill(.curve(start: Point(0, 100), segments: [(Point(50, 10), Point(100, 100))], closed: true), RGBA(180, 170, 160))
            p.fill(.curve(start: Point(20, 100), segments: [(Point(50, 50), Point(80, 100))], closed: true), RGBA(90, 140, 190), 2)
        },
        "nest": { p in
            for dx in [-12.0, 0, 12] { p.fill(.ellipse(cx: 50 + dx, cy: 66, rx: 9, ry: 11), RGBA(180, 220, 240), 1.5) }
            p.fill(.curve(start: Point(8, 70), segments: [(Point(50, 120), Point(92, 70))], closed: true), RGBA(160, 116, 70))
            for y in [78.0, 86] { p.stroke(Props.path([(16, y), (84, y - 2)]), brown, 2) }
        },
        "pebble": { p in
            p.fill(.ellipse(cx: 50, cy: 80, rx: 34, ry: 18), RGBA(170, 170, 180))
            p.fill(.ellipse(cx: 40, cy: 74, rx: 10, ry: 4), RGBA(210, 210, 220), 0)
        },
        "feather": { p in
            p.fill(.curve(start: Point(20, 96), segments: [(Point(10, 30), Point(80, 4)), (Point(70, 70), Point(20, 96))], closed: true), RGBA(120, 180, 220))
            p.stroke(Props.path([(18, 98), (72, 12)]), line, 2)
        },
        "ladder": { p in
            for x in [28.0, 72] { p.stroke(Props.path([(x, 2), (x, 100)]), wood, 6) }
            for y in stride(from: 14.0, to: 100, by: 16) { p.stroke(Props.path([(28, y), (72, y)]), wood, 5) }
        },
        "bucket": waterCarriers,
        "watering can": waterCarriers,
        "spade": { p in
            p.stroke(Props.path([(50, 4), (50, 60)]), wood, 6)
            p.fill(.rect(x: 40, y: 0, width: 20, height: 8, corner: 3), wood, 2)
            p.fill(.curve(start: Point(34, 60), segments: [(Point(34, 100), Point(50, 100)), (Point(66, 100), Point(66, 60))], closed: true), grey)
        },
        "flower": { p in
            for dx in [-24.0, 0, 24] {
                p.stroke(Props.path([(50 + dx, 100), (50 + dx, 50)]), RGBA(70, 140, 70), 4)
                for a in 0..<5 {
                    let angle = Double(a) * 2 * Double.pi / 5
                    p.fill(.ellipse(cx: 50 + dx + 9 * cos(angle), cy: 44 + 9 * sin(angle), rx: 7, ry: 7), dx == 0 ? RGBA(240, 120, 150) : yellow, 1)
                }
                p.fill(.ellipse(cx: 50 + dx, cy: 44, rx: 5, ry: 5), RGBA(250, 180, 60), 0)
            }
        },
        "leaf": { p in
            p.fill(.curve(start: Point(10, 90), segments: [(Point(10, 20), Point(90, 10)), (Point(90, 80), Point(10, 90))], closed: true), green)
            p.stroke(Props.path([(10, 90), (80, 20)]), RGBA(60, 110, 50), 2)
        },
        "tent": { p in
            p.fill(Props.poly([(6, 100), (50, 10), (94, 100)]), RGBA(230, 140, 60))
            p.fill(Props.poly([(40, 100), (50, 60), (60, 100)]), RGBA(90, 60, 40), 2)
        },
        "sled": { p in
            p.fill(.rect(x: 10, y: 60, width: 80, height: 14, corner: 4), red)
            p.stroke(.curve(start: Point(4, 90), segments: [(Point(50, 96), Point(92, 90)), (Point(100, 82), Point(94, 74))], closed: false), line, 4)
            for x in [26.0, 70] { p.stroke(Props.path([(x, 74), (x, 90)]), line, 3) }
        },
        "snowman": { p in
            p.fill(.ellipse(cx: 50, cy: 78, rx: 26, ry: 22), white)
            p.fill(.ellipse(cx: 50, cy: 40, rx: 18, ry: 18), white)
            p.fill(Props.poly([(50, 42), (68, 46), (50, 48)]), RGBA(240, 130, 40), 0)
            for dx in [-6.0, 6] { p.fill(.ellipse(cx: 50 + dx, cy: 36, rx: 2.5, ry: 2.5), line, 0) }
        },
        "sandcastle": { p in
            p.fill(.rect(x: 14, y: 56, width: 72, height: 44, corner: 0), RGBA(232, 200, 130))
            for x in [14.0, 42, 70] { p.fill(.rect(x: x, y: 36, width: 16, height: 22, corner: 0), RGBA(232, 200, 130)) }
            p.fill(Props.poly([(50, 8), (50, 36)]), line, 2)
            p.fill(Props.poly([(50, 8), (66, 14), (50, 20)]), red, 0)
        },
        "fishing rod": { p in
            p.stroke(Props.path([(10, 100), (80, 10)]), wood, 4)
            p.stroke(Props.path([(80, 10), (90, 70)]), line, 1.5)
            p.fill(.ellipse(cx: 90, cy: 74, rx: 4, ry: 5), red, 1)
        },
        "gate": { p in
            for x in [8.0, 88] { p.fill(.rect(x: x, y: 20, width: 10, height: 80, corner: 2), wood) }
            for x in stride(from: 28.0, to: 84, by: 14) { p.fill(.rect(x: x, y: 40, width: 8, height: 56, corner: 2), RGBA(200, 160, 110), 2) }
            p.stroke(Props.path([(22, 50), (84, 50)]), wood, 5)
            p.stroke(Props.path([(22, 84), (84, 84)]), wood, 5)
            if p.broken { p.stroke(Props.path([(22, 50), (84, 66)]), wood, 5) }
        },
        "sign": { p in
            p.stroke(Props.path([(50, 30), (50, 100)]), wood, 6)
            p.fill(Props.poly([(14, 12), (80, 12), (94, 26), (80, 40), (14, 40)]), RGBA(220, 180, 120))
        },
        "rope": { p in
            for r in [34.0, 24, 14] { p.picture.add(.ellipse(cx: 44, cy: 66, rx: r, ry: r * 0.7), stroke: RGBA(200, 160, 100), strokeWidth: 6, role: p.role) }
            p.stroke(.curve(start: Point(78, 66), segments: [(Point(92, 80), Point(96, 98))], closed: false), RGBA(200, 160, 100), 6)
        },
        "mushroom": { p in
            p.fill(.rect(x: 40, y: 50, width: 20, height: 50, corner: 6), white)
            p.fill(.curve(start: Point(8, 56), segments: [(Point(50, -10), Point(92, 56))], closed: true), red)
            for (x, y) in [(34.0, 36.0), (58, 28), (70, 44)] { p.fill(.ellipse(cx: x, cy: y, rx: 5, ry: 5), white, 0) }
        },
    ]

    /// bicycle, wheel and wagon, which share their drawing.
    private static func wheeled(_ p: inout PropPen) {
        if p.name == "wagon" {
            p.fill(.rect(x: 8, y: 48, width: 84, height: 32, corner: 3), red)
            p.stroke(Props.path([(92, 56), (100, 40)]), line, 3)
        }
        let wheels: [Double] = p.name == "wheel" ? [50] : [24, 76]
        for x in wheels {
            p.fill(.ellipse(cx: x, cy: p.name == "wheel" ? 58 : 78, rx: p.name == "wheel" ? 40 : 20, ry: p.name == "wheel" ? 40 : 20), RGBA(0, 0, 0, 0), 4)
            p.stroke(Props.path([(x - 14, p.name == "wheel" ? 58 : 78), (x + 14, p.name == "wheel" ? 58 : 78)]), line, 2)
        }
        if p.name == "bicycle" {
            p.stroke(Props.path([(24, 78), (44, 50), (76, 78)]), blue, 4)
            p.stroke(Props.path([(44, 50), (66, 50), (76, 78)]), blue, 4)
            p.stroke(Props.path([(66, 50), (62, 36), (72, 36)]), line, 3)
            p.fill(.rect(x: 36, y: 42, width: 18, height: 6, corner: 3), line, 0)
        }
    }

    /// bucket and watering can, which share their drawing.
    private static func waterCarriers(_ p: inout PropPen) {
        p.fill(Props.poly([(20, 44), (80, 44), (72, 98), (28, 98)]), p.name == "bucket" ? blue : green)
        if p.name == "bucket" {
            p.stroke(.curve(start: Point(20, 44), segments: [(Point(50, 4), Point(80, 44))], closed: false), line, 3)
        } else {
            p.fill(Props.poly([(78, 60), (98, 30), (100, 36), (80, 76)]), green, 2)
            p.stroke(.curve(start: Point(24, 50), segments: [(Point(6, 60), Point(26, 80))], closed: false), line, 4)
        }
    }
}
