import Foundation
import TaleImage

/// Sea creatures, insects and spiders, snails, frogs and things with faces.
enum SmallFolk {
    static let dark = RGBA(40, 32, 30)

    /// Fish, sharks, seahorses, dolphins, whales, seals, turtles, crabs, octopuses and jellyfish.
    static func sea(_ pen: inout FigurePen) {
        let look = pen.look, body = look.body, word = look.species
        switch look.kind {
        case "turtle":
            for x in [62.0, 134] { pen.fill(.ellipse(cx: x, cy: 176, rx: 18, ry: 10), body.mixed(with: .white, 0.2)) }
            pen.fill(.ellipse(cx: 166, cy: 140, rx: 22, ry: 18), body.mixed(with: .white, 0.2))
            pen.fill(.curve(start: Point(44, 170), segments: [(Point(100, 60), Point(156, 170))], closed: true), look.accent == body ? body.mixed(with: .black, 0.3) : look.accent.mixed(with: body, 0.5),
                     part: ":shell")
            for (x, y) in [(84.0, 136.0), (116, 136), (100, 116), (70, 156), (130, 156), (100, 154)] {
                pen.stroke(.polygon((0..<6).map { Point(x + 10 * cos(Double($0) * .pi / 3), y + 10 * sin(Double($0) * .pi / 3)) }, closed: true),
                           Figures.outline, width: 1.5, part: ":shell")
            }
            pen.eye(172, 134)
            pen.smile(178, 146, width: 6)
        case "crab":
            for i in 0..<3 {
                for flip in [-1.0, 1.0] {
                    let x = 100 + flip * (30 + Double(i) * 12)
                    pen.stroke(.polygon([Point(100 + flip * 20, 160), Point(x, 170), Point(x + flip * 8, 190)], closed: false), body.mixed(with: .black, 0.2), width: 5)
                }
            }
            pen.fill(.ellipse(cx: 100, cy: 150, rx: 56, ry: 30), body)
            for flip in [-1.0, 1.0] {
                pen.stroke(.polygon([Point(100 + flip * 40, 140), Point(100 + flip * 62, 110)], closed: false), body, width: 8)
                pen.fill(.polygon([Point(100 + flip * 52, 110), Point(100 + flip * 70, 78), Point(100 + flip * 64, 104), Point(100 + flip * 82, 96), Point(100 + flip * 70, 116)],
                                  closed: true), body, part: ":claws")
                pen.stroke(.polygon([Point(100 + flip * 12, 126), Point(100 + flip * 14, 104)], closed: false), body, width: 4)
                pen.fill(.ellipse(cx: 100 + flip * 14, cy: 100, rx: 8, ry: 8), .white, line: 2)
                if pen.facing { pen.eye(100 + flip * 14, 101, size: 4) }
            }
            pen.smile(100, 156, width: 14)
        case "octopus":
            for i in 0..<8 {
                let x = 40 + Double(i) * 17
                pen.stroke(.curve(start: Point(x + 8, 140), segments: [(Point(x - 6, 172), Point(x + 10, 188)), (Point(x + 22, 196), Point(x + 18, 180))], closed: false),
                           body, width: 11, part: ":arms")
            }
            pen.fill(.ellipse(cx: 100, cy: 100, rx: 56, ry: 58), body)
            pen.eye(82, 110, size: 7)
            pen.eye(118, 110, size: 7)
            pen.smile(100, 134, width: 16)
        case "jellyfish":
            for i in 0..<6 {
                let x = 56 + Double(i) * 18
                pen.stroke(.curve(start: Point(x, 110), segments: [(Point(x - 12, 140), Point(x, 160)), (Point(x + 12, 178), Point(x, 196))], closed: false),
                           body.mixed(with: .white, 0.3), width: 4, part: ":tentacles")
            }
            pen.fill(.curve(start: Point(40, 112), segments: [(Point(100, 10), Point(160, 112))], closed: true), body.opacity(0.85))
            pen.eye(86, 90)
            pen.eye(114, 90)
            pen.smile(100, 102, width: 10)
        case "dolphin" where ["seal", "walrus", "sea lion"].contains(word):
            pen.fill(.polygon([Point(50, 180), Point(16, 160), Point(22, 190)], closed: true), body.mixed(with: .black, 0.2))
            pen.fill(.curve(start: Point(40, 186), segments: [(Point(90, 90), Point(150, 80)), (Point(170, 150), Point(120, 190))], closed: true), body)
            pen.fill(.ellipse(cx: 150, cy: 90, rx: 28, ry: 24), body)
            pen.fill(.ellipse(cx: 110, cy: 182, rx: 22, ry: 8), body.mixed(with: .black, 0.2), part: ":flippers")
            pen.fill(.ellipse(cx: 170, cy: 98, rx: 10, ry: 8), body.mixed(with: .white, 0.3), line: 0)
            pen.fill(.ellipse(cx: 176, cy: 94, rx: 4, ry: 3), dark, line: 0)
            if word == "walrus" { for dx in [-4.0, 6] { pen.fill(.rect(x: 166 + dx, y: 104, width: 5, height: 26, corner: 2), .white, line: 1.5, part: ":tusks") } }
            pen.eye(156, 82)
            for dy in [-3.0, 3] { pen.stroke(.polygon([Point(172, 100), Point(196, 100 + dy * 3)], closed: false), dark, width: 1.5) }
        case "dolphin" where word == "whale":
            pen.fill(.polygon([Point(30, 120), Point(0, 90), Point(6, 150)], closed: true), body.mixed(with: .black, 0.15))
            pen.fill(.curve(start: Point(26, 124), segments: [(Point(90, 50), Point(190, 120)), (Point(110, 200), Point(26, 124))], closed: true), body)
            pen.fill(.curve(start: Point(60, 150), segments: [(Point(130, 176), Point(186, 130))], closed: false), look.light, line: 0)
            pen.stroke(.polygon([Point(120, 78), Point(114, 50), Point(126, 58), Point(132, 40)], closed: false), RGBA(140, 200, 240), width: 5, part: ":spout")
            pen.eye(154, 112, size: 6)
            pen.smile(166, 132, width: 12)
        case "dolphin":
            pen.fill(.polygon([Point(40, 120), Point(10, 96), Point(16, 144)], closed: true), body.mixed(with: .black, 0.15))
            pen.fill(.polygon([Point(98, 102), Point(110, 66), Point(126, 104)], closed: true), body, part: ":fin")
            pen.fill(.curve(start: Point(36, 124), segments: [(Point(100, 76), Point(164, 112)), (Point(196, 120), Point(166, 130)), (Point(100, 162), Point(36, 124))],
                            closed: true), body)
            pen.fill(.curve(start: Point(60, 136), segments: [(Point(110, 150), Point(170, 128))], closed: false), look.light, line: 0)
            pen.eye(150, 112)
            pen.smile(166, 124, width: 8)
        default:
            let shark = word == "shark"
            if word == "seahorse" {
                pen.stroke(.curve(start: Point(100, 150), segments: [(Point(120, 196), Point(80, 186)), (Point(70, 176), Point(84, 170))], closed: false), body, width: 10)
                pen.fill(.ellipse(cx: 104, cy: 110, rx: 26, ry: 44), body)
                pen.fill(.ellipse(cx: 112, cy: 60, rx: 20, ry: 16), body)
                pen.fill(.rect(x: 122, y: 58, width: 30, height: 10, corner: 4), body)
                pen.eye(112, 56)
                return
            }
            pen.fill(.polygon([Point(40, 130), Point(8, 100), Point(12, 160)], closed: true), body.mixed(with: .black, 0.15))
            if shark { pen.fill(.polygon([Point(84, 96), Point(104, 50), Point(120, 96)], closed: true), body, part: ":fin") }
            pen.fill(.ellipse(cx: 100, cy: 130, rx: shark ? 80 : 68, ry: shark ? 36 : 44), body)
            pen.fill(.curve(start: Point(44, 146), segments: [(Point(100, 186), Point(166, 142))], closed: true), look.light, line: 0)
            if !shark {
                for x in [86.0, 110] { pen.stroke(.curve(start: Point(x, 94), segments: [(Point(x + 12, 130), Point(x, 168))], closed: false), look.light, width: 5) }
            }
            pen.fill(.polygon([Point(96, 130), Point(80, 160), Point(112, 150)], closed: true), body.mixed(with: .black, 0.2), line: 0)
            pen.eye(144, 116, size: 6)
            pen.smile(156, 138, width: 8)
        }
    }

