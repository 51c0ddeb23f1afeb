import Foundation

/// Tale's own rasteriser for its illustrator's drawings: every outline is flattened to polygons
/// and filled with exact horizontal coverage and four sub-scanlines per pixel (anti-aliased
/// edges); strokes become polygons too. Text is left out. Enough for covers, social cards and
/// thumbnails, with no SVG renderer to depend on.
public enum Rasterizer {
    /// `drawing` scaled to cover `width` x `height` (cropped to the middle when the shapes differ), on white.
    public static func render(_ drawing: VectorDrawing, width: Int, height: Int) -> PNGImage {
        let scale = max(Double(width) / drawing.width, Double(height) / drawing.height)
        let offsetX = (Double(width) - drawing.width * scale) / 2
        let offsetY = (Double(height) - drawing.height * scale) / 2
        var canvas = Canvas(width: width, height: height)
        for mark in drawing.marks {
            let polygons = flatten(mark.outline).map { polygon in
                polygon.points.map { Point($0.x * scale + offsetX, $0.y * scale + offsetY) }
            }
            if let fill = mark.fill, let fade = mark.fade, case .rect(let x, let y, let w, let h, _) = mark.outline {
                // A gradient: one band per device row, each its own colour, so no steps show.
                let top = y * scale + offsetY, bottom = (y + h) * scale + offsetY
                let left = x * scale + offsetX, right = (x + w) * scale + offsetX
                var row = max(0, top.rounded(.down))
                while row < min(Double(height), bottom) {
                    let from = max(row, top), to = min(row + 1, bottom)
                    let colour = fill.mixed(with: fade, max(0, min(1, ((from + to) / 2 - top) / max(1e-9, bottom - top))))
                    canvas.fill([[Point(left, from), Point(right, from), Point(right, to), Point(left, to)]], color: colour)
                    row += 1
                }
                continue
            }
            if let fill = mark.fill, fill.a > 0 {
                let closed = flatten(mark.outline).enumerated().filter { $0.element.closed }.map { polygons[$0.offset] }
                canvas.fill(closed, color: fill)
            }
            if let stroke = mark.stroke, stroke.a > 0, mark.strokeWidth > 0 {
                let shapes = flatten(mark.outline)
                var pieces: [[Point]] = []
                for (index, polygon) in polygons.enumerated() {
                    pieces += strokePolygons(polygon, closed: shapes[index].closed, width: mark.strokeWidth * scale)
                }
                canvas.fill(pieces, color: stroke, union: true)
            }
        }
        return PNGImage(width: width, height: height, pixels: canvas.pixels)
    }

    /// The outline as polygons, each with whether it is closed.
    static func flatten(_ outline: Outline) -> [(points: [Point], closed: Bool)] {
        switch outline {
        case .rect(let x, let y, let w, let h, let c):
            let r = min(c, w / 2, h / 2)
            guard r > 0 else { return [([Point(x, y), Point(x + w, y), Point(x + w, y + h), Point(x, y + h)], true)] }
            var points: [Point] = []
            let corners = [(x + w - r, y + r, -Double.pi / 2), (x + w - r, y + h - r, 0), (x + r, y + h - r, Double.pi / 2), (x + r, y + r, Double.pi)]
            for (cx, cy, start) in corners {
                for step in 0...6 {
                    let angle = start + Double(step) / 6 * Double.pi / 2
                    points.append(Point(cx + r * cos(angle), cy + r * sin(angle)))
                }
            }
            return [(points, true)]
        case .ellipse(let cx, let cy, let rx, let ry):
            let steps = max(16, min(96, Int((rx + ry) / 2)))
            return [((0..<steps).map { i in
                let angle = Double(i) / Double(steps) * 2 * Double.pi
                return Point(cx + rx * cos(angle), cy + ry * sin(angle))
            }, true)]
        case .polygon(let points, let closed):
            return [(points, closed)]
        case .curve(let start, let segments, let closed):
            var points = [start]
            var from = start
            for (control, end) in segments {
                for step in 1...10 {
                    let t = Double(step) / 10
                    let u = 1 - t
                    points.append(Point(u * u * from.x + 2 * u * t * control.x + t * t * end.x, u * u * from.y + 2 * u * t * control.y + t * t * end.y))
                }
                from = end
            }
            return [(points, closed)]
        case .text:
            return []
        }
    }

