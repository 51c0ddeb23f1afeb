import TaleImage

/// Reads SVG path data into outlines of quadratic segments: lines are straight quadratics and
/// each cubic is approximated by two quadratics (close enough at print sizes). Arcs are refused.
enum PathParser {
    static func outlines(_ data: String, transform: SVGReader.Transform) throws(SVGReaderError) -> [Outline] {
        let tokens = tokenize(data)
        var outlines: [Outline] = []
        var index = 0
        var command: Character = "M"
        var current = Point(0, 0), start = Point(0, 0)
        var segments: [(control: Point, end: Point)] = []
        var lastControl: Point?
        var lastCubic: Point?

        func finish(closed: Bool) {
            if !segments.isEmpty {
                outlines.append(.curve(start: transform.apply(start.x, start.y),
                                       segments: segments.map { (transform.apply($0.control.x, $0.control.y), transform.apply($0.end.x, $0.end.y)) },
                                       closed: closed))
            }
            segments = []
        }
        func line(to end: Point) {
            segments.append((Point((current.x + end.x) / 2, (current.y + end.y) / 2), end))
            current = end
        }
        func number() throws(SVGReaderError) -> Double {
            guard index < tokens.count, case .number(let value) = tokens[index] else {
                throw SVGReaderError(message: "path data '\(data.prefix(40))' is cut short")
            }
            index += 1
            return value
        }

        while index < tokens.count {
            if case .command(let letter) = tokens[index] {
                command = letter
                index += 1
            }
            let relative = command.isLowercase
            let base = relative ? current : Point(0, 0)
            func point() throws(SVGReaderError) -> Point {
                let x = try number(), y = try number()
                return Point(base.x + x, base.y + y)
            }
            var control: Point?
            var cubic: Point?
            switch command.uppercased() {
            case "M":
                finish(closed: false)
                current = try point()
                start = current
                command = relative ? "l" : "L"
            case "L": line(to: try point())
            case "H": line(to: Point((relative ? current.x : 0) + (try number()), current.y))
            case "V": line(to: Point(current.x, (relative ? current.y : 0) + (try number())))
            case "Q":
                let c = try point(), end = try point()
                segments.append((c, end))
                current = end
                control = c
            case "T":
                let c = lastControl.map { Point(2 * current.x - $0.x, 2 * current.y - $0.y) } ?? current
                let end = try point()
                segments.append((c, end))
                current = end
                control = c
            case "C", "S":
                let c1: Point
                if command.uppercased() == "C" { c1 = try point() } else {
                    c1 = lastCubic.map { Point(2 * current.x - $0.x, 2 * current.y - $0.y) } ?? current
                }
                let c2 = try point(), end = try point()
                appendCubic(from: current, c1, c2, end, into: &segments)
                current = end
                cubic = c2
            case "Z":
                if current != start { line(to: start) }
                finish(closed: true)
                current = start
                continue
            default:
                throw SVGReaderError(message: "path command '\(command)' (arcs) is not supported in print; draw the curve with C or Q")
            }
            lastControl = control
            lastCubic = cubic
        }
        finish(closed: false)
        return outlines
    }

    /// Splits the cubic in half and fits each half with one quadratic.
    static func appendCubic(from p0: Point, _ p1: Point, _ p2: Point, _ p3: Point, into segments: inout [(control: Point, end: Point)]) {
        func mid(_ a: Point, _ b: Point) -> Point { Point((a.x + b.x) / 2, (a.y + b.y) / 2) }
        let a = mid(p0, p1), b = mid(p1, p2), c = mid(p2, p3), d = mid(a, b), e = mid(b, c), m = mid(d, e)
        for (q0, q1, q2, q3) in [(p0, a, d, m), (m, e, c, p3)] {
            let control = Point((3 * (q1.x + q2.x) - q0.x - q3.x) / 4, (3 * (q1.y + q2.y) - q0.y - q3.y) / 4)
            segments.append((control, q3))
        }
    }

    enum Token { case command(Character), number(Double) }

    static func tokenize(_ data: String) -> [Token] {
        var tokens: [Token] = []
        var numberText = ""
        func flush() {
            if let value = Double(numberText) { tokens.append(.number(value)) }
            numberText = ""
        }
        for character in data {
            if character.isLetter, character != "e", character != "E" {
                flush()
                tokens.append(.command(character))
            } else if character == "-" {
                if let last = numberText.last, last == "e" || last == "E" { numberText.append(character) } else {
                    flush()
                    numberText = "-"
                }
            } else if character == "." {
                if numberText.contains(".") && !numberText.contains("e") { flush() }
                numberText.append(character)
            } else if character.isNumber || character == "e" || character == "E" {
                numberText.append(character)
            } else {
                flush()
            }
        }
        flush()
        return tokens
    }
}
