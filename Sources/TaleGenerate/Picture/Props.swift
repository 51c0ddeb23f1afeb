import Foundation
import TaleImage

/// The things a picture can hold: each drawn in a 100 x 100 box standing on y = 100, simple and
/// bold enough to know at thumbnail size, tagged `prop:<name>`.
public enum Props {
    /// `name` drawn standing at (`x`, `ground`), `size` units tall; broken when `broken`.
    public static func draw(_ d: inout VectorDrawing, _ name: String, x: Double, ground: Double, size: Double, broken: Bool = false, lit: Bool = false) {
        var p = VectorDrawing(width: 100, height: 100)
        let role = "prop:\(name)"
        func fill(_ o: Outline, _ c: RGBA, _ w: Double = 2.5) { p.add(o, fill: c, stroke: w > 0 ? line : nil, strokeWidth: w, role: role) }
        func stroke(_ o: Outline, _ c: RGBA = line, _ w: Double = 3) { p.add(o, stroke: c, strokeWidth: w, role: role) }
        func poly(_ points: [(Double, Double)]) -> Outline { .polygon(points.map { Point($0.0, $0.1) }, closed: true) }
        func path(_ points: [(Double, Double)]) -> Outline { .polygon(points.map { Point($0.0, $0.1) }, closed: false) }
        switch name {
        case "umbrella":
            stroke(path([(50, 30), (50, 92), (44, 98), (38, 92)]), line, 4)
            fill(.curve(start: Point(8, 38), segments: [(Point(50, -20), Point(92, 38))], closed: true), red)
            for x in [22.0, 50, 78] { stroke(path([(50, 10), (x, 38)]), line, 2) }
        case "radio":
            fill(.rect(x: 12, y: 40, width: 76, height: 56, corner: 8), brown)
            fill(.ellipse(cx: 36, cy: 68, rx: 16, ry: 16), paper, 2)
            for y in [58.0, 66, 74] { stroke(path([(24, y), (48, y)]), line, 1.5) }
            fill(.rect(x: 58, y: 54, width: 22, height: 10, corner: 2), yellow, 2)
            fill(.ellipse(cx: 69, cy: 80, rx: 6, ry: 6), grey, 2)
            stroke(path([(70, 40), (86, 8)]), line, 3)
        case "kite":
            fill(poly([(50, 4), (78, 34), (50, 70), (22, 34)]), red)
            stroke(path([(50, 4), (50, 70)]), line, 2)
            stroke(path([(22, 34), (78, 34)]), line, 2)
            stroke(.curve(start: Point(50, 70), segments: [(Point(30, 84), Point(50, 92)), (Point(70, 98), Point(44, 100))], closed: false), line, 2)
            for (x, y) in [(40.0, 82.0), (56, 94)] { fill(poly([(x - 6, y - 4), (x + 6, y + 4), (x + 6, y - 4), (x - 6, y + 4)]), yellow, 1.5) }
        case "net":
            fill(.ellipse(cx: 50, cy: 62, rx: 44, ry: 36), RGBA(230, 220, 190, 0.3), 3)
            for i in 1..<6 {
                let t = Double(i) * 14
                stroke(path([(6 + t, 34), (6 + t + 10, 96)]), RGBA(120, 100, 70), 2)
                stroke(path([(8, 20 + t), (92, 26 + t)]), RGBA(120, 100, 70), 2)
            }
        case "cake":
            fill(.rect(x: 14, y: 50, width: 72, height: 46, corner: 6), RGBA(250, 220, 180))
            fill(.curve(start: Point(14, 56), segments: [(Point(50, 40), Point(86, 56))], closed: true), RGBA(246, 160, 190), 2)
            fill(.rect(x: 46, y: 28, width: 8, height: 22, corner: 2), blue, 2)
            fill(.ellipse(cx: 50, cy: 22, rx: 5, ry: 7), yellow, 0)
            fill(.rect(x: 8, y: 94, width: 84, height: 6, corner: 3), white, 2)
        case "oven":
            fill(.rect(x: 10, y: 14, width: 80, height: 86, corner: 6), RGBA(200, 200, 208))
            fill(.rect(x: 20, y: 40, width: 60, height: 46, corner: 4), broken ? RGBA(60, 60, 66) : RGBA(250, 170, 80), 2.5)
            for x in [26.0, 46, 66] { fill(.ellipse(cx: x, cy: 26, rx: 5, ry: 5), line, 0) }
        case "blanket":
            fill(poly([(6, 60), (94, 52), (98, 96), (2, 100)]), blue)
            for x in [26.0, 50, 74] { stroke(path([(x, 56), (x + 2, 98)]), white, 3) }
        case "train":
            for x in [20.0, 48, 78] { fill(.ellipse(cx: x, cy: 90, rx: 9, ry: 9), line, 0) }
            fill(.rect(x: 6, y: 30, width: 34, height: 54, corner: 3), red)
            fill(.rect(x: 36, y: 50, width: 58, height: 34, corner: 4), red.mixed(with: .black, 0.15))
            fill(.rect(x: 66, y: 30, width: 12, height: 20, corner: 2), line, 0)
            fill(.rect(x: 12, y: 38, width: 22, height: 16, corner: 2), RGBA(190, 226, 244), 2)
        case "rocket":
            fill(poly([(30, 80), (16, 100), (36, 92)]), red)
            fill(poly([(70, 80), (84, 100), (64, 92)]), red)
            fill(.curve(start: Point(30, 92), segments: [(Point(20, 30), Point(50, 2)), (Point(80, 30), Point(70, 92))], closed: true), white)
            fill(.ellipse(cx: 50, cy: 46, rx: 10, ry: 10), RGBA(140, 200, 240), 2.5)
            if !broken { fill(poly([(38, 92), (50, 100), (62, 92)]), RGBA(250, 160, 60), 0) }
        case "lantern", "lamp", "torch", "candle":
            if !broken && (lit || name != "torch") { p.add(.ellipse(cx: 50, cy: 56, rx: 46, ry: 46), fill: glow, role: role) }
            switch name {
            case "lantern":
                stroke(.curve(start: Point(38, 30), segments: [(Point(50, 4), Point(62, 30))], closed: false), line, 3)
                fill(.rect(x: 32, y: 28, width: 36, height: 8, corner: 3), RGBA(90, 70, 60), 0)
                fill(.rect(x: 34, y: 36, width: 32, height: 50, corner: 6), broken ? RGBA(120, 120, 130) : RGBA(255, 214, 96))
                fill(.rect(x: 30, y: 86, width: 40, height: 10, corner: 3), RGBA(90, 70, 60), 0)
            case "lamp":
                fill(poly([(30, 20), (70, 20), (82, 50), (18, 50)]), yellow)
                stroke(path([(50, 50), (50, 92)]), line, 5)
                fill(.rect(x: 30, y: 90, width: 40, height: 10, corner: 3), brown, 2)
            case "torch":
                fill(.rect(x: 20, y: 64, width: 52, height: 18, corner: 6), grey)
                fill(poly([(70, 60), (84, 54), (84, 92), (70, 86)]), yellow)
                if !broken { p.add(.polygon([Point(84, 56), Point(100, 40), Point(100, 100), Point(84, 90)], closed: true), fill: glow, role: role) }
            default:
                fill(.rect(x: 40, y: 36, width: 20, height: 56, corner: 3), white)
                if !broken { fill(.ellipse(cx: 50, cy: 26, rx: 7, ry: 11), RGBA(250, 170, 60), 0) }
                fill(.ellipse(cx: 50, cy: 94, rx: 22, ry: 6), yellow, 2)
            }
        case "map", "picture":
            fill(poly([(6, 30), (36, 24), (64, 32), (94, 26), (94, 94), (64, 100), (36, 92), (6, 98)]), name == "map" ? paper : white)
            if name == "map" {
                stroke(path([(18, 80), (36, 66), (52, 74), (70, 52)]), red, 3)
                stroke(path([(66, 44), (76, 56)]), red, 3)
                stroke(path([(76, 44), (66, 56)]), red, 3)
            } else {
                fill(.ellipse(cx: 70, cy: 46, rx: 9, ry: 9), yellow, 0)
                fill(poly([(14, 88), (40, 56), (60, 88)]), green, 0)
            }
        case "letter":
            fill(.rect(x: 10, y: 40, width: 80, height: 54, corner: 3), white)
            stroke(path([(10, 40), (50, 72), (90, 40)]), line, 2.5)
            fill(.ellipse(cx: 50, cy: 70, rx: 7, ry: 7), red, 0)
        case "basket", "laundry basket":
            let tall = name == "laundry basket"
            if !tall { stroke(.curve(start: Point(20, 54), segments: [(Point(50, 4), Point(80, 54))], closed: false), wood, 5) }
            if !tall { for dx in [-16.0, 0, 16] { fill(.ellipse(cx: 50 + dx, cy: 52, rx: 9, ry: 9), RGBA(90, 40, 110), 1.5) } }
            if tall { for (dx, c) in [(-18.0, blue), (2, red), (20, yellow)] { fill(.ellipse(cx: 50 + dx, cy: 34, rx: 16, ry: 10), c, 2) } }
            fill(poly([(12, tall ? 36 : 54), (88, tall ? 36 : 54), (78, 100), (22, 100)]), RGBA(200, 156, 96))
            for y in stride(from: tall ? 48.0 : 64, to: 96, by: 10) { stroke(path([(16, y), (84, y)]), wood, 2) }
        case "boat":
            fill(poly([(4, 62), (96, 62), (80, 96), (20, 96)]), red)
            stroke(path([(50, 62), (50, 6)]), brown, 4)
            fill(poly([(52, 8), (52, 58), (88, 58)]), white)
        case "book":
            fill(poly([(6, 60), (50, 70), (94, 60), (94, 96), (50, 100), (6, 96)]), white)
            stroke(path([(50, 70), (50, 100)]), line, 2)
            fill(poly([(2, 62), (6, 60), (6, 96), (50, 100), (94, 96), (94, 60), (98, 62), (98, 100), (2, 100)]), blue, 2)
        case "tree house":
            fill(.rect(x: 42, y: 40, width: 16, height: 60, corner: 2), brown)
            fill(.ellipse(cx: 50, cy: 24, rx: 46, ry: 24), green, 2)
            fill(.rect(x: 24, y: 34, width: 52, height: 30, corner: 2), wood)
            fill(poly([(18, 36), (50, 14), (82, 36)]), red)
            fill(.rect(x: 44, y: 42, width: 12, height: 22, corner: 2), RGBA(90, 60, 40), 0)
            for y in stride(from: 70.0, to: 100, by: 8) { stroke(path([(58, y), (70, y)]), wood, 3) }
        case "telephone":
            fill(.rect(x: 14, y: 50, width: 72, height: 46, corner: 10), red)
            fill(.curve(start: Point(10, 46), segments: [(Point(50, 20), Point(90, 46))], closed: true), red.mixed(with: .black, 0.2))
            fill(.ellipse(cx: 50, cy: 74, rx: 14, ry: 14), white, 2)
        case "clock":
            fill(.ellipse(cx: 50, cy: 58, rx: 38, ry: 38), white, 3)
            stroke(path([(50, 58), (50, 32)]), line, 3)
            stroke(path([(50, 58), (68, 64)]), line, 3)
            for (x, dx) in [(26.0, -1.0), (74, 1)] { fill(.ellipse(cx: x, cy: 22, rx: 10, ry: 8), red, 2); _ = dx }
        case "music box":
            fill(.rect(x: 12, y: 50, width: 76, height: 46, corner: 4), RGBA(180, 110, 150))
            fill(poly([(12, 50), (20, 20), (96, 26), (88, 50)]), RGBA(200, 140, 170))
            stroke(.curve(start: Point(60, 14), segments: [(Point(70, 2), Point(78, 12))], closed: false), line, 2)
            fill(.ellipse(cx: 58, cy: 16, rx: 4, ry: 3), line, 0)
        case "balloon":
            stroke(.curve(start: Point(50, 64), segments: [(Point(40, 82), Point(54, 100))], closed: false), line, 1.5)
            fill(.ellipse(cx: 50, cy: 34, rx: 24, ry: 30), red)
            fill(poly([(46, 64), (54, 64), (50, 70)]), red, 1.5)
        case "sock":
            fill(poly([(30, 10), (60, 10), (60, 64), (88, 76), (84, 96), (40, 96), (30, 80)]), red)
            for y in [26.0, 44] { fill(.rect(x: 31, y: y, width: 28, height: 8, corner: 0), white, 0) }
        case "pie":
            fill(poly([(6, 70), (94, 70), (84, 96), (16, 96)]), RGBA(200, 200, 210))
            fill(.curve(start: Point(8, 72), segments: [(Point(50, 30), Point(92, 72))], closed: true), RGBA(226, 170, 100))
            for x in [36.0, 50, 64] { stroke(path([(x, 58), (x + 4, 66)]), brown, 2) }
        case "bread":
            fill(.curve(start: Point(8, 96), segments: [(Point(8, 40), Point(50, 44)), (Point(92, 40), Point(92, 96))], closed: true), RGBA(214, 150, 80))
            for x in [30.0, 50, 70] { stroke(path([(x - 6, 62), (x + 6, 54)]), RGBA(240, 200, 140), 3) }
        case "soup":
            fill(.ellipse(cx: 50, cy: 40, rx: 18, ry: 8), RGBA(240, 240, 246, 0.7), 0)
            fill(.rect(x: 14, y: 50, width: 72, height: 46, corner: 10), RGBA(60, 60, 70))
            fill(.rect(x: 8, y: 48, width: 84, height: 8, corner: 4), RGBA(80, 80, 90))
        case "bicycle", "wheel", "wagon":
            if name == "wagon" {
                fill(.rect(x: 8, y: 48, width: 84, height: 32, corner: 3), red)
                stroke(path([(92, 56), (100, 40)]), line, 3)
            }
            let wheels: [Double] = name == "wheel" ? [50] : [24, 76]
            for x in wheels {
                fill(.ellipse(cx: x, cy: name == "wheel" ? 58 : 78, rx: name == "wheel" ? 40 : 20, ry: name == "wheel" ? 40 : 20), RGBA(0, 0, 0, 0), 4)
                stroke(path([(x - 14, name == "wheel" ? 58 : 78), (x + 14, name == "wheel" ? 58 : 78)]), line, 2)
            }
            if name == "bicycle" {
                stroke(path([(24, 78), (44, 50), (76, 78)]), blue, 4)
                stroke(path([(44, 50), (66, 50), (76, 78)]), blue, 4)
                stroke(path([(66, 50), (62, 36), (72, 36)]), line, 3)
                fill(.rect(x: 36, y: 42, width: 18, height: 6, corner: 3), line, 0)
            }
        case "key":
            fill(.ellipse(cx: 26, cy: 60, rx: 18, ry: 18), yellow)
            fill(.ellipse(cx: 26, cy: 60, rx: 7, ry: 7), white, 2)
            fill(.rect(x: 42, y: 56, width: 50, height: 8, corner: 2), yellow, 2)
            for x in [74.0, 86] { fill(.rect(x: x, y: 62, width: 6, height: 12, corner: 1), yellow, 2) }
        case "ball":
            fill(.ellipse(cx: 50, cy: 66, rx: 32, ry: 32), red)
            stroke(.curve(start: Point(22, 54), segments: [(Point(50, 74), Point(78, 54))], closed: false), white, 6)
        case "drum":
            fill(.rect(x: 14, y: 46, width: 72, height: 50, corner: 4), red)
            fill(.ellipse(cx: 50, cy: 46, rx: 36, ry: 10), white)
            for x in [24.0, 50, 76] { stroke(path([(x, 56), (x + 12, 92)]), yellow, 2) }
            stroke(path([(60, 36), (86, 10)]), wood, 4)
        case "bell":
            fill(.curve(start: Point(16, 84), segments: [(Point(20, 10), Point(50, 14)), (Point(80, 10), Point(84, 84))], closed: true), yellow)
            fill(.ellipse(cx: 50, cy: 90, rx: 8, ry: 8), brown, 2)
        case "flute":
            fill(.rect(x: 4, y: 60, width: 92, height: 12, corner: 6), RGBA(200, 200, 210))
            for x in [40.0, 54, 68, 82] { fill(.ellipse(cx: x, cy: 66, rx: 3, ry: 3), line, 0) }
        case "crown":
            fill(poly([(14, 90), (14, 40), (32, 64), (50, 30), (68, 64), (86, 40), (86, 90)]), yellow)
            for x in [32.0, 50, 68] { fill(.ellipse(cx: x, cy: 78, rx: 5, ry: 5), red, 0) }
        case "egg":
            fill(.ellipse(cx: 50, cy: 62, rx: 26, ry: 34), RGBA(250, 240, 220))
            fill(.ellipse(cx: 40, cy: 48, rx: 6, ry: 9), white, 0)
            if broken { stroke(path([(26, 60), (36, 52), (44, 62), (54, 52), (64, 62), (74, 54)]), line, 2.5) }
        case "seed":
            fill(.ellipse(cx: 50, cy: 66, rx: 20, ry: 28), brown)
            fill(.curve(start: Point(28, 52), segments: [(Point(50, 28), Point(72, 52))], closed: true), RGBA(110, 76, 46))
            stroke(path([(50, 28), (50, 18)]), line, 3)
        case "shell":
            fill(.curve(start: Point(10, 90), segments: [(Point(50, -10), Point(90, 90))], closed: true), RGBA(250, 200, 190))
            for x in [26.0, 38, 50, 62, 74] { stroke(path([(50, 88), (x, 44)]), RGBA(220, 150, 140), 2) }
        case "star":
            fill(.polygon((0..<10).map { i in
                let r = i % 2 == 0 ? 44.0 : 19, angle = Double(i) * Double.pi / 5 - Double.pi / 2
                return Point(50 + r * cos(angle), 54 + r * sin(angle)) }, closed: true), yellow)
            stroke(.curve(start: Point(40, 60), segments: [(Point(50, 68), Point(60, 60))], closed: false), line, 2.5)
        case "compass":
            fill(.ellipse(cx: 50, cy: 60, rx: 36, ry: 36), yellow)
            fill(.ellipse(cx: 50, cy: 60, rx: 28, ry: 28), white, 2)
            fill(poly([(50, 36), (56, 60), (44, 60)]), red, 0)
            fill(poly([(50, 84), (56, 60), (44, 60)]), grey, 0)
        case "telescope":
            fill(poly([(10, 74), (80, 30), (88, 44), (18, 88)]), RGBA(200, 160, 70))
            fill(.rect(x: 78, y: 24, width: 14, height: 26, corner: 3), RGBA(120, 90, 50), 2)
            stroke(path([(48, 62), (36, 100)]), line, 3)
            stroke(path([(48, 62), (62, 100)]), line, 3)
        case "hat":
            fill(.ellipse(cx: 50, cy: 88, rx: 44, ry: 10), yellow)
            fill(.curve(start: Point(22, 88), segments: [(Point(24, 40), Point(50, 40)), (Point(76, 40), Point(78, 88))], closed: true), yellow)
            fill(.rect(x: 23, y: 70, width: 54, height: 8, corner: 2), red, 0)
        case "scarf":
            fill(poly([(10, 40), (90, 40), (90, 56), (10, 56)]), red)
            fill(poly([(66, 56), (82, 56), (86, 98), (70, 98)]), red)
            for y in [70.0, 84] { fill(.rect(x: 70, y: y, width: 14, height: 5, corner: 0), white, 0) }
        case "teddy":
            for dx in [-20.0, 20] { fill(.ellipse(cx: 50 + dx, cy: 26, rx: 10, ry: 10), RGBA(200, 150, 100)) }
            fill(.ellipse(cx: 50, cy: 74, rx: 28, ry: 26), RGBA(200, 150, 100))
            fill(.ellipse(cx: 50, cy: 38, rx: 22, ry: 20), RGBA(200, 150, 100))
            for dx in [-8.0, 8] { fill(.ellipse(cx: 50 + dx, cy: 36, rx: 3, ry: 3), line, 0) }
            fill(.ellipse(cx: 50, cy: 46, rx: 5, ry: 4), line, 0)
        case "bridge":
            fill(.curve(start: Point(0, 100), segments: [(Point(50, 10), Point(100, 100))], closed: true), RGBA(180, 170, 160))
            fill(.curve(start: Point(20, 100), segments: [(Point(50, 50), Point(80, 100))], closed: true), RGBA(90, 140, 190), 2)
        case "nest":
            for dx in [-12.0, 0, 12] { fill(.ellipse(cx: 50 + dx, cy: 66, rx: 9, ry: 11), RGBA(180, 220, 240), 1.5) }
            fill(.curve(start: Point(8, 70), segments: [(Point(50, 120), Point(92, 70))], closed: true), RGBA(160, 116, 70))
            for y in [78.0, 86] { stroke(path([(16, y), (84, y - 2)]), brown, 2) }
        case "present":
            fill(.rect(x: 16, y: 46, width: 68, height: 50, corner: 3), RGBA(136, 88, 176))
            fill(.rect(x: 44, y: 46, width: 12, height: 50, corner: 0), yellow, 0)
            for dx in [-1.0, 1] { fill(.ellipse(cx: 50 + dx * 12, cy: 38, rx: 12, ry: 8), yellow, 2) }
        case "pebble":
            fill(.ellipse(cx: 50, cy: 80, rx: 34, ry: 18), RGBA(170, 170, 180))
            fill(.ellipse(cx: 40, cy: 74, rx: 10, ry: 4), RGBA(210, 210, 220), 0)
        case "feather":
            fill(.curve(start: Point(20, 96), segments: [(Point(10, 30), Point(80, 4)), (Point(70, 70), Point(20, 96))], closed: true), RGBA(120, 180, 220))
            stroke(path([(18, 98), (72, 12)]), line, 2)
        case "ladder":
            for x in [28.0, 72] { stroke(path([(x, 2), (x, 100)]), wood, 6) }
            for y in stride(from: 14.0, to: 100, by: 16) { stroke(path([(28, y), (72, y)]), wood, 5) }
        case "bucket", "watering can":
            fill(poly([(20, 44), (80, 44), (72, 98), (28, 98)]), name == "bucket" ? blue : green)
            if name == "bucket" {
                stroke(.curve(start: Point(20, 44), segments: [(Point(50, 4), Point(80, 44))], closed: false), line, 3)
            } else {
                fill(poly([(78, 60), (98, 30), (100, 36), (80, 76)]), green, 2)
                stroke(.curve(start: Point(24, 50), segments: [(Point(6, 60), Point(26, 80))], closed: false), line, 4)
            }
        case "spade":
            stroke(path([(50, 4), (50, 60)]), wood, 6)
            fill(.rect(x: 40, y: 0, width: 20, height: 8, corner: 3), wood, 2)
            fill(.curve(start: Point(34, 60), segments: [(Point(34, 100), Point(50, 100)), (Point(66, 100), Point(66, 60))], closed: true), grey)
        case "apple":
            fill(.ellipse(cx: 50, cy: 66, rx: 30, ry: 28), red)
            stroke(path([(50, 40), (54, 26)]), brown, 4)
            fill(.ellipse(cx: 64, cy: 30, rx: 10, ry: 5), green, 1.5)
        case "flower":
            for dx in [-24.0, 0, 24] {
                stroke(path([(50 + dx, 100), (50 + dx, 50)]), RGBA(70, 140, 70), 4)
                for a in 0..<5 {
                    let angle = Double(a) * 2 * Double.pi / 5
                    fill(.ellipse(cx: 50 + dx + 9 * cos(angle), cy: 44 + 9 * sin(angle), rx: 7, ry: 7), dx == 0 ? RGBA(240, 120, 150) : yellow, 1)
                }
                fill(.ellipse(cx: 50 + dx, cy: 44, rx: 5, ry: 5), RGBA(250, 180, 60), 0)
            }
        case "leaf":
            fill(.curve(start: Point(10, 90), segments: [(Point(10, 20), Point(90, 10)), (Point(90, 80), Point(10, 90))], closed: true), green)
            stroke(path([(10, 90), (80, 20)]), RGBA(60, 110, 50), 2)
        case "cup", "teapot", "bowl":
            if name == "teapot" {
                fill(poly([(74, 70), (96, 46), (98, 52), (80, 84)]), blue, 2)
                stroke(.curve(start: Point(26, 56), segments: [(Point(4, 66), Point(26, 84))], closed: false), blue, 6)
                fill(.ellipse(cx: 50, cy: 72, rx: 30, ry: 26), blue)
                fill(.ellipse(cx: 50, cy: 44, rx: 6, ry: 6), yellow, 2)
            } else if name == "cup" {
                stroke(.curve(start: Point(70, 62), segments: [(Point(92, 72), Point(68, 88))], closed: false), red, 6)
                fill(poly([(26, 52), (74, 52), (68, 98), (32, 98)]), red)
                fill(.ellipse(cx: 50, cy: 40, rx: 10, ry: 6), RGBA(240, 240, 246, 0.6), 0)
            } else {
                fill(.curve(start: Point(8, 62), segments: [(Point(50, 130), Point(92, 62))], closed: true), yellow)
                fill(.ellipse(cx: 50, cy: 62, rx: 42, ry: 7), RGBA(200, 120, 60), 2)
                if broken { stroke(path([(30, 70), (38, 80), (34, 92)]), line, 2) }
            }
        case "tent":
            fill(poly([(6, 100), (50, 10), (94, 100)]), RGBA(230, 140, 60))
            fill(poly([(40, 100), (50, 60), (60, 100)]), RGBA(90, 60, 40), 2)
        case "sled":
            fill(.rect(x: 10, y: 60, width: 80, height: 14, corner: 4), red)
            stroke(.curve(start: Point(4, 90), segments: [(Point(50, 96), Point(92, 90)), (Point(100, 82), Point(94, 74))], closed: false), line, 4)
            for x in [26.0, 70] { stroke(path([(x, 74), (x, 90)]), line, 3) }
        case "snowman":
            fill(.ellipse(cx: 50, cy: 78, rx: 26, ry: 22), white)
            fill(.ellipse(cx: 50, cy: 40, rx: 18, ry: 18), white)
            fill(poly([(50, 42), (68, 46), (50, 48)]), RGBA(240, 130, 40), 0)
            for dx in [-6.0, 6] { fill(.ellipse(cx: 50 + dx, cy: 36, rx: 2.5, ry: 2.5), line, 0) }
        case "sandcastle":
            fill(.rect(x: 14, y: 56, width: 72, height: 44, corner: 0), RGBA(232, 200, 130))
            for x in [14.0, 42, 70] { fill(.rect(x: x, y: 36, width: 16, height: 22, corner: 0), RGBA(232, 200, 130)) }
            fill(poly([(50, 8), (50, 36)]), line, 2)
            fill(poly([(50, 8), (66, 14), (50, 20)]), red, 0)
        case "fishing rod":
            stroke(path([(10, 100), (80, 10)]), wood, 4)
            stroke(path([(80, 10), (90, 70)]), line, 1.5)
            fill(.ellipse(cx: 90, cy: 74, rx: 4, ry: 5), red, 1)
        case "paintbrush", "pencil":
            if name == "pencil" {
                fill(poly([(14, 84), (74, 24), (86, 36), (26, 96)]), yellow)
                fill(poly([(14, 84), (26, 96), (6, 100)]), RGBA(240, 200, 150), 2)
            } else {
                stroke(path([(20, 96), (70, 30)]), wood, 6)
                fill(.curve(start: Point(66, 34), segments: [(Point(90, 0), Point(82, 34)), (Point(76, 40), Point(66, 34))], closed: true), blue, 2)
            }
        case "jar", "bottle":
            fill(name == "jar" ? .rect(x: 22, y: 40, width: 56, height: 58, corner: 10) : .curve(start: Point(30, 98), segments: [(Point(26, 40), Point(42, 36)),
                                                                                                                            (Point(42, 14), Point(58, 14)), (Point(58, 36), Point(70, 40)), (Point(74, 98), Point(30, 98))], closed: true),
                 RGBA(200, 230, 240, 0.8))
            fill(.rect(x: name == "jar" ? 20 : 40, y: name == "jar" ? 30 : 6, width: name == "jar" ? 60 : 20, height: 12, corner: 3), name == "jar" ? red : brown, 2)
            if name == "jar" { fill(.rect(x: 24, y: 60, width: 52, height: 36, corner: 6), RGBA(240, 170, 40), 0) }
        case "chair":
            fill(.rect(x: 24, y: 10, width: 8, height: 90, corner: 2), wood)
            fill(.rect(x: 24, y: 54, width: 56, height: 10, corner: 2), wood)
            fill(.rect(x: 72, y: 54, width: 8, height: 46, corner: 2), wood)
        case "pillow":
            fill(.rect(x: 8, y: 60, width: 84, height: 36, corner: 16), white)
            fill(.ellipse(cx: 50, cy: 78, rx: 20, ry: 8), RGBA(200, 220, 250), 0)
        case "gate":
            for x in [8.0, 88] { fill(.rect(x: x, y: 20, width: 10, height: 80, corner: 2), wood) }
            for x in stride(from: 28.0, to: 84, by: 14) { fill(.rect(x: x, y: 40, width: 8, height: 56, corner: 2), RGBA(200, 160, 110), 2) }
            stroke(path([(22, 50), (84, 50)]), wood, 5)
            stroke(path([(22, 84), (84, 84)]), wood, 5)
            if broken { stroke(path([(22, 50), (84, 66)]), wood, 5) }
        case "door":
            fill(.rect(x: 22, y: 6, width: 56, height: 94, corner: 26), RGBA(150, 90, 60))
            fill(.ellipse(cx: 66, cy: 60, rx: 4, ry: 4), yellow, 1.5)
        case "sign":
            stroke(path([(50, 30), (50, 100)]), wood, 6)
            fill(poly([(14, 12), (80, 12), (94, 26), (80, 40), (14, 40)]), RGBA(220, 180, 120))
        case "rope":
            for r in [34.0, 24, 14] { p.add(.ellipse(cx: 44, cy: 66, rx: r, ry: r * 0.7), stroke: RGBA(200, 160, 100), strokeWidth: 6, role: role) }
            stroke(.curve(start: Point(78, 66), segments: [(Point(92, 80), Point(96, 98))], closed: false), RGBA(200, 160, 100), 6)
        case "mirror":
            fill(.ellipse(cx: 50, cy: 46, rx: 30, ry: 38), RGBA(200, 230, 245))
            stroke(path([(36, 30), (46, 20)]), white, 3)
            fill(.rect(x: 44, y: 84, width: 12, height: 16, corner: 2), wood, 2)
        case "suitcase":
            fill(.rect(x: 10, y: 40, width: 80, height: 56, corner: 6), brown)
            fill(.rect(x: 38, y: 28, width: 24, height: 14, corner: 4), RGBA(0, 0, 0, 0), 3)
            stroke(path([(10, 62), (90, 62)]), line, 2)
        case "carrot":
            fill(poly([(36, 40), (64, 40), (50, 100)]), RGBA(240, 130, 40))
            for dx in [-8.0, 0, 8] { stroke(path([(50, 40), (50 + dx, 16)]), green, 4) }
        case "mushroom":
            fill(.rect(x: 40, y: 50, width: 20, height: 50, corner: 6), white)
            fill(.curve(start: Point(8, 56), segments: [(Point(50, -10), Point(92, 56))], closed: true), red)
            for (x, y) in [(34.0, 36.0), (58, 28), (70, 44)] { fill(.ellipse(cx: x, cy: y, rx: 5, ry: 5), white, 0) }
        case "sandwich":
            fill(poly([(10, 96), (50, 40), (90, 96)]), RGBA(240, 220, 170))
            stroke(path([(22, 84), (78, 84)]), green, 5)
        case "shield":
            fill(.curve(start: Point(14, 20), segments: [(Point(14, 80), Point(50, 100)), (Point(86, 80), Point(86, 20))], closed: true), blue)
            fill(poly([(44, 20), (56, 20), (56, 86), (44, 86)]), yellow, 0)
        case "wand":
            stroke(path([(20, 96), (70, 30)]), line, 5)
            fill(.polygon((0..<10).map { i in
                let r = i % 2 == 0 ? 16.0 : 7, angle = Double(i) * Double.pi / 5 - Double.pi / 2
                return Point(74 + r * cos(angle), 26 + r * sin(angle)) }, closed: true), yellow, 2)
        case "guitar":
            fill(.ellipse(cx: 40, cy: 74, rx: 24, ry: 22), wood)
            fill(.ellipse(cx: 40, cy: 74, rx: 7, ry: 7), line, 0)
            fill(poly([(54, 60), (88, 16), (94, 22), (60, 66)]), brown, 2)
        case "trumpet":
            fill(poly([(10, 60), (64, 60), (92, 42), (92, 86), (64, 68), (10, 68)]), yellow)
            for x in [30.0, 40, 50] { fill(.rect(x: x, y: 46, width: 6, height: 14, corner: 2), yellow, 1.5) }
        case "spoon":
            fill(.ellipse(cx: 72, cy: 30, rx: 14, ry: 20), grey)
            stroke(path([(66, 48), (24, 98)]), grey, 6)
        default:
            fill(.rect(x: 20, y: 50, width: 60, height: 50, corner: 6), brown)
        }
        if broken && !["oven", "egg", "bowl", "gate", "rocket", "lantern", "lamp", "torch", "candle"].contains(name) {
            stroke(path([(30, 30), (44, 46), (38, 58), (54, 72)]), line, 3)
        }
        let scale = size / 100
        d.place(p, dx: x - 50 * scale, dy: ground - 100 * scale, scale: scale)
    }
}
