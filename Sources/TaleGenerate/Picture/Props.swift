import Foundation
import TaleImage

/// The things a picture can hold: each drawn in a 100 x 100 box standing on y = 100, simple and
/// bold enough to know at thumbnail size, tagged `prop:<name>`.
public enum Props {
    /// How one prop is drawn: marks on its pen's 100 x 100 picture.
    typealias Drawer = @Sendable (inout PropPen) -> Void

    /// Every prop Tale draws, by name (`PropsAtHome`, `PropsToPlay`, `PropsOutside`).
    static let drawers: [String: Drawer] = atHome.merging(toPlay) { first, _ in first }.merging(outside) { first, _ in first }

    /// Props that show being broken in their own drawing (no crack is drawn over them).
    private static let breakInTheirOwnWay: Set<String> = ["oven", "egg", "bowl", "gate", "rocket", "lantern", "lamp", "torch", "candle"]

    /// `name` drawn standing at (`x`, `ground`), `size` units tall; broken when `broken`, glowing when `lit`.
    /// A thing with no drawing of its own is a plain box.
    public static func draw(_ d: inout VectorDrawing, _ name: String, x: Double, ground: Double, size: Double, broken: Bool = false, lit: Bool = false) {
        var pen = PropPen(name: name, broken: broken, lit: lit)
        if let drawer = drawers[name] {
            drawer(&pen)
        } else {
            pen.fill(.rect(x: 20, y: 50, width: 60, height: 50, corner: 6), brown)
        }
        if broken && !breakInTheirOwnWay.contains(name) {
            pen.stroke(path([(30, 30), (44, 46), (38, 58), (54, 72)]), line, 3)
        }
        let scale = size / 100
        d.place(pen.picture, dx: x - 50 * scale, dy: ground - 100 * scale, scale: scale)
    }

    /// A closed outline through `points`.
    static func poly(_ points: [(Double, Double)]) -> Outline { .polygon(points.map { Point($0.0, $0.1) }, closed: true) }

    /// An open line through `points`.
    static func path(_ points: [(Double, Double)]) -> Outline { .polygon(points.map { Point($0.0, $0.1) }, closed: false) }
}

/// What a prop is drawn with: its picture, in a 100 x 100 box standing on y = 100, every mark
/// tagged `prop:<name>`, and how the thing is (broken, lit).
struct PropPen {
    /// The prop's name.
    let name: String
    /// Whether the story broke it.
    let broken: Bool
    /// Whether it is alight.
    let lit: Bool
    /// The marks so far.
    var picture = VectorDrawing(width: 100, height: 100)
    /// The role every mark carries.
    let role: String

    init(name: String, broken: Bool, lit: Bool) {
        (self.name, self.broken, self.lit) = (name, broken, lit)
        role = "prop:\(name)"
    }

    /// A shape filled with `colour`, outlined in the line colour `width` wide (no outline when 0).
    mutating func fill(_ outline: Outline, _ colour: RGBA, _ width: Double = 2.5) {
        picture.add(outline, fill: colour, stroke: width > 0 ? Props.line : nil, strokeWidth: width, role: role)
    }

    /// A line in `colour`, `width` wide.
    mutating func stroke(_ outline: Outline, _ colour: RGBA = Props.line, _ width: Double = 3) {
        picture.add(outline, stroke: colour, strokeWidth: width, role: role)
    }
}
