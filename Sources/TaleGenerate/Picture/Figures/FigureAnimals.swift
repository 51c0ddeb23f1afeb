import Foundation
import TaleImage

/// Four-legged animals, birds and dragons, each kind with its own ears, tail, muzzle and markings.
enum Animals {
    static let dark = RGBA(40, 32, 30)

    /// A mammal, side on: tail, legs, body, markings, ears, head, muzzle, eye, features.
    static func mammal(_ pen: inout FigurePen) {
        let look = pen.look, kind = look.kind, word = look.species
        if kind == "toy" || kind == "monster" || kind == "monkey" { return upright(&pen) }
        let long = ["horse", "unicorn", "deer", "cow", "goat", "giraffe"].contains(kind)
        let body = word == "panda" ? RGBA(246, 244, 238) : look.body
        let limbs = word == "panda" ? RGBA(48, 44, 48) : body
        let shade = body.mixed(with: .black, 0.25)
        // Wings for a bat, behind everything.
        if kind == "bat" {
            for (tip, flip) in [(Point(40, 60), 1.0), (Point(170, 50), -1.0)] {
                pen.fill(.polygon([Point(100, 130), tip, Point(tip.x + 20 * flip, tip.y + 40), Point(tip.x + 10 * flip, tip.y + 60),
                                   Point(tip.x + 35 * flip, tip.y + 70), Point(100, 150)], closed: true), shade, part: ":wings")
            }
        }
        // The tail.
        switch kind {
        case "fox", "squirrel":
            let high = kind == "squirrel"
            pen.fill(.curve(start: Point(62, 150), segments: [(Point(4, high ? 120 : 160), Point(20, high ? 60 : 100)),
                                                              (Point(50, high ? 100 : 120), Point(66, 132))], closed: true), body)
            if kind == "fox" { pen.fill(.ellipse(cx: 20, cy: 104, rx: 10, ry: 11), word == "fox" ? .white : look.light, line: 0) }
        case "cat", "mouse", "dog", "lion", "horse", "unicorn", "cow", "giraffe", "elephant":
            let hair = ["horse", "unicorn"].contains(kind)
            pen.stroke(.curve(start: Point(60, 138), segments: [(Point(24, kind == "dog" ? 100 : 150), Point(kind == "mouse" ? 8 : 26, kind == "dog" ? 96 : 170))],
                              closed: false), hair ? look.accent.mixed(with: body, 0.3) : shade, width: hair ? 14 : kind == "mouse" ? 3 : 7)
            if ["lion", "cow", "giraffe"].contains(kind) { pen.fill(.ellipse(cx: 26, cy: 172, rx: 8, ry: 10), shade, line: 0) }
        case "pig":
            pen.stroke(.curve(start: Point(58, 140), segments: [(Point(36, 120), Point(44, 144)), (Point(52, 160), Point(34, 150))], closed: false), shade, width: 4)
        default:
            pen.fill(.ellipse(cx: 58, cy: 146, rx: kind == "otter" ? 22 : 12, ry: kind == "otter" ? 8 : 12), kind == "rabbit" ? .white : look.light, line: 2)
        }
        // Legs, then the body.
        let legTop = long ? 150.0 : 160
        let legs: [Double] = long ? [74, 92, 120, 136] : [78, 128]
        for x in legs {
            let far = x == 92 || x == 120
            pen.fill(.rect(x: x, y: legTop, width: long ? 13 : 16, height: 190 - legTop, corner: 6), far ? limbs.mixed(with: .black, 0.12) : limbs)
            if long { pen.fill(.rect(x: x, y: 182, width: 13, height: 8, corner: 2), dark, line: 0) }
        }
        if word == "sheep" || word == "lamb" {
            for (dx, dy) in [(-30.0, -10.0), (0, -22), (30, -10), (-20, 12), (20, 12), (0, 0)] {
                pen.fill(.ellipse(cx: 105 + dx, cy: 140 + dy, rx: 26, ry: 22), .white)
            }
        } else {
            pen.fill(.ellipse(cx: 105, cy: long ? 132 : 145, rx: kind == "hedgehog" ? 50 : 48, ry: long ? 30 : 36), body)
            pen.fill(.ellipse(cx: 112, cy: long ? 146 : 158, rx: 26, ry: long ? 12 : 18), word == "panda" ? body : look.light, line: 0)
        }
        // Markings on the body.
        switch word {
        case "tiger":
            for x in stride(from: 80.0, through: 130, by: 16) { pen.stroke(.polygon([Point(x, 112), Point(x + 6, 140)], closed: false), dark, width: 5) }
        case "cow":
            for (x, y, r) in [(86.0, 126.0, 12.0), (118, 140, 15), (98, 150, 9)] { pen.fill(.ellipse(cx: x, cy: y, rx: r * 1.2, ry: r), dark, line: 0) }
        case "leopard", "giraffe":
            for (x, y) in [(80.0, 122.0), (100, 114), (122, 124), (92, 140), (114, 142), (134, 112)] {
                pen.fill(.ellipse(cx: x, cy: y, rx: 7, ry: 6), RGBA(150, 96, 46), line: 0)
            }
        case "panda":
            pen.fill(.ellipse(cx: 128, cy: 132, rx: 20, ry: 26), limbs, line: 0)
        default: break
        }
        if kind == "hedgehog" {
            var spikes: [Point] = []
            for i in 0...16 {
                let angle = Double.pi * (0.95 + Double(i) / 16 * 0.85)
                let r = i % 2 == 0 ? 50.0 : 76.0
                spikes.append(Point(104 + r * cos(angle), 148 + r * sin(angle) * 0.9))
            }
            let spines = look.accent == look.body || look.age != .old ? body.mixed(with: .black, 0.3) : look.accent
            pen.fill(.polygon(spikes + [Point(140, 140), Point(60, 156)], closed: true), spines, line: 2, part: ":spines")
        }
        // The head: up on a neck for the long-faced kinds.
        let head = kind == "giraffe" ? Point(168, 30) : long ? Point(160, 82) : Point(150, 98)
        if long {
            pen.fill(.polygon([Point(118, 118), Point(head.x - 18, head.y + 2), Point(head.x + 2, head.y + 12), Point(142, 132)], closed: true), body)
            if kind == "giraffe" {
                for y in [60.0, 84, 104] { pen.fill(.ellipse(cx: 150 - (104 - y) * 0.2, cy: y, rx: 6, ry: 5), RGBA(150, 96, 46), line: 0) }
            }
            if ["horse", "unicorn", "lion"].contains(kind) {
                pen.fill(.polygon([Point(head.x - 22, head.y - 10), Point(124, 114), Point(116, 126), Point(head.x - 28, head.y + 6)], closed: true),
                         look.accent.mixed(with: body, 0.3), line: 2, part: ":mane")
            }
        }
        if kind == "lion" {
            for i in 0..<12 {
                let angle = Double(i) / 12 * 2 * Double.pi
                pen.fill(.ellipse(cx: head.x + 38 * cos(angle), cy: head.y + 34 * sin(angle), rx: 16, ry: 16),
                         word == "lion" ? RGBA(176, 96, 40) : body, line: 0, part: ":mane")
            }
        }
        ears(&pen, head: head, body: word == "panda" ? limbs : body)
        if long {
            pen.fill(.ellipse(cx: head.x, cy: head.y, rx: 22, ry: 20), body)
            pen.fill(.ellipse(cx: head.x + 22, cy: head.y + 8, rx: 18, ry: 13), kind == "cow" ? RGBA(240, 176, 180) : body.mixed(with: .white, 0.25))
            if pen.facing { pen.fill(.ellipse(cx: head.x + 32, cy: head.y + 6, rx: 2.5, ry: 2.5), dark, line: 0) }
        } else {
            pen.fill(.ellipse(cx: head.x, cy: head.y, rx: 32, ry: 29), body)
        }
        if word == "badger" && pen.facing { pen.fill(.polygon([Point(head.x - 30, head.y - 8), Point(head.x + 30, head.y - 2), Point(head.x + 30, head.y + 6),
                                                               Point(head.x - 30, head.y + 4)], closed: true), .white, line: 0) }
        if word == "panda" && pen.facing { pen.fill(.ellipse(cx: head.x + 8, cy: head.y - 6, rx: 10, ry: 12), limbs, line: 0) }
        guard pen.facing else { return }
        // The muzzle.
        switch kind {
        case "fox", "dog", "mole", "hedgehog", "badger", "mouse":
            let reach = kind == "mole" ? 52.0 : kind == "dog" ? 40 : 46
            pen.fill(.polygon([Point(head.x + 8, head.y - 2), Point(head.x + reach, head.y + 10), Point(head.x + 8, head.y + 24)], closed: true),
                     kind == "fox" ? .white : look.light, line: 2)
            pen.fill(.ellipse(cx: head.x + reach, cy: head.y + 10, rx: 5, ry: 4), kind == "mole" ? RGBA(240, 140, 160) : dark, line: 0)
        case "pig":
            pen.fill(.ellipse(cx: head.x + 28, cy: head.y + 8, rx: 10, ry: 13), RGBA(240, 150, 170), line: 2)
            for dy in [3.0, 13] { pen.fill(.ellipse(cx: head.x + 30, cy: head.y + dy, rx: 2, ry: 2.5), dark, line: 0) }
        case "elephant":
            pen.stroke(.curve(start: Point(head.x + 20, head.y + 8), segments: [(Point(head.x + 56, head.y + 40), Point(head.x + 40, head.y + 76))], closed: false),
                       body.mixed(with: .black, 0.15), width: 14)
        case _ where long: break
        default:
            pen.fill(.ellipse(cx: head.x + 14, cy: head.y + 12, rx: 16, ry: 12), look.light, line: 0)
            pen.fill(.ellipse(cx: head.x + 24, cy: head.y + 6, rx: 5, ry: 4), dark, line: 0)
        }
        if kind == "cat" || word == "tiger" || kind == "mouse" {
            for dy in [-4.0, 4] { pen.stroke(.polygon([Point(head.x + 26, head.y + 10), Point(head.x + 52, head.y + 10 + dy * 2)], closed: false), dark, width: 1.5) }
        }
        pen.eye(head.x + (long ? 4 : 6), head.y - (long ? 4 : 8), size: kind == "mole" ? 2.5 : 5)
        pen.smile(head.x + (long ? 12 : 0), head.y + (long ? 16 : 20), width: 8)
        Figures.features(&pen, neck: Point(head.x - 18, head.y + 26), top: Point(head.x - 2, head.y - (long ? 20 : 30)), eyeY: head.y - 8, eyeX: head.x + 6,
                         bodyY: 140)
    }

