import Foundation
import TaleImage

extension Props {
    /// Things of the house and the kitchen: furniture, food, clothes, lights, letters and keys.
    static let atHome: [String: Drawer] = [
        "radio": { p in
            p.fill(.rect(x: 12, y: 40, width: 76, height: 56, corner: 8), brown)
            p.fill(.ellipse(cx: 36, cy: 68, rx: 16, ry: 16), paper, 2)
            for y in [58.0, 66, 74] { p.stroke(Props.path([(24, y), (48, y)]), line, 1.5) }
            p.fill(.rect(x: 58, y: 54, width: 22, height: 10, corner: 2), yellow, 2)
            p.fill(.ellipse(cx: 69, cy: 80, rx: 6, ry: 6), grey, 2)
            p.stroke(Props.path([(70, 40), (86, 8)]), line, 3)
        },
        "cake": { p in
            p.fill(.rect(x: 14, y: 50, width: 72, height: 46, corner: 6), RGBA(250, 220, 180))
            p.fill(.curve(start: Point(14, 56), segments: [(Point(50, 40), Point(86, 56))], closed: true), RGBA(246, 160, 190), 2)
            p.fill(.rect(x: 46, y: 28, width: 8, height: 22, corner: 2), blue, 2)
            p.fill(.ellipse(cx: 50, cy: 22, rx: 5, ry: 7), yellow, 0)
            p.fill(.rect(x: 8, y: 94, width: 84, height: 6, corner: 3), white, 2)
        },
        "oven": { p in
            p.fill(.rect(x: 10, y: 14, width: 80, height: 86, corner: 6), RGBA(200, 200, 208))
            p.fill(.rect(x: 20, y: 40, width: 60, height: 46, corner: 4), p.broken ? RGBA(60, 60, 66) : RGBA(250, 170, 80), 2.5)
            for x in [26.0, 46, 66] { p.fill(.ellipse(cx: x, cy: 26, rx: 5, ry: 5), line, 0) }
        },
        "blanket": { p in
            p.fill(Props.poly([(6, 60), (94, 52), (98, 96), (2, 100)]), blue)
            for x in [26.0, 50, 74] { p.stroke(Props.path([(x, 56), (x + 2, 98)]), white, 3) }
        },
        "lantern": lights,
        "lamp": lights,
        "torch": lights,
        "candle": lights,
        "map": flatPictures,
        "picture": flatPictures,
        "letter": { p in
            p.fill(.rect(x: 10, y: 40, width: 80, height: 54, corner: 3), white)
            p.stroke(Props.path([(10, 40), (50, 72), (90, 40)]), line, 2.5)
            p.fill(.ellipse(cx: 50, cy: 70, rx: 7, ry: 7), red, 0)
        },
        "basket": baskets,
        "laundry basket": baskets,
        "book": { p in
            p.fill(Props.poly([(6, 60), (50, 70), (94, 60), (94, 96), (50, 100), (6, 96)]), white)
            p.stroke(Props.path([(50, 70), (50, 100)]), line, 2)
            p.fill(Props.poly([(2, 62), (6, 60), (6, 96), (50, 100), (94, 96), (94, 60), (98, 62), (98, 100), (2, 100)]), blue, 2)
        },
        "telephone": { p in
            p.fill(.rect(x: 14, y: 50, width: 72, height: 46, corner: 10), red)
            p.fill(.curve(start: Point(10, 46), segments: [(Point(50, 20), Point(90, 46))], closed: true), red.mixed(with: .black, 0.2))
            p.fill(.ellipse(cx: 50, cy: 74, rx: 14, ry: 14), white, 2)
        },
        "clock": { p in
            p.fill(.ellipse(cx: 50, cy: 58, rx: 38, ry: 38), white, 3)
            p.stroke(Props.path([(50, 58), (50, 32)]), line, 3)
            p.stroke(Props.path([(50, 58), (68, 64)]), line, 3)
            for (x, dx) in [(26.0, -1.0), (74, 1)] { p.fill(.ellipse(cx: x, cy: 22, rx: 10, ry: 8), red, 2); _ = dx }
        },
        "sock": { p in
            p.fill(Props.poly([(30, 10), (60, 10), (60, 64), (88, 76), (84, 96), (40, 96), (30, 80)]), red)
            for y in [26.0, 44] { p.fill(.rect(x: 31, y: y, width: 28, height: 8, corner: 0), white, 0) }
        },
        "pie": { p in
            p.fill(Props.poly([(6, 70), (94, 70), (84, 96), (16, 96)]), RGBA(200, 200, 210))
            p.fill(.curve(start: Point(8, 72), segments: [(Point(50, 30), Point(92, 72))], closed: true), RGBA(226, 170, 100))
            for x in [36.0, 50, 64] { p.stroke(Props.path([(x, 58), (x + 4, 66)]), brown, 2) }
        },
        "bread": { p in
            p.fill(.curve(start: Point(8, 96), segments: [(Point(8, 40), Point(50, 44)), (Point(92, 40), Point(92, 96))], closed: true), RGBA(214, 150, 80))
            for x in [30.0, 50, 70] { p.stroke(Props.path([(x - 6, 62), (x + 6, 54)]), RGBA(240, 200, 140), 3) }
        },
        "soup": { p in
            p.fill(.ellipse(cx: 50, cy: 40, rx: 18, ry: 8), RGBA(240, 240, 246, 0.7), 0)
            p.fill(.rect(x: 14, y: 50, width: 72, height: 46, corner: 10), RGBA(60, 60, 70))
            p.fill(.rect(x: 8, y: 48, width: 84, height: 8, corner: 4), RGBA(80, 80, 90))
        },
        "key": { p in
            p.fill(.ellipse(cx: 26, cy: 60, rx: 18, ry: 18), yellow)
            p.fill(.ellipse(cx: 26, cy: 60, rx: 7, ry: 7), white, 2)
            p.fill(.rect(x: 42, y: 56, width: 50, height: 8, corner: 2), yellow, 2)
            for x in [74.0, 86] { p.fill(.rect(x: x, y: 62, width: 6, height: 12, corner: 1), yellow, 2) }
        },
        "egg": { p in
            p.fill(.ellipse(cx: 50, cy: 62, rx: 26, ry: 34), RGBA(250, 240, 220))
            p.fill(.ellipse(cx: 40, cy: 48, rx: 6, ry: 9), white, 0)
            if p.broken { p.stroke(Props.path([(26, 60), (36, 52), (44, 62), (54, 52), (64, 62), (74, 54)]), line, 2.5) }
        },
        "hat": { p in
            p.fill(.ellipse(cx: 50, cy: 88, rx: 44, ry: 10), yellow)
            p.fill(.curve(start: Point(22, 88), segments: [(Point(24, 40), Point(50, 40)), (Point(76, 40), Point(78, 88))], closed: true), yellow)
            p.fill(.rect(x: 23, y: 70, width: 54, height: 8, corner: 2), red, 0)
        },
        "scarf": { p in
            p.fill(Props.poly([(10, 40), (90, 40), (90, 56), (10, 56)]), red)
            p.fill(Props.poly([(66, 56), (82, 56), (86, 98), (70, 98)]), red)
            for y in [70.0, 84] { p.fill(.rect(x: 70, y: y, width: 14, height: 5, corner: 0), white, 0) }
        },
        "apple": { p in
            p.fill(.ellipse(cx: 50, cy: 66, rx: 30, ry: 28), red)
            p.stroke(Props.path([(50, 40), (54, 26)]), brown, 4)
            p.fill(.ellipse(cx: 64, cy: 30, rx: 10, ry: 5), green, 1.5)
        },
        "cup": crockery,
        "teapot": crockery,
        "bowl": crockery,
        "jar": jars,
        "bottle": jars,
        "chair": { p in
            p.fill(.rect(x: 24, y: 10, width: 8, height: 90, corner: 2), wood)
            p.fill(.rect(x: 24, y: 54, width: 56, height: 10, corner: 2), wood)
            p.fill(.rect(x: 72, y: 54, width: 8, height: 46, corner: 2), wood)
        },
        "pillow": { p in
            p.fill(.rect(x: 8, y: 60, width: 84, height: 36, corner: 16), white)
            p.fill(.ellipse(cx: 50, cy: 78, rx: 20, ry: 8), RGBA(200, 220, 250), 0)
        },
        "door": { p in
            p.fill(.rect(x: 22, y: 6, width: 56, height: 94, corner: 26), RGBA(150, 90, 60))
            p.fill(.ellipse(cx: 66, cy: 60, rx: 4, ry: 4), yellow, 1.5)
        },
        "mirror": { p in
            p.fill(.ellipse(cx: 50, cy: 46, rx: 30, ry: 38), RGBA(200, 230, 245))
            p.stroke(Props.path([(36, 30), (46, 20)]), white, 3)
            p.fill(.rect(x: 44, y: 84, width: 12, height: 16, corner: 2), wood, 2)
        },
        "suitcase": { p in
            p.fill(.rect(x: 10, y: 40, width: 80, height: 56, corner: 6), brown)
            p.fill(.rect(x: 38, y: 28, width: 24, height: 14, corner: 4), RGBA(0, 0, 0, 0), 3)
            p.stroke(Props.path([(10, 62), (90, 62)]), line, 2)
        },
        "carrot": { p in
            p.fill(Props.poly([(36, 40), (64, 40), (50, 100)]), RGBA(240, 130, 40))
            for dx in [-8.0, 0, 8] { p.stroke(Props.path([(50, 40), (50 + dx, 16)]), green, 4) }
        },
        "sandwich": { p in
            p.fill(Props.poly([(10, 96), (50, 40), (90, 96)]), RGBA(240, 220, 170))
            p.stroke(Props.path([(22, 84), (78, 84)]), green, 5)
        },
        "spoon": { p in
            p.fill(.ellipse(cx: 72, cy: 30, rx: 14, ry: 20), grey)
            p.stroke(Props.path([(66, 48), (24, 98)]), grey, 6)
        },
    ]

