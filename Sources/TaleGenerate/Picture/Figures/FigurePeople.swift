import TaleImage

/// People of every age and calling, and robots.
enum People {
    static let skin = RGBA(232, 190, 150)

    /// A person, side on: legs, clothes, arms, head, hair, face, and what their kind wears.
    static func person(_ pen: inout FigurePen) {
        let look = pen.look, kind = look.kind
        let long = ["girl", "grandmother", "mother", "princess", "teacher"].contains(kind)
        let robe = ["wizard", "princess", "grandmother"].contains(kind)
        let clothes = kind == "knight" ? RGBA(176, 182, 196) : kind == "astronaut" ? RGBA(240, 240, 244) : look.body == skin ? look.accent : look.body
        let young = look.age == .young || ["girl", "boy", "child"].contains(kind)
        // A child's head is bigger for its body.
        let headR = young ? 32.0 : 26
        let head = Point(102, young ? 70 : 56)
        let neckY = head.y + headR - 2
        if look.age == .old, !robe {
            pen.stroke(.polygon([Point(150, 110), Point(158, 190)], closed: false), RGBA(120, 80, 50), width: 5, part: ":stick")
        }
        if !robe {
            for x in [86.0, 106] {
                pen.fill(.rect(x: x, y: 146, width: 14, height: 44, corner: 5), kind == "knight" ? clothes.mixed(with: .black, 0.2) : RGBA(70, 70, 96), line: 2)
            }
            for x in [84.0, 104] { pen.fill(.rect(x: x, y: 184, width: 22, height: 8, corner: 4), RGBA(60, 44, 40), line: 0) }
        }
        let hem = robe ? 190.0 : long ? 160 : 152
        pen.fill(.polygon([Point(long || robe ? 70 : 80, hem), Point(88, neckY + 4), Point(116, neckY + 4), Point(long || robe ? 134 : 126, hem)], closed: true), clothes)
        if kind == "knight" { pen.fill(.ellipse(cx: 126, cy: 124, rx: 18, ry: 24), look.accent, line: 2.5, part: ":shield") }
        if kind == "baker" || look.features.contains("apron") {
            pen.fill(.rect(x: 92, y: neckY + 14, width: 28, height: hem - neckY - 18, corner: 5), .white, line: 2, part: ":apron")
        }
        for x in [70.0, 122] { pen.fill(.rect(x: x, y: neckY + 6, width: 13, height: 46, corner: 6), clothes, line: 2) }
        for x in [76.5, 128.5] { pen.fill(.ellipse(cx: x, cy: neckY + 54, rx: 7, ry: 7), kind == "astronaut" ? clothes : skin, line: 1.5) }
        // Hair behind the head when it is long.
        if long && kind != "knight" { pen.fill(.rect(x: head.x - headR - 4, y: head.y - 6, width: headR * 1.4, height: headR * 1.6, corner: 12), look.hair, line: 2) }
        pen.fill(.ellipse(cx: head.x, cy: head.y, rx: headR, ry: headR * 1.05), skin)
        // Hair on top: short and close, or a fringe; none under a helmet.
        if !["knight", "astronaut"].contains(kind) {
            pen.fill(.curve(start: Point(head.x - headR, head.y + 2), segments: [(Point(head.x - headR, head.y - headR * 1.5), Point(head.x + 4, head.y - headR * 1.1)),
                                                                                (Point(head.x + headR * 1.2, head.y - headR), Point(head.x + headR, head.y - 6)),
                                                                                (Point(head.x + 8, head.y - headR * 0.6), Point(head.x - headR, head.y + 2))], closed: true),
                     look.hair, line: 2, part: ":hair")
        }
        if pen.facing {
            pen.eye(head.x + headR * 0.4, head.y, size: young ? 4.5 : 3.8)
            pen.smile(head.x + headR * 0.45, head.y + headR * 0.5, width: 9)
            if look.features.contains("beard") || (kind == "wizard" && look.age == .old) {
                pen.fill(.polygon([Point(head.x - 6, head.y + headR * 0.5), Point(head.x + headR, head.y + headR * 0.4), Point(head.x + 10, head.y + headR * 2.2)],
                                  closed: true), look.hair, line: 2, part: ":beard")
            }
        }
        switch kind {
        case "knight":
            pen.fill(.curve(start: Point(head.x - headR - 4, head.y + 6), segments: [(Point(head.x, head.y - headR * 2), Point(head.x + headR + 4, head.y + 6))],
                            closed: true), clothes, line: 2.5, part: ":helmet")
            pen.fill(.rect(x: head.x - 4, y: head.y - 4, width: headR + 6, height: 6, corner: 2), clothes.mixed(with: .black, 0.3), line: 0, part: ":helmet")
        case "astronaut":
            pen.fill(.ellipse(cx: head.x, cy: head.y, rx: headR + 12, ry: headR + 12), RGBA(200, 230, 250, 0.45), line: 3, part: ":helmet")
            pen.fill(.rect(x: 60, y: neckY + 8, width: 18, height: 36, corner: 4), RGBA(200, 200, 210), line: 2, part: ":air-tank")
        case "wizard":
            pen.fill(.polygon([Point(head.x - headR - 10, head.y - headR * 0.7), Point(head.x + 6, head.y - headR * 3.2), Point(head.x + headR + 10, head.y - headR * 0.7)],
                              closed: true), look.accent, line: 2.5, part: ":pointed-hat")
            pen.fill(.ellipse(cx: head.x, cy: head.y - headR * 1.5, rx: 4, ry: 4), RGBA(250, 220, 100), line: 0, part: ":pointed-hat")
        case "baker":
            for dx in [-14.0, 0, 14] { pen.fill(.ellipse(cx: head.x + dx, cy: head.y - headR - 12, rx: 14, ry: 14), .white, line: 2, part: ":chef-hat") }
            pen.fill(.rect(x: head.x - 22, y: head.y - headR - 6, width: 44, height: 12, corner: 3), .white, line: 2, part: ":chef-hat")
        default: break
        }
        Figures.features(&pen, neck: Point(head.x, neckY), top: Point(head.x, head.y - headR), eyeY: head.y, eyeX: head.x + headR * 0.4, bodyY: 120)
    }