    /// Ears, horns or antlers for `pen`'s kind, behind the head.
    static func ears(_ pen: inout FigurePen, head: Point, body: RGBA) {
        let look = pen.look, kind = look.kind
        switch kind {
        case "rabbit":
            for dx in [-12.0, 6.0] {
                pen.fill(.ellipse(cx: head.x + dx, cy: head.y - 52, rx: 9, ry: 32), body)
                pen.fill(.ellipse(cx: head.x + dx, cy: head.y - 52, rx: 4, ry: 22), RGBA(240, 170, 180), line: 0)
            }
        case "bear", "mouse", "otter", "badger", "hedgehog", "mole", "elephant", "lion":
            let r = kind == "mouse" ? 18.0 : kind == "elephant" ? 30 : kind == "mole" ? 6 : 11
            for dx in [-20.0, 16.0] {
                pen.fill(.ellipse(cx: head.x + dx, cy: head.y - 26, rx: r, ry: r), body)
                pen.fill(.ellipse(cx: head.x + dx, cy: head.y - 26, rx: r * 0.5, ry: r * 0.5), look.light, line: 0)
            }
        case "dog", "pig", "goat":
            pen.fill(.polygon([Point(head.x - 24, head.y - 20), Point(head.x - 2, head.y - 26), Point(head.x - 30, head.y + 14)], closed: true),
                     body.mixed(with: .black, 0.2))
            if kind == "goat" {
                for dx in [-6.0, 4] {
                    pen.stroke(.curve(start: Point(head.x + dx, head.y - 16), segments: [(Point(head.x + dx - 10, head.y - 48), Point(head.x + dx - 26, head.y - 36))],
                                      closed: false), RGBA(200, 184, 150), width: 6)
                }
            }
        case "horse", "unicorn", "deer", "cow", "giraffe":
            pen.fill(.polygon([Point(head.x - 14, head.y - 14), Point(head.x - 10, head.y - 40), Point(head.x, head.y - 16)], closed: true), body)
            if kind == "unicorn" {
                pen.fill(.polygon([Point(head.x + 2, head.y - 18), Point(head.x + 22, head.y - 64), Point(head.x + 12, head.y - 16)], closed: true),
                         RGBA(250, 220, 120), line: 2, part: ":horn")
            }
            if kind == "deer" {
                for dx in [-6.0, 6] {
                    pen.stroke(.polygon([Point(head.x + dx, head.y - 18), Point(head.x + dx - 4, head.y - 60), Point(head.x + dx - 20, head.y - 74)], closed: false),
                               RGBA(150, 110, 70), width: 5, part: ":antlers")
                    pen.stroke(.polygon([Point(head.x + dx - 4, head.y - 44), Point(head.x + dx + 12, head.y - 62)], closed: false), RGBA(150, 110, 70), width: 5, part: ":antlers")
                }
            }
            if kind == "cow" {
                pen.stroke(.curve(start: Point(head.x - 6, head.y - 16), segments: [(Point(head.x - 6, head.y - 40), Point(head.x + 10, head.y - 36))], closed: false),
                           RGBA(230, 220, 190), width: 6)
            }
            if kind == "giraffe" {
                for dx in [-4.0, 6] {
                    pen.stroke(.polygon([Point(head.x + dx, head.y - 16), Point(head.x + dx, head.y - 34)], closed: false), body.mixed(with: .black, 0.3), width: 4)
                    pen.fill(.ellipse(cx: head.x + dx, cy: head.y - 36, rx: 4, ry: 4), RGBA(150, 96, 46), line: 0)
                }
            }
        case "bat":
            for dx in [-22.0, 8.0] {
                pen.fill(.polygon([Point(head.x + dx, head.y - 14), Point(head.x + dx + 6, head.y - 62), Point(head.x + dx + 22, head.y - 18)], closed: true), body)
            }
        default:
            for dx in [-22.0, 8.0] {
                pen.fill(.polygon([Point(head.x + dx, head.y - 18), Point(head.x + dx + 8, head.y - 54), Point(head.x + dx + 22, head.y - 20)], closed: true), body)
                pen.fill(.polygon([Point(head.x + dx + 5, head.y - 22), Point(head.x + dx + 9, head.y - 42), Point(head.x + dx + 16, head.y - 22)], closed: true),
                         look.light, line: 0)
            }
        }
    }