    /// lantern, lamp, torch and candle, which share their drawing.
    private static func lights(_ p: inout PropPen) {
        if !p.broken && (p.lit || p.name != "torch") { p.picture.add(.ellipse(cx: 50, cy: 56, rx: 46, ry: 46), fill: glow, role: p.role) }
        switch p.name {
        case "lantern":
            p.stroke(.curve(start: Point(38, 30), segments: [(Point(50, 4), Point(62, 30))], closed: false), line, 3)
            p.fill(.rect(x: 32, y: 28, width: 36, height: 8, corner: 3), RGBA(90, 70, 60), 0)
            p.fill(.rect(x: 34, y: 36, width: 32, height: 50, corner: 6), p.broken ? RGBA(120, 120, 130) : RGBA(255, 214, 96))
            p.fill(.rect(x: 30, y: 86, width: 40, height: 10, corner: 3), RGBA(90, 70, 60), 0)
        case "lamp":
            p.fill(Props.poly([(30, 20), (70, 20), (82, 50), (18, 50)]), yellow)
            p.stroke(Props.path([(50, 50), (50, 92)]), line, 5)
            p.fill(.rect(x: 30, y: 90, width: 40, height: 10, corner: 3), brown, 2)
        case "torch":
            p.fill(.rect(x: 20, y: 64, width: 52, height: 18, corner: 6), grey)
            p.fill(Props.poly([(70, 60), (84, 54), (84, 92), (70, 86)]), yellow)
            if !p.broken { p.picture.add(.polygon([Point(84, 56), Point(100, 40), Point(100, 100), Point(84, 90)], closed: true), fill: glow, role: p.role) }
        default:
            p.fill(.rect(x: 40, y: 36, width: 20, height: 56, corner: 3), white)
            if !p.broken { p.fill(.ellipse(cx: 50, cy: 26, rx: 7, ry: 11), RGBA(250, 170, 60), 0) }
            p.fill(.ellipse(cx: 50, cy: 94, rx: 22, ry: 6), yellow, 2)
        }
    }

