import Foundation
import TaleImage

extension Props {
    /// Things to play with: toys, music, make-believe and drawing.
    static let toPlay: [String: Drawer] = [
        "kite": { p in
            p.fill(Props.poly([(50, 4), (78, 34), (50, 70), (22, 34)]), red)
            p.stroke(Props.path([(50, 4), (50, 70)]), line, 2)
            p.stroke(Props.path([(22, 34), (78, 34)]), line, 2)
            p.stroke(.curve(start: Point(50, 70), segments: [(Point(30, 84), Point(50, 92)), (Point(70, 98), Point(44, 100))], closed: false), line, 2)
            for (x, y) in [(40.0, 82.0), (56, 94)] { p.fill(Props.poly([(x - 6, y - 4), (x + 6, y + 4), (x + 6, y - 4), (x - 6, y + 4)]), yellow, 1.5) }
        },
        "train": { p in
            for x in [20.0, 48, 78] { p.fill(.ellipse(cx: x, cy: 90, rx: 9, ry: 9), line, 0) }
            p.fill(.rect(x: 6, y: 30, width: 34, height: 54, corner: 3), red)
            p.fill(.rect(x: 36, y: 50, width: 58, height: 34, corner: 4), red.mixed(with: .black, 0.15))
            p.fill(.rect(x: 66, y: 30, width: 12, height: 20, corner: 2), line, 0)
            p.fill(.rect(x: 12, y: 38, width: 22, height: 16, corner: 2), RGBA(190, 226, 244), 2)
        },
        "rocket": { p in
            p.fill(Props.poly([(30, 80), (16, 100), (36, 92)]), red)
            p.fill(Props.poly([(70, 80), (84, 100), (64, 92)]), red)
            p.fill(.curve(start: Point(30, 92), segments: [(Point(20, 30), Point(50, 2)), (Point(80, 30), Point(70, 92))], closed: true), white)
            p.fill(.ellipse(cx: 50, cy: 46, rx: 10, ry: 10), RGBA(140, 200, 240), 2.5)
            if !p.broken { p.fill(Props.poly([(38, 92), (50, 100), (62, 92)]), RGBA(250, 160, 60), 0) }
        },
        "music box": { p in
            p.fill(.rect(x: 12, y: 50, width: 76, height: 46, corner: 4), RGBA(180, 110, 150))
            p.fill(Props.poly([(12, 50), (20, 20), (96, 26), (88, 50)]), RGBA(200, 140, 170))
            p.stroke(.curve(start: Point(60, 14), segments: [(Point(70, 2), Point(78, 12))], closed: false), line, 2)
            p.fill(.ellipse(cx: 58, cy: 16, rx: 4, ry: 3), line, 0)
        },
        "balloon": { p in
            p.stroke(.curve(start: Point(50, 64), segments: [(Point(40, 82), Point(54, 100))], closed: false), line, 1.5)
            p.fill(.ellipse(cx: 50, cy: 34, rx: 24, ry: 30), red)
            p.fill(Props.poly([(46, 64), (54, 64), (50, 70)]), red, 1.5)
        },
        "ball": { p in
            p.fill(.ellipse(cx: 50, cy: 66, rx: 32, ry: 32), red)
            p.stroke(.curve(start: Point(22, 54), segments: [(Point(50, 74), Point(78, 54))], closed: false), white, 6)
        },
        "drum": { p in
            p.fill(.rect(x: 14, y: 46, width: 72, height: 50, corner: 4), red)
            p.fill(.ellipse(cx: 50, cy: 46, rx: 36, ry: 10), white)
            for x in [24.0, 50, 76] { p.stroke(Props.path([(x, 56), (x + 12, 92)]), yellow, 2) }
            p.stroke(Props.path([(60, 36), (86, 10)]), wood, 4)
        },
        "bell": { p in
            p.fill(.curve(start: Point(16, 84), segments: [(Point(20, 10), Point(50, 14)), (Point(80, 10), Point(84, 84))], closed: true), yellow)
            p.fill(.ellipse(cx: 50, cy: 90, rx: 8, ry: 8), brown, 2)
        },
        "flute": { p in
            p.fill(.rect(x: 4, y: 60, width: 92, height: 12, corner: 6), RGBA(200, 200, 210))
            for x in [40.0, 54, 68, 82] { p.fill(.ellipse(cx: x, cy: 66, rx: 3, ry: 3), line, 0) }
        },
        "crown": { p in
            p.fill(Props.poly([(14, 90), (14, 40), (32, 64), (50, 30), (68, 64), (86, 40), (86, 90)]), yellow)
            for x in [32.0, 50, 68] { p.fill(.ellipse(cx: x, cy: 78, rx: 5, ry: 5), red, 0) }
        },
        "star": { p in
            p.fill(.polygon((0..<10).map { i in
                let r = i % 2 == 0 ? 44.0 : 19, angle = Double(i) * Double.pi / 5 - Double.pi / 2
                return Point(50 + r * cos(angle), 54 + r * sin(angle)) }, closed: true), yellow)
            p.stroke(.curve(start: Point(40, 60), segments: [(Point(50, 68), Point(60, 60))], closed: false), line, 2.5)
        },
        "teddy": { p in
            for dx in [-20.0, 20] { p.fill(.ellipse(cx: 50 + dx, cy: 26, rx: 10, ry: 10), RGBA(200, 150, 100)) }
            p.fill(.ellipse(cx: 50, cy: 74, rx: 28, ry: 26), RGBA(200, 150, 100))
            p.fill(.ellipse(cx: 50, cy: 38, rx: 22, ry: 20), RGBA(200, 150, 100))
            for dx in [-8.0, 8] { p.fill(.ellipse(cx: 50 + dx, cy: 36, rx: 3, ry: 3), line, 0) }
            p.fill(.ellipse(cx: 50, cy: 46, rx: 5, ry: 4), line, 0)
        },
        "present": { p in
            p.fill(.rect(x: 16, y: 46, width: 68, height: 50, corner: 3), RGBA(136, 88, 176))
            p.fill(.rect(x: 44, y: 46, width: 12, height: 50, corner: 0), yellow, 0)
            for dx in [-1.0, 1] { p.fill(.ellipse(cx: 50 + dx * 12, cy: 38, rx: 12, ry: 8), yellow, 2) }
        },
        "paintbrush": drawingTools,
        "pencil": drawingTools,
        "shield": { p in
            p.fill(.curve(start: Point(14, 20), segments: [(Point(14, 80), Point(50, 100)), (Point(86, 80), Point(86, 20))], closed: true), blue)
            p.fill(Props.poly([(44, 20), (56, 20), (56, 86), (44, 86)]), yellow, 0)
        },
        "wand": { p in
            p.stroke(Props.path([(20, 96), (70, 30)]), line, 5)
            p.fill(.polygon((0..<10).map { i in
                let r = i % 2 == 0 ? 16.0 : 7, angle = Double(i) * Double.pi / 5 - Double.pi / 2
                return Point(74 + r * cos(angle), 26 + r * sin(angle)) }, closed: true), yellow, 2)
        },
        "guitar": { p in
            p.fill(.ellipse(cx: 40, cy: 74, rx: 24, ry: 22), wood)
            p.fill(.ellipse(cx: 40, cy: 74, rx: 7, ry: 7), line, 0)
            p.fill(Props.poly([(54, 60), (88, 16), (94, 22), (60, 66)]), brown, 2)
        },
        "trumpet": { p in
            p.fill(Props.poly([(10, 60), (64, 60), (92, 42), (92, 86), (64, 68), (10, 68)]), yellow)
            for x in [30.0, 40, 50] { p.fill(.rect(x: x, y: 46, width: 6, height: 14, corner: 2), yellow, 1.5) }
        },
    ]

    /// paintbrush and pencil, which share their drawing.
    private static func drawingTools(_ p: inout PropPen) {
        if p.name == "pencil" {
            p.fill(Props.poly([(14, 84), (74, 24), (86, 36), (26, 96)]), yellow)
            p.fill(Props.poly([(14, 84), (26, 96), (6, 100)]), RGBA(240, 200, 150), 2)
        } else {
            p.stroke(Props.path([(20, 96), (70, 30)]), wood, 6)
            p.fill(.curve(start: Point(66, 34), segments: [(Point(90, 0), Point(82, 34)), (Point(76, 40), Point(66, 34))], closed: true), blue, 2)
        }
    }
}