    /// A teddy, a monkey or a monster: sitting or standing up, with arms.
    static func upright(_ pen: inout FigurePen) {
        let look = pen.look, kind = look.kind, body = look.body
        if kind == "monkey" {
            pen.stroke(.curve(start: Point(76, 160), segments: [(Point(30, 170), Point(36, 120)), (Point(40, 96), Point(58, 106))], closed: false),
                       body.mixed(with: .black, 0.2), width: 6)
        }
        for x in [70.0, 112] { pen.fill(.ellipse(cx: x + 10, cy: 178, rx: 18, ry: 13), body) }
        pen.fill(.ellipse(cx: 100, cy: 140, rx: 42, ry: 44), body)
        pen.fill(.ellipse(cx: 100, cy: 148, rx: 26, ry: 28), look.light, line: 0)
        for (x, flip) in [(58.0, -1.0), (142, 1.0)] {
            pen.fill(.ellipse(cx: x, cy: 132 - (kind == "monster" ? 14 : 0), rx: 12, ry: 24), body)
            if kind == "monster" { pen.stroke(.polygon([Point(x + 4 * flip, 110), Point(x + 10 * flip, 100)], closed: false), .white, width: 3) }
        }
        let head = Point(100, 76)
        if kind == "monster" {
            for dx in [-22.0, 22] {
                pen.fill(.polygon([Point(head.x + dx - 8, head.y - 24), Point(head.x + dx * 1.5, head.y - 62), Point(head.x + dx + 8, head.y - 26)], closed: true),
                         RGBA(240, 230, 200), part: ":horns")
            }
        } else {
            for dx in [-30.0, 30] {
                pen.fill(.ellipse(cx: head.x + dx, cy: head.y - (kind == "monkey" ? 0 : 26), rx: 14, ry: 14), body)
                pen.fill(.ellipse(cx: head.x + dx, cy: head.y - (kind == "monkey" ? 0 : 26), rx: 7, ry: 7), look.light, line: 0)
            }
        }
        pen.fill(.ellipse(cx: head.x, cy: head.y, rx: kind == "monster" ? 40 : 34, ry: 32), body)
        if kind == "toy" {
            pen.stroke(.polygon([Point(86, 150), Point(94, 156), Point(86, 162)], closed: false), Figures.outline, width: 1.5, part: ":stitches")
        }
        guard pen.facing else { return }
        pen.fill(.ellipse(cx: head.x, cy: head.y + 12, rx: kind == "monkey" ? 24 : 16, ry: kind == "monkey" ? 18 : 12), look.light, line: 0)
        pen.fill(.ellipse(cx: head.x, cy: head.y + 6, rx: 5, ry: 4), Animals.dark, line: 0)
        if kind == "monster" {
            pen.eye(head.x, head.y - 10, size: 10)
        } else {
            pen.eye(head.x - 12, head.y - 8)
            pen.eye(head.x + 12, head.y - 8)
        }
        pen.smile(head.x + 6, head.y + 18)
        Figures.features(&pen, neck: Point(head.x, head.y + 30), top: Point(head.x, head.y - 30), eyeY: head.y - 8, eyeX: head.x, bodyY: 140)
    }