    /// map and picture, which share their drawing.
    private static func flatPictures(_ p: inout PropPen) {
        p.fill(Props.poly([(6, 30), (36, 24), (64, 32), (94, 26), (94, 94), (64, 100), (36, 92), (6, 98)]), p.name == "map" ? paper : white)
        if p.name == "map" {
            p.stroke(Props.path([(18, 80), (36, 66), (52, 74), (70, 52)]), red, 3)
            p.stroke(Props.path([(66, 44), (76, 56)]), red, 3)
            p.stroke(Props.path([(76, 44), (66, 56)]), red, 3)
        } else {
            p.fill(.ellipse(cx: 70, cy: 46, rx: 9, ry: 9), yellow, 0)
            p.fill(Props.poly([(14, 88), (40, 56), (60, 88)]), green, 0)
        }
    }

    /// basket and laundry basket, which share their drawing.
    private static func baskets(_ p: inout PropPen) {
        let tall = p.name == "laundry basket"
        if !tall { p.stroke(.curve(start: Point(20, 54), segments: [(Point(50, 4), Point(80, 54))], closed: false), wood, 5) }
        if !tall { for dx in [-16.0, 0, 16] { p.fill(.ellipse(cx: 50 + dx, cy: 52, rx: 9, ry: 9), RGBA(90, 40, 110), 1.5) } }
        if tall { for (dx, c) in [(-18.0, blue), (2, red), (20, yellow)] { p.fill(.ellipse(cx: 50 + dx, cy: 34, rx: 16, ry: 10), c, 2) } }
        p.fill(Props.poly([(12, tall ? 36 : 54), (88, tall ? 36 : 54), (78, 100), (22, 100)]), RGBA(200, 156, 96))
        for y in stride(from: tall ? 48.0 : 64, to: 96, by: 10) { p.stroke(Props.path([(16, y), (84, y)]), wood, 2) }
    }