    /// Bees, butterflies, ladybirds, ants, spiders, fireflies, worms and caterpillars: drawn big in
    /// their box, since a page shows them small.
    static func bug(_ pen: inout FigurePen) {
        let look = pen.look, body = look.body
        let wing = RGBA(220, 236, 250, 0.8)
        switch look.kind {
        case "butterfly":
            let second = look.accent
            for (dx, dy, r, colour) in [(-40.0, -36.0, 40.0, body), (40, -36, 40, body), (-30, 24, 28, second), (30, 24, 28, second)] {
                pen.fill(.ellipse(cx: 100 + dx, cy: 110 + dy, rx: r, ry: r * 0.9), colour, part: ":wings")
                pen.fill(.ellipse(cx: 100 + dx * 1.1, cy: 110 + dy, rx: r * 0.3, ry: r * 0.3), .white, line: 0, part: ":wings")
            }
            pen.fill(.ellipse(cx: 100, cy: 112, rx: 9, ry: 46), dark)
            pen.fill(.ellipse(cx: 100, cy: 62, rx: 14, ry: 13), dark)
            for flip in [-1.0, 1.0] {
                pen.stroke(.curve(start: Point(100 + flip * 4, 52), segments: [(Point(100 + flip * 10, 24), Point(100 + flip * 24, 20))], closed: false), dark, width: 2.5)
            }
            pen.eye(106, 60, size: 3)
        case "spider":
            for i in 0..<4 {
                for flip in [-1.0, 1.0] {
                    let y = 132 + Double(i) * 10
                    pen.stroke(.polygon([Point(100 + flip * 20, y), Point(100 + flip * (56 + Double(i) * 6), y - 40 + Double(i) * 8),
                                         Point(100 + flip * (70 + Double(i) * 8), 190)], closed: false), body, width: 5, part: ":legs")
                }
            }
            pen.fill(.ellipse(cx: 100, cy: 150, rx: 42, ry: 36), body)
            pen.fill(.ellipse(cx: 130, cy: 132, rx: 24, ry: 22), body)
            pen.eye(136, 126, size: 5)
            pen.eye(124, 124, size: 4)
        case "worm":
            let segments = 6
            for i in 0..<segments {
                let x = 30 + Double(i) * 24, y = 168.0 - (i % 2 == 0 ? 0 : 8)
                pen.fill(.ellipse(cx: x, cy: y, rx: 20, ry: 20), i % 2 == 0 ? body : body.mixed(with: look.accent, 0.35))
            }
            pen.fill(.ellipse(cx: 172, cy: 150, rx: 26, ry: 26), body)
            for dx in [-6.0, 8] { pen.stroke(.polygon([Point(172 + dx, 126), Point(176 + dx, 108)], closed: false), dark, width: 3) }
            pen.eye(180, 144)
            pen.smile(180, 160, width: 8)
        default:
            // Bees, ladybirds, ants and fireflies: a body behind, a head in front, legs and antennae.
            let kind = look.kind
            for i in 0..<3 {
                let x = 80 + Double(i) * 22
                pen.stroke(.polygon([Point(x, 160), Point(x - 8, 176), Point(x - 2, 190)], closed: false), dark, width: 4, part: ":legs")
            }
            if kind == "firefly" {
                pen.fill(.ellipse(cx: 50, cy: 150, rx: 44, ry: 44), RGBA(255, 240, 120, 0.45), line: 0, part: ":glow")
                pen.fill(.ellipse(cx: 58, cy: 150, rx: 22, ry: 20), RGBA(255, 232, 90), part: ":glow")
            }
            if kind == "ant" {
                pen.fill(.ellipse(cx: 60, cy: 150, rx: 30, ry: 24), body)
                pen.fill(.ellipse(cx: 104, cy: 150, rx: 18, ry: 16), body)
            } else {
                pen.fill(.ellipse(cx: 96, cy: 140, rx: 50, ry: 40), kind == "firefly" ? RGBA(110, 90, 70) : body)
            }
            if kind == "bee" {
                for x in [80.0, 104] { pen.fill(.rect(x: x, y: 104, width: 12, height: 72, corner: 4), dark, line: 0, part: ":stripes") }
                pen.fill(.polygon([Point(46, 140), Point(30, 146), Point(46, 150)], closed: true), dark, line: 0)
            }
            if kind == "ladybird" {
                pen.stroke(.polygon([Point(100, 102), Point(100, 178)], closed: false), dark, width: 3)
                for (x, y) in [(76.0, 124.0), (78, 156), (120, 124), (120, 156), (98, 140)] where x != 98 {
                    pen.fill(.ellipse(cx: x, cy: y, rx: 9, ry: 9), dark, line: 0, part: ":spots")
                }
            }
            if kind == "bee" || kind == "firefly" {
                for (dx, tilt) in [(-14.0, -30.0), (10, -24)] { pen.fill(.ellipse(cx: 92 + dx, cy: 96 + tilt * 0.4, rx: 22, ry: 30), wing, line: 2, part: ":wings") }
            }
            let head = Point(kind == "ant" ? 136 : 150, kind == "ant" ? 138 : 130)
            pen.fill(.ellipse(cx: head.x, cy: head.y, rx: 24, ry: 22), kind == "ladybird" || kind == "ant" ? dark : kind == "firefly" ? RGBA(90, 70, 60) : body)
            for dx in [-6.0, 8] {
                pen.stroke(.curve(start: Point(head.x + dx, head.y - 18), segments: [(Point(head.x + dx, head.y - 50), Point(head.x + dx + 16, head.y - 52))],
                                  closed: false), dark, width: 2.5, part: ":antennae")
            }
            pen.eye(head.x + 8, head.y - 4, size: 5)
            pen.smile(head.x + 10, head.y + 8, width: 7)
        }
    }