    /// A bird: an owl faces you with round eyes, a penguin stands upright in black and white,
    /// a hen has a comb, a duck a flat bill, a small bird a short sharp beak.
    static func bird(_ pen: inout FigurePen) {
        let look = pen.look, word = look.species
        let owl = look.kind == "owl", penguin = look.kind == "penguin", hen = look.kind == "hen"
        let duck = ["duck", "goose", "swan"].contains(word), tall = ["heron", "stork", "crane"].contains(word)
        let beakColour = RGBA(236, 150, 50)
        for x in [92.0, 112.0] {
            pen.fill(.polygon([Point(x, 168), Point(x + 4, tall ? 198 : 190), Point(x + 8, 168)], closed: true), beakColour, line: 0)
        }
        if tall { for x in [94.0, 114] { pen.stroke(.polygon([Point(x, 150), Point(x, 190)], closed: false), beakColour, width: 4) } }
        if penguin {
            pen.fill(.ellipse(cx: 100, cy: 120, rx: 40, ry: 64), look.body)
            pen.fill(.ellipse(cx: 108, cy: 130, rx: 26, ry: 50), .white, line: 0)
            for x in [64.0, 134] { pen.fill(.ellipse(cx: x, cy: 120, rx: 9, ry: 30), look.body) }
            pen.fill(.ellipse(cx: 104, cy: 62, rx: 28, ry: 26), look.body)
            guard pen.facing else { return }
            pen.fill(.polygon([Point(124, 62), Point(148, 70), Point(124, 76)], closed: true), beakColour, line: 1.5)
            pen.eye(114, 56)
            Figures.features(&pen, neck: Point(100, 86), top: Point(104, 38), eyeY: 56, eyeX: 114, bodyY: 120)
            return
        }
        pen.fill(.polygon([Point(60, 140), Point(30, hen ? 110 : 150), Point(64, 160)], closed: true), look.body.mixed(with: .black, 0.2), line: 2)
        pen.fill(.ellipse(cx: 100, cy: 130, rx: owl ? 46 : 42, ry: owl ? 50 : 40), look.body)
        pen.fill(.ellipse(cx: 108, cy: 140, rx: 26, ry: 28), look.light, line: 0)
        pen.fill(.curve(start: Point(78, 118), segments: [(Point(70, 150), Point(104, 158)), (Point(92, 130), Point(78, 118))], closed: true),
                 look.body.mixed(with: .black, 0.15), line: 2, part: ":wing")
        let head = Point(owl ? 104 : 128, owl ? 84 : tall ? 70 : 94)
        if tall { pen.fill(.polygon([Point(118, 110), Point(head.x - 8, head.y + 10), Point(head.x + 8, head.y + 14), Point(134, 118)], closed: true), look.body) }
        if owl {
            for dx in [-24.0, 14.0] {
                pen.fill(.polygon([Point(head.x + dx, head.y - 20), Point(head.x + dx + 4, head.y - 44), Point(head.x + dx + 14, head.y - 22)], closed: true), look.body, line: 2)
            }
        }
        if hen {
            for dx in [-8.0, 0, 8] { pen.fill(.ellipse(cx: head.x + dx, cy: head.y - 24, rx: 7, ry: 9), RGBA(214, 50, 50), line: 1.5) }
        }
        pen.fill(.ellipse(cx: head.x, cy: head.y, rx: owl ? 36 : 26, ry: owl ? 30 : 24), look.body)
        guard pen.facing else { return }
        if owl {
            for dx in [-13.0, 13.0] {
                pen.fill(.ellipse(cx: head.x + dx, cy: head.y, rx: 12, ry: 12), look.light, line: 0)
                pen.eye(head.x + dx, head.y, size: 6)
            }
            pen.fill(.polygon([Point(head.x - 5, head.y + 10), Point(head.x + 5, head.y + 10), Point(head.x, head.y + 20)], closed: true), beakColour, line: 0)
        } else {
            if duck {
                pen.fill(.ellipse(cx: head.x + 34, cy: head.y + 4, rx: 18, ry: 7), beakColour, line: 1.5)
            } else {
                pen.fill(.polygon([Point(head.x + 20, head.y - 4), Point(head.x + (tall ? 70 : 44), head.y + 2), Point(head.x + 20, head.y + 8)], closed: true),
                         beakColour, line: 1.5)
            }
            if hen { pen.fill(.ellipse(cx: head.x + 22, cy: head.y + 16, rx: 5, ry: 8), RGBA(214, 50, 50), line: 0) }
            pen.eye(head.x + 6, head.y - 4)
        }
        Figures.features(&pen, neck: Point(head.x - 14, head.y + 20), top: Point(head.x - 2, head.y - (owl ? 26 : 20)), eyeY: head.y - 4, eyeX: head.x + 6, bodyY: 130)
    }