    /// cup, teapot and bowl, which share their drawing.
    private static func crockery(_ p: inout PropPen) {
        if p.name == "teapot" {
            p.fill(Props.poly([(74, 70), (96, 46), (98, 52), (80, 84)]), blue, 2)
            p.stroke(.curve(start: Point(26, 56), segments: [(Point(4, 66), Point(26, 84))], closed: false), blue, 6)
            p.fill(.ellipse(cx: 50, cy: 72, rx: 30, ry: 26), blue)
            p.fill(.ellipse(cx: 50, cy: 44, rx: 6, ry: 6), yellow, 2)
        } else if p.name == "cup" {
            p.stroke(.curve(start: Point(70, 62), segments: [(Point(92, 72), Point(68, 88))], closed: false), red, 6)
            p.fill(Props.poly([(26, 52), (74, 52), (68, 98), (32, 98)]), red)
            p.fill(.ellipse(cx: 50, cy: 40, rx: 10, ry: 6), RGBA(240, 240, 246, 0.6), 0)
        } else {
            p.fill(.curve(start: Point(8, 62), segments: [(Point(50, 130), Point(92, 62))], closed: true), yellow)
            p.fill(.ellipse(cx: 50, cy: 62, rx: 42, ry: 7), RGBA(200, 120, 60), 2)
            if p.broken { p.stroke(Props.path([(30, 70), (38, 80), (34, 92)]), line, 2) }
        }
    }

    /// jar and bottle, which share their drawing.
    private static func jars(_ p: inout PropPen) {
        p.fill(p.name == "jar" ? .rect(x: 22, y: 40, width: 56, height: 58, corner: 10) : .curve(start: Point(30, 98), segments: [(Point(26, 40), Point(42, 36)),
                                                                                                                        (Point(42, 14), Point(58, 14)), (Point(58, 36), Point(70, 40)), (Point(74, 98), Point(30, 98))], closed: true),
             RGBA(200, 230, 240, 0.8))
        p.fill(.rect(x: p.name == "jar" ? 20 : 40, y: p.name == "jar" ? 30 : 6, width: p.name == "jar" ? 60 : 20, height: 12, corner: 3), p.name == "jar" ? red : brown, 2)
        if p.name == "jar" { p.fill(.rect(x: 24, y: 60, width: 52, height: 36, corner: 6), RGBA(240, 170, 40), 0) }
    }
}