    /// A robot: a box head with an antenna and a screen face, a box body with a dial, pincer hands, wheels.
    static func robot(_ pen: inout FigurePen) {
        let look = pen.look, metal = look.body, dark = metal.mixed(with: .black, 0.35)
        for x in [78.0, 122] {
            pen.fill(.ellipse(cx: x, cy: 176, rx: 16, ry: 16), dark)
            pen.fill(.ellipse(cx: x, cy: 176, rx: 5, ry: 5), metal, line: 0)
        }
        pen.fill(.rect(x: 62, y: 96, width: 76, height: 72, corner: 8), metal)
        pen.fill(.ellipse(cx: 100, cy: 130, rx: 14, ry: 14), look.accent, line: 2, part: ":dial")
        for x in [46.0, 140] {
            pen.fill(.rect(x: x, y: 104, width: 14, height: 44, corner: 5), dark)
            pen.stroke(.polygon([Point(x + 2, 152), Point(x + 7, 160), Point(x + 12, 152)], closed: false), dark, width: 4)
        }
        pen.stroke(.polygon([Point(100, 34), Point(100, 16)], closed: false), dark, width: 3)
        pen.fill(.ellipse(cx: 100, cy: 14, rx: 6, ry: 6), RGBA(240, 80, 70), line: 1.5, part: ":antenna")
        pen.fill(.rect(x: 68, y: 34, width: 64, height: 56, corner: 10), metal)
        guard pen.facing else { return }
        pen.fill(.rect(x: 76, y: 44, width: 48, height: 36, corner: 6), RGBA(40, 60, 80), line: 0, part: ":screen")
        pen.eye(90, 58, size: 5)
        pen.eye(112, 58, size: 5)
        pen.stroke(.curve(start: Point(92, 70), segments: [(Point(101, 77), Point(110, 70))], closed: false), RGBA(120, 230, 200), width: 2.5)
    }
}