    /// A snail: shell in spirals, a long soft foot, eyes on stalks.
    static func snail(_ pen: inout FigurePen) {
        let look = pen.look
        pen.fill(.curve(start: Point(30, 188), segments: [(Point(30, 160), Point(120, 160)), (Point(160, 150), Point(168, 118)),
                                                         (Point(188, 130), Point(182, 188))], closed: true), look.body)
        for (dx, tip) in [(160.0, Point(154, 76)), (176.0, Point(182, 80))] {
            pen.stroke(.polygon([Point(dx, 124), tip], closed: false), look.body.mixed(with: .black, 0.3), width: 4)
            pen.fill(.ellipse(cx: tip.x, cy: tip.y, rx: 7, ry: 7), look.body, line: 2)
            pen.eye(tip.x + 1, tip.y, size: 3.5)
        }
        let shell = look.accent == look.body ? look.body.mixed(with: RGBA(232, 122, 44), 0.6) : look.accent
        for (index, r) in [52.0, 38, 25, 12].enumerated() {
            let colour = look.features.contains("stripes") && index % 2 == 1 ? shell.mixed(with: .white, 0.45) : shell
            pen.fill(.ellipse(cx: 92 - Double(index) * 3, cy: 118 + Double(index) * 3, rx: r, ry: r), colour, part: ":shell")
        }
        pen.smile(176, 150, width: 7)
        if look.features.contains("hat") || look.features.contains("cap") {
            pen.fill(.ellipse(cx: 92, cy: 68, rx: 22, ry: 10), look.accent.mixed(with: .black, 0.2), line: 2, part: ":cap")
        }
    }