    /// A dragon: long snout with nostrils, horns, bat wings, a spiked tail, scales along the back.
    static func dragon(_ pen: inout FigurePen) {
        let look = pen.look, body = look.body
        let wing = look.accent.mixed(with: .white, 0.35)
        pen.fill(.polygon([Point(96, 112), Point(44, 24), Point(60, 70), Point(26, 56), Point(50, 96), Point(20, 100), Point(86, 128)], closed: true), wing, part: ":wings")
        pen.stroke(.curve(start: Point(60, 160), segments: [(Point(10, 176), Point(8, 120))], closed: false), body, width: 14)
        pen.fill(.polygon([Point(0, 126), Point(8, 104), Point(18, 124)], closed: true), look.accent)
        for x in [76.0, 126] { pen.fill(.rect(x: x, y: 158, width: 18, height: 32, corner: 7), body) }
        pen.fill(.ellipse(cx: 104, cy: 144, rx: 50, ry: 34), body)
        for y in stride(from: 136.0, through: 166, by: 10) { pen.stroke(.polygon([Point(96, y), Point(130, y)], closed: false), look.light, width: 5) }
        for x in stride(from: 66.0, through: 126, by: 14) {
            pen.fill(.polygon([Point(x, 116), Point(x + 7, 98), Point(x + 14, 116)], closed: true), look.accent, line: 1.5)
        }
        pen.fill(.polygon([Point(128, 122), Point(146, 80), Point(160, 88), Point(146, 136)], closed: true), body)
        let head = Point(156, 74)
        for dx in [-10.0, 4] {
            pen.fill(.polygon([Point(head.x + dx, head.y - 16), Point(head.x + dx - 14, head.y - 50), Point(head.x + dx + 8, head.y - 20)], closed: true),
                     RGBA(240, 230, 200), line: 2, part: ":horns")
        }
        pen.fill(.ellipse(cx: head.x, cy: head.y, rx: 26, ry: 22), body)
        pen.fill(.rect(x: head.x + 6, y: head.y - 4, width: 40, height: 24, corner: 10), body)
        guard pen.facing else { return }
        pen.fill(.ellipse(cx: head.x + 40, cy: head.y + 2, rx: 3, ry: 2.5), Animals.dark, line: 0)
        pen.eye(head.x + 4, head.y - 8, size: 6)
        pen.stroke(.polygon([Point(head.x + 16, head.y + 14), Point(head.x + 44, head.y + 14)], closed: false), width: 2)
        Figures.features(&pen, neck: Point(head.x - 16, head.y + 30), top: Point(head.x - 4, head.y - 22), eyeY: head.y - 8, eyeX: head.x + 4, bodyY: 140)
    }
}
