import TaleImage

/// Rain, storms, snow, fog and wind over a picture.
enum Weather {
    /// `kinds` drawn over the whole of `d`.
    static func weather(_ d: inout VectorDrawing, _ kinds: [String], random: inout SeededRandom) {
        let w = d.width, h = d.height
        for kind in kinds {
            switch kind {
            case "rain", "storm":
                if kind == "storm" {
                    for cx in [w * 0.2, w * 0.5, w * 0.8] {
                        for dx in [-50.0, 0, 50] { d.add(.ellipse(cx: cx + dx, cy: 60 + abs(dx) * 0.3, rx: 70, ry: 40), fill: RGBA(96, 100, 120, 0.95), role: "cloud") }
                    }
                    d.add(.polygon([Point(w * 0.55, 90), Point(w * 0.5, 220), Point(w * 0.54, 220), Point(w * 0.48, 340), Point(w * 0.6, 190), Point(w * 0.56, 190), Point(w * 0.62, 90)],
                                   closed: true), fill: RGBA(255, 236, 120), role: "lightning")
                }
                for _ in 0..<70 {
                    let x = Double(random.next() % UInt64(w)), y = Double(random.next() % UInt64(h))
                    d.add(.polygon([Point(x, y), Point(x - 8, y + 26)], closed: false), stroke: RGBA(170, 200, 240, 0.8), strokeWidth: 3, role: "rain")
                }
            case "snow":
                for _ in 0..<80 {
                    d.add(.ellipse(cx: Double(random.next() % UInt64(w)), cy: Double(random.next() % UInt64(h)), rx: 5, ry: 5), fill: RGBA(255, 255, 255, 0.95), role: "snow")
                }
            case "fog":
                for i in 0..<4 {
                    d.add(.rect(x: -40, y: h * (0.3 + Double(i) * 0.14), width: w + 80, height: 46, corner: 23), fill: RGBA(240, 240, 246, 0.45), role: "fog")
                }
            case "wind":
                for i in 0..<4 {
                    let y = h * (0.25 + Double(i) * 0.1), x = w * (0.1 + Double(i % 2) * 0.4)
                    d.add(.curve(start: Point(x, y), segments: [(Point(x + 120, y - 30), Point(x + 240, y)), (Point(x + 290, y + 20), Point(x + 250, y + 34))], closed: false),
                          stroke: RGBA(255, 255, 255, 0.8), strokeWidth: 5, role: "wind")
                }
            default: break
            }
        }
    }
}