    /// A frog or a toad: wide mouth, eyes on top, bent legs.
    static func frog(_ pen: inout FigurePen) {
        let look = pen.look
        for x in [60.0, 140.0] { pen.fill(.ellipse(cx: x, cy: 182, rx: 26, ry: 10), look.body) }
        pen.fill(.ellipse(cx: 100, cy: 145, rx: 62, ry: 44), look.body)
        pen.fill(.ellipse(cx: 100, cy: 160, rx: 40, ry: 24), look.light, line: 0)
        if look.species == "toad" {
            for (x, y) in [(66.0, 130.0), (134, 128), (80, 118), (122, 116)] { pen.fill(.ellipse(cx: x, cy: y, rx: 5, ry: 4), look.body.mixed(with: .black, 0.25), line: 0) }
        }
        for x in [72.0, 128.0] {
            pen.fill(.ellipse(cx: x, cy: 104, rx: 18, ry: 18), look.body)
            pen.eye(x + 2, 104, size: 7)
        }
        if pen.facing { pen.stroke(.curve(start: Point(74, 140), segments: [(Point(100, 158), Point(126, 140))], closed: false), width: 3) }
        Figures.features(&pen, neck: Point(100, 128), top: Point(100, 86), eyeY: 104, eyeX: 100, bodyY: 145)
    }