    /// A stroke as polygons: a quadrilateral per segment and a round cap at every joint.
    static func strokePolygons(_ points: [Point], closed: Bool, width: Double) -> [[Point]] {
        guard points.count > 1 else { return [] }
        let half = width / 2
        var result: [[Point]] = []
        let path = closed ? points + [points[0]] : points
        for (a, b) in zip(path, path.dropFirst()) {
            let dx = b.x - a.x, dy = b.y - a.y
            let length = (dx * dx + dy * dy).squareRoot()
            guard length > 0 else { continue }
            let nx = -dy / length * half, ny = dx / length * half
            result.append([Point(a.x + nx, a.y + ny), Point(b.x + nx, b.y + ny), Point(b.x - nx, b.y - ny), Point(a.x - nx, a.y - ny)])
        }
        if half >= 0.75 {
            for point in path {
                result.append((0..<12).map { i in
                    let angle = Double(i) / 12 * 2 * Double.pi
                    return Point(point.x + half * cos(angle), point.y + half * sin(angle))
                })
            }
        }
        return result
    }
}

/// An RGBA pixel buffer that polygons are painted into.
struct Canvas {
    let width: Int, height: Int
    var pixels: [UInt8]
    /// Sub-scanlines per pixel row.
    static let rows = 4

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        pixels = [UInt8](repeating: 255, count: width * height * 4)
    }

    /// Fills `polygons` with `color` (non-zero winding within each polygon). With `union`, the
    /// polygons' coverage is combined by maximum, so overlapping stroke pieces do not darken.
    mutating func fill(_ polygons: [[Point]], color: RGBA, union: Bool = false) {
        let all = polygons.filter { $0.count >= 3 }
        guard !all.isEmpty else { return }
        // Every polygon's edges (downward-pointing, with their winding) in one flat list, shape by
        // shape, with each shape's vertical extent: plain values in flat arrays, so the loops below
        // retain nothing (arrays inside arrays were retained and released on every sub-scanline).
        var edges: [Edge] = []
        var firstEdge: [Int] = [], tops: [Double] = [], bottoms: [Double] = []
        var minX = Double.infinity, maxX = -Double.infinity, minY = Double.infinity, maxY = -Double.infinity
        for polygon in all {
            firstEdge.append(edges.count)
            var top = Double.infinity, bottom = -Double.infinity
            for i in polygon.indices {
                let a = polygon[i], b = polygon[(i + 1) % polygon.count]
                top = min(top, a.y)
                bottom = max(bottom, a.y)
                minX = min(minX, a.x)
                maxX = max(maxX, a.x)
                if a.y == b.y { continue }
                edges.append(a.y < b.y ? Edge(x0: a.x, y0: a.y, x1: b.x, y1: b.y, winding: 1) : Edge(x0: b.x, y0: b.y, x1: a.x, y1: a.y, winding: -1))
            }
            minY = min(minY, top)
            maxY = max(maxY, bottom)
            tops.append(top)
            bottoms.append(bottom)
        }
        firstEdge.append(edges.count)
        let shapeCount = tops.count
        let top = max(0, Int(minY.rounded(.down))), bottom = min(height - 1, Int(maxY.rounded(.up)))
        let left = max(0, Int(minX.rounded(.down))), right = min(width - 1, Int(maxX.rounded(.up)))
        guard top <= bottom, left <= right else { return }
        let span = right - left + 1
        var coverage = [Double](repeating: 0, count: span)
        var row = [Double](repeating: 0, count: span)
        var crossings: [Crossing] = []
        crossings.reserveCapacity(64)
        var spans: [(from: Double, to: Double, sub: Int)] = []
        spans.reserveCapacity(16)
        // Each shape's edges by where they start (`order`, in the shape's own range of the flat
        // list), and those the current sub-scanline may cross (an active edge list, kept in the
        // shape's range of `active`): sample lines only go down, so an edge joins once and leaves once.
        var order = [Int](repeating: 0, count: edges.count)
        for shape in 0..<shapeCount {
            let range = firstEdge[shape]..<firstEdge[shape + 1]
            order.replaceSubrange(range, with: range.sorted { edges[$0].y0 < edges[$1].y0 })
        }
        var joined = Array(firstEdge.dropLast())
        var active = [Int](repeating: 0, count: edges.count)
        var activeCount = [Int](repeating: 0, count: shapeCount)
        // Only the columns a row's spans touch are read and cleared: a stroke is many small pieces
        // inside a wide box, and going over the whole box for each piece was most of the painting.
        var coveredFirst = Int.max, coveredLast = -1
        for y in top...bottom {
            for number in 0..<shapeCount where tops[number] < Double(y + 1) && bottoms[number] > Double(y) {
                var first = Int.max, last = -1
                spans.removeAll(keepingCapacity: true)
                let base = firstEdge[number], end = firstEdge[number + 1]
                for sub in 0..<Canvas.rows {
                    let sampleY = Double(y) + (Double(sub) + 0.5) / Double(Canvas.rows)
                    while joined[number] < end, edges[order[joined[number]]].y0 <= sampleY {
                        active[base + activeCount[number]] = order[joined[number]]
                        activeCount[number] += 1
                        joined[number] += 1
                    }
                    crossings.removeAll(keepingCapacity: true)
                    var kept = 0
                    for slot in base..<(base + activeCount[number]) {
                        let index = active[slot]
                        let edge = edges[index]
                        guard edge.y1 > sampleY else { continue }
                        active[base + kept] = index
                        kept += 1
                        crossings.append(Crossing(x: edge.x0 + (sampleY - edge.y0) / (edge.y1 - edge.y0) * (edge.x1 - edge.x0),
                                                  winding: edge.winding, edge: index))
                    }
                    activeCount[number] = kept
                    guard crossings.count >= 2 else { continue }
                    // Ties in the order of the polygon's edges, as a stable sort of them in that order gives.
                    crossings.sort { $0.x < $1.x || ($0.x == $1.x && $0.edge < $1.edge) }
                    var winding = 0
                    var start = 0.0
                    for crossing in crossings {
                        let before = winding
                        winding += crossing.winding
                        if before == 0, winding != 0 { start = crossing.x }
                        if before != 0, winding == 0 { spans.append((start - Double(left), crossing.x - Double(left), sub)) }
                    }
                }
                // The cells every sub-scanline covers whole, when each crosses the one shape once:
                // they would sum to exactly 1 each, so they are painted directly, not summed.
                var interior = 0..<0
                if shapeCount == 1, spans.count == Canvas.rows, spans.indices.allSatisfy({ spans[$0].sub == $0 }) {
                    var low = 0, high = row.count
                    for span in spans {
                        low = max(low, Int(max(0, span.from).rounded(.up)))
                        high = min(high, Int(min(Double(row.count), span.to).rounded(.down)))
                    }
                    if low < high { interior = low..<high }
                }
                for span in spans {
                    // Cut at whole cells around the interior, each cell outside it gets what it got uncut.
                    if interior.isEmpty {
                        addSpan(&row, from: span.from, to: span.to, first: &first, last: &last)
                    } else {
                        addSpan(&row, from: span.from, to: min(span.to, Double(interior.lowerBound)), first: &first, last: &last)
                        addSpan(&row, from: max(span.from, Double(interior.upperBound)), to: span.to, first: &first, last: &last)
                    }
                }
                if shapeCount == 1 {
                    // One shape: its coverage is the row's (a sum over nothing else, a maximum over
                    // nothing else), so it is painted straight from the row, with no second pass.
                    if !interior.isEmpty { paint(row: y, left: left, interior, color: color) }
                    if first <= last { blend(row: y, left: left, cells: &row, from: first, through: last, divisor: Double(Canvas.rows), color: color) }
                    continue
                }
                guard first <= last else { continue }
                for index in first...last {
                    if row[index] > 0 {
                        let value = min(1, row[index] / Double(Canvas.rows))
                        coverage[index] = union ? max(coverage[index], value) : min(1, coverage[index] + value)
                    }
                    row[index] = 0
                }
                coveredFirst = min(coveredFirst, first)
                coveredLast = max(coveredLast, last)
            }
            if coveredFirst <= coveredLast {
                blend(row: y, left: left, cells: &coverage, from: coveredFirst, through: coveredLast, divisor: 1, color: color)
                coveredFirst = Int.max
                coveredLast = -1
            }
        }
    }

    /// An edge of a polygon, pointing down (`y0` < `y1`); `winding` is +1 where the polygon went down, -1 where it went up.
    private struct Edge {
        var x0: Double, y0: Double, x1: Double, y1: Double
        var winding: Int
    }

    /// Where a sub-scanline crosses an edge (by its index in the flat list).
    private struct Crossing {
        var x: Double
        var winding: Int
        var edge: Int
    }

    /// Adds the exact coverage of [from, to) to the cells of `row`, widening `first...last` to the cells it touched.
    private func addSpan(_ row: inout [Double], from: Double, to: Double, first lowest: inout Int, last highest: inout Int) {
        let start = max(0, from), end = min(Double(row.count), to)
        guard end > start else { return }
        let first = Int(start), last = min(row.count - 1, Int(end))
        lowest = min(lowest, first)
        highest = max(highest, last)
        if first == last {
            row[first] += end - start
            return
        }
        row[first] += Double(first + 1) - start
        if first + 1 < last { for index in (first + 1)..<last { row[index] += 1 } }
        if last < row.count { row[last] += end - Double(last) }
    }

    /// A channel value (not negative) rounded half away from zero, as `rounded()` does, and held
    /// to 255, without a call into the C library for every pixel.
    @inline(__always)
    static func channel(_ value: Double) -> UInt8 {
        let whole = Int(value)
        let rounded = value - Double(whole) >= 0.5 ? whole + 1 : whole
        return UInt8(min(255, rounded))
    }

    /// Paints the `cells` of row `y` (offsets from `left`) wholly covered: alpha is the colour's own.
    private mutating func paint(row y: Int, left: Int, _ cells: Range<Int>, color: RGBA) {
        pixels.withUnsafeMutableBufferPointer { buffer in
            for offset in cells { Canvas.mix(color, alpha: color.a, into: buffer, at: (y * width + left + offset) * 4) }
        }
    }

    /// Paints row `y` from `cells[first...last]` (offsets from `left`), each cell's coverage being
    /// its value over `divisor` (at most 1), and clears those cells.
    private mutating func blend(row y: Int, left: Int, cells: inout [Double], from first: Int, through last: Int, divisor: Double, color: RGBA) {
        pixels.withUnsafeMutableBufferPointer { buffer in
            for offset in first...last {
                let cell = cells[offset]
                guard cell > 0 else { continue }
                cells[offset] = 0
                Canvas.mix(color, alpha: min(1, cell / divisor) * color.a, into: buffer, at: (y * width + left + offset) * 4)
            }
        }
    }

    /// Lays `color` at opacity `alpha` over the pixel at byte `index`, which ends opaque. At
    /// `alpha` 1 (inside an opaque shape) the blend would give the colour itself, exactly: it is
    /// written without the arithmetic.
    @inline(__always)
    private static func mix(_ color: RGBA, alpha: Double, into buffer: UnsafeMutableBufferPointer<UInt8>, at index: Int) {
        if alpha == 1 {
            buffer[index] = color.r
            buffer[index + 1] = color.g
            buffer[index + 2] = color.b
        } else {
            let keep = 1 - alpha
            buffer[index] = Canvas.channel(Double(buffer[index]) * keep + Double(color.r) * alpha)
            buffer[index + 1] = Canvas.channel(Double(buffer[index + 1]) * keep + Double(color.g) * alpha)
            buffer[index + 2] = Canvas.channel(Double(buffer[index + 2]) * keep + Double(color.b) * alpha)
        }
        buffer[index + 3] = 255
    }
}