    /// Things that are characters: a sock, a teapot, a train engine, a boat, each with a face.
    static func object(_ pen: inout FigurePen) {
        let look = pen.look, body = look.body
        switch look.kind {
        case "sock":
            pen.fill(.polygon([Point(70, 20), Point(130, 20), Point(130, 130), Point(176, 150), Point(176, 186), Point(90, 186), Point(70, 160)], closed: true), body)
            pen.fill(.rect(x: 66, y: 16, width: 68, height: 22, corner: 6), .white, part: ":cuff")
            if look.features.contains("stripes") {
                for y in [60.0, 90, 120] { pen.fill(.rect(x: 71, y: y, width: 58, height: 12, corner: 0), look.accent, line: 0, part: ":stripes") }
            }
            pen.fill(.ellipse(cx: 160, cy: 172, rx: 16, ry: 12), look.accent.mixed(with: .white, 0.3), line: 1.5, part: ":toe")
            pen.eye(92, 78)
            pen.eye(112, 78)
            pen.smile(104, 96, width: 12)
        case "teapot" where ["cup", "mug"].contains(look.species):
            pen.stroke(.curve(start: Point(148, 100), segments: [(Point(196, 120), Point(146, 160))], closed: false), body, width: 12, part: ":handle")
            pen.fill(.polygon([Point(44, 70), Point(156, 70), Point(144, 180), Point(56, 180)], closed: true), body)
            pen.fill(.ellipse(cx: 100, cy: 70, rx: 56, ry: 12), body.mixed(with: RGBA(120, 70, 40), 0.5))
            pen.fill(.ellipse(cx: 100, cy: 186, rx: 60, ry: 8), body.mixed(with: .black, 0.15))
            pen.eye(86, 118)
            pen.eye(114, 118)
            pen.smile(100, 140, width: 14)
        case "teapot":
            pen.stroke(.curve(start: Point(52, 110), segments: [(Point(10, 120), Point(52, 160))], closed: false), body, width: 10, part: ":handle")
            pen.fill(.polygon([Point(140, 140), Point(186, 96), Point(194, 100), Point(150, 160)], closed: true), body, part: ":spout")
            pen.fill(.ellipse(cx: 100, cy: 140, rx: 56, ry: 48), body)
            pen.fill(.ellipse(cx: 100, cy: 92, rx: 30, ry: 10), body.mixed(with: .white, 0.2))
            pen.fill(.ellipse(cx: 100, cy: 80, rx: 8, ry: 8), look.accent, line: 2)
            pen.fill(.rect(x: 50, y: 176, width: 100, height: 12, corner: 5), body.mixed(with: .black, 0.2))
            pen.eye(86, 128)
            pen.eye(114, 128)
            pen.smile(100, 150, width: 14)
        case "train":
            for x in [40.0, 90, 140] {
                pen.fill(.ellipse(cx: x, cy: 172, rx: 18, ry: 18), dark)
                pen.fill(.ellipse(cx: x, cy: 172, rx: 6, ry: 6), RGBA(200, 200, 200), line: 0)
            }
            pen.fill(.rect(x: 14, y: 60, width: 60, height: 100, corner: 4), body)
            pen.fill(.rect(x: 24, y: 72, width: 40, height: 30, corner: 3), RGBA(190, 226, 244), line: 2, part: ":window")
            pen.fill(.rect(x: 70, y: 96, width: 110, height: 64, corner: 6), body.mixed(with: .black, 0.1))
            pen.fill(.rect(x: 130, y: 60, width: 22, height: 36, corner: 2), dark, part: ":chimney")
            pen.fill(.ellipse(cx: 141, cy: 44, rx: 18, ry: 12), RGBA(230, 230, 236, 0.9), line: 0, part: ":steam")
            pen.fill(.ellipse(cx: 180, cy: 128, rx: 18, ry: 30), look.accent)
            pen.eye(176, 118, size: 4)
            pen.eye(188, 118, size: 4)
            pen.smile(184, 140, width: 9)
        default:
            pen.fill(.polygon([Point(100, 110), Point(100, 10), Point(170, 100)], closed: true), .white, part: ":sail")
            pen.stroke(.polygon([Point(100, 10), Point(100, 120)], closed: false), RGBA(120, 80, 50), width: 5)
            pen.fill(.polygon([Point(10, 120), Point(192, 120), Point(164, 180), Point(34, 180)], closed: true), body)
            pen.fill(.rect(x: 24, y: 128, width: 160, height: 10, corner: 3), look.accent, line: 0)
            pen.eye(130, 152)
            pen.eye(152, 152)
            pen.smile(142, 166, width: 12)
        }
    }
}
