import Foundation
import TaleImage

/// How a figure is posed on the page: seen from the front or side, asleep, or from behind.
enum FigurePose: Sendable, Equatable {
    /// Eyes open; eyes shut; the face turned away.
    case awake, asleep, back
}

/// The family of shapes a kind is drawn with, its size against a fox and its usual colour.
struct FigureSpec {
    enum Family { case mammal, bird, person, sea, bug, snail, frog, dragon, robot, object }
    var family: Family
    var size: Double
    var colour: String
}

/// The figure of every kind the illustrator draws.
enum FigureKinds {
    static let specs: [String: FigureSpec] = [
        "robot": .init(family: .robot, size: 1.1, colour: "silver"), "astronaut": .init(family: .person, size: 1.2, colour: "white"),
        "grandmother": .init(family: .person, size: 1.15, colour: "purple"), "grandfather": .init(family: .person, size: 1.2, colour: "green"),
        "baker": .init(family: .person, size: 1.25, colour: "white"), "mother": .init(family: .person, size: 1.3, colour: "teal"),
        "father": .init(family: .person, size: 1.35, colour: "blue"), "teacher": .init(family: .person, size: 1.3, colour: "purple"),
        "girl": .init(family: .person, size: 1.0, colour: "red"), "boy": .init(family: .person, size: 1.0, colour: "blue"),
        "child": .init(family: .person, size: 0.85, colour: "yellow"), "knight": .init(family: .person, size: 1.3, colour: "silver"),
        "princess": .init(family: .person, size: 1.2, colour: "pink"), "prince": .init(family: .person, size: 1.25, colour: "blue"),
        "wizard": .init(family: .person, size: 1.3, colour: "purple"), "friend": .init(family: .person, size: 1.2, colour: "green"),
        "dragon": .init(family: .dragon, size: 1.5, colour: "green"), "unicorn": .init(family: .mammal, size: 1.3, colour: "white"),
        "monster": .init(family: .mammal, size: 1.6, colour: "purple"), "firefly": .init(family: .bug, size: 0.45, colour: "yellow"),
        "bee": .init(family: .bug, size: 0.45, colour: "yellow"), "butterfly": .init(family: .bug, size: 0.55, colour: "blue"),
        "ladybird": .init(family: .bug, size: 0.45, colour: "red"), "ant": .init(family: .bug, size: 0.4, colour: "black"),
        "spider": .init(family: .bug, size: 0.45, colour: "black"), "snail": .init(family: .snail, size: 0.6, colour: "green"),
        "worm": .init(family: .bug, size: 0.5, colour: "green"), "owl": .init(family: .bird, size: 0.9, colour: "brown"),
        "bird": .init(family: .bird, size: 0.6, colour: "brown"), "penguin": .init(family: .bird, size: 0.9, colour: "black"),
        "bat": .init(family: .mammal, size: 0.6, colour: "black"), "mole": .init(family: .mammal, size: 0.7, colour: "grey"),
        "mouse": .init(family: .mammal, size: 0.6, colour: "grey"), "squirrel": .init(family: .mammal, size: 0.75, colour: "red"),
        "rabbit": .init(family: .mammal, size: 0.9, colour: "white"), "hedgehog": .init(family: .mammal, size: 0.75, colour: "brown"),
        "fox": .init(family: .mammal, size: 1, colour: "orange"), "badger": .init(family: .mammal, size: 1, colour: "grey"),
        "bear": .init(family: .mammal, size: 1.35, colour: "brown"), "dog": .init(family: .mammal, size: 1, colour: "tan"),
        "cat": .init(family: .mammal, size: 0.9, colour: "grey"), "otter": .init(family: .mammal, size: 0.95, colour: "brown"),
        "frog": .init(family: .frog, size: 0.7, colour: "green"), "deer": .init(family: .mammal, size: 1.35, colour: "brown"),
        "horse": .init(family: .mammal, size: 1.5, colour: "brown"), "goat": .init(family: .mammal, size: 1.1, colour: "white"),
        "cow": .init(family: .mammal, size: 1.5, colour: "white"), "pig": .init(family: .mammal, size: 1.1, colour: "pink"),
        "hen": .init(family: .bird, size: 0.75, colour: "white"), "elephant": .init(family: .mammal, size: 1.7, colour: "grey"),
        "giraffe": .init(family: .mammal, size: 1.9, colour: "yellow"), "lion": .init(family: .mammal, size: 1.35, colour: "gold"),
        "monkey": .init(family: .mammal, size: 1, colour: "brown"), "turtle": .init(family: .sea, size: 0.9, colour: "green"),
        "crab": .init(family: .sea, size: 0.6, colour: "red"), "octopus": .init(family: .sea, size: 1, colour: "purple"),
        "fish": .init(family: .sea, size: 0.7, colour: "orange"), "dolphin": .init(family: .sea, size: 1.4, colour: "blue"),
        "jellyfish": .init(family: .sea, size: 0.8, colour: "pink"), "sock": .init(family: .object, size: 0.8, colour: "red"),
        "teapot": .init(family: .object, size: 0.8, colour: "blue"), "toy": .init(family: .mammal, size: 0.8, colour: "tan"),
        "train": .init(family: .object, size: 1.6, colour: "red"), "boat": .init(family: .object, size: 1.5, colour: "red"),
    ]

    /// The figure of `kind`; a person for a kind Tale has no figure for.
    static func spec(_ kind: String) -> FigureSpec { specs[kind] ?? specs["friend"]! }
}

/// A figure being drawn: its look, its pose and the marks so far, in a 200 x 200 box, facing
/// right, standing on y = 190. Every mark is tagged `character:<name>` (and a part, for features).
struct FigurePen {
    var d = VectorDrawing(width: 200, height: 200)
    let look: CharacterLook
    let pose: FigurePose
    let feeling: PictureFeeling
    var role: String { "character:\(look.name)" }

    init(_ look: CharacterLook, pose: FigurePose, feeling: PictureFeeling = .calm) {
        self.look = look
        self.pose = pose
        self.feeling = feeling
    }

    /// A filled shape with the figure's outline.
    mutating func fill(_ outline: Outline, _ colour: RGBA, line: Double = 2.5, part: String = "") {
        d.add(outline, fill: colour, stroke: line > 0 ? Figures.outline : nil, strokeWidth: line, role: role + part)
    }

    /// A stroke.
    mutating func stroke(_ outline: Outline, _ colour: RGBA = Figures.outline, width: Double = 2.5, part: String = "") {
        d.add(outline, stroke: colour, strokeWidth: width, role: role + part)
    }

    /// An eye: open with a shine, shut in a curve when asleep, not drawn from behind.
    mutating func eye(_ x: Double, _ y: Double, size: Double = 5) {
        switch pose {
        case .back: return
        case .asleep:
            stroke(.curve(start: Point(x - size, y), segments: [(Point(x, y + size), Point(x + size, y))], closed: false), width: 2)
        case .awake where feeling == .sleepy:
            stroke(.polygon([Point(x - size, y), Point(x + size, y)], closed: false), width: 2)
        case .awake:
            d.add(.ellipse(cx: x, cy: y, rx: size, ry: size * 1.15), fill: RGBA(40, 32, 30), role: role)
            d.add(.ellipse(cx: x + size * 0.35, cy: y - size * 0.4, rx: size * 0.35, ry: size * 0.35), fill: .white, role: role)
            // Brows: raised in the middle when worried, sloping down and out when sad.
            if feeling == .worried {
                stroke(.polygon([Point(x - size * 1.2, y - size * 1.9), Point(x + size * 1.1, y - size * 2.5)], closed: false), width: 2, part: ":brow")
            } else if feeling == .sad {
                stroke(.polygon([Point(x - size * 1.2, y - size * 2.5), Point(x + size * 1.1, y - size * 1.9)], closed: false), width: 2, part: ":brow")
            }
        }
    }

    /// Rosy cheeks and a mouth that shows the feeling (a wide open smile when glad, a frown when
    /// sad, a small round mouth when worried), on a face that can be seen.
    mutating func smile(_ x: Double, _ y: Double, width: Double = 8) {
        guard pose != .back else { return }
        d.add(.ellipse(cx: x - width * 0.6, cy: y - 4, rx: 6, ry: 4), fill: RGBA(240, 128, 128, 0.55), role: role)
        switch pose == .asleep ? .calm : feeling {
        case .glad:
            d.add(.curve(start: Point(x - width * 0.65, y - 1), segments: [(Point(x, y + width * 1.2), Point(x + width * 0.65, y - 1))], closed: true),
                  fill: RGBA(150, 50, 60), stroke: Figures.outline, strokeWidth: 2, role: role + ":mouth")
        case .sad:
            stroke(.curve(start: Point(x - width / 2, y + width * 0.4), segments: [(Point(x, y - width * 0.3), Point(x + width / 2, y + width * 0.4))], closed: false),
                   width: 2, part: ":mouth")
        case .worried:
            d.add(.ellipse(cx: x, cy: y + 2, rx: width * 0.22, ry: width * 0.3), fill: RGBA(150, 50, 60), stroke: Figures.outline, strokeWidth: 1.5, role: role + ":mouth")
        case .calm, .sleepy:
            stroke(.curve(start: Point(x - width / 2, y), segments: [(Point(x, y + width * 0.6), Point(x + width / 2, y))], closed: false), width: 2, part: ":mouth")
        }
    }

    /// Whether the face is drawn.
    var facing: Bool { pose != .back }
}

/// Draws a character from its look.
enum Figures {
    static let outline = RGBA(58, 42, 36)

    /// The figure of `look` in `pose`.
    static func draw(_ look: CharacterLook, pose: FigurePose = .awake, feeling: PictureFeeling = .calm) -> VectorDrawing {
        var pen = FigurePen(look, pose: pose, feeling: feeling)
        switch FigureKinds.spec(look.kind).family {
        case .mammal: Animals.mammal(&pen)
        case .bird: Animals.bird(&pen)
        case .person: People.person(&pen)
        case .robot: People.robot(&pen)
        case .sea: SmallFolk.sea(&pen)
        case .bug: SmallFolk.bug(&pen)
        case .snail: SmallFolk.snail(&pen)
        case .frog: SmallFolk.frog(&pen)
        case .dragon: Animals.dragon(&pen)
        case .object: SmallFolk.object(&pen)
        }
        return pen.d
    }

    /// Scarf, hat, cap, glasses, bow, crown, backpack, raincoat, apron and beard, in the accent colour.
    static func features(_ pen: inout FigurePen, neck: Point, top: Point, eyeY: Double, eyeX: Double, bodyY: Double) {
        let accent = pen.look.accent
        for feature in pen.look.features {
            switch feature {
            case "scarf":
                pen.fill(.rect(x: neck.x - 24, y: neck.y - 7, width: 50, height: 14, corner: 6), accent, line: 2, part: ":scarf")
                pen.fill(.polygon([Point(neck.x - 16, neck.y), Point(neck.x - 30, neck.y + 30), Point(neck.x - 18, neck.y + 32), Point(neck.x - 6, neck.y + 4)], closed: true),
                         accent, line: 2, part: ":scarf")
            case "hat":
                pen.fill(.rect(x: top.x - 30, y: top.y - 2, width: 60, height: 8, corner: 3), accent, line: 2, part: ":hat")
                pen.fill(.rect(x: top.x - 18, y: top.y - 30, width: 36, height: 30, corner: 4), accent, line: 2, part: ":hat")
            case "cap":
                pen.fill(.curve(start: Point(top.x - 24, top.y + 6), segments: [(Point(top.x, top.y - 30), Point(top.x + 24, top.y + 6))], closed: true),
                         accent, line: 2, part: ":cap")
                pen.fill(.rect(x: top.x + 14, y: top.y + 1, width: 24, height: 6, corner: 3), accent.mixed(with: .black, 0.2), line: 0, part: ":cap")
            case "glasses" where pen.facing:
                for dx in [-9.0, 9.0] { pen.stroke(.ellipse(cx: eyeX + dx * 0.8, cy: eyeY, rx: 8, ry: 8), width: 2, part: ":glasses") }
            case "bow":
                pen.fill(.polygon([Point(top.x - 14, top.y - 8), Point(top.x, top.y), Point(top.x - 14, top.y + 8)], closed: true), accent, line: 1.5, part: ":bow")
                pen.fill(.polygon([Point(top.x + 14, top.y - 8), Point(top.x, top.y), Point(top.x + 14, top.y + 8)], closed: true), accent, line: 1.5, part: ":bow")
            case "crown":
                pen.fill(.polygon([Point(top.x - 16, top.y), Point(top.x - 16, top.y - 18), Point(top.x - 8, top.y - 8), Point(top.x, top.y - 22),
                                   Point(top.x + 8, top.y - 8), Point(top.x + 16, top.y - 18), Point(top.x + 16, top.y)], closed: true),
                         RGBA(242, 196, 58), line: 2, part: ":crown")
            case "backpack":
                pen.fill(.rect(x: neck.x - 60, y: bodyY - 26, width: 30, height: 40, corner: 8), accent, line: 2, part: ":backpack")
            case "raincoat":
                pen.fill(.rect(x: neck.x - 28, y: neck.y + 2, width: 56, height: 12, corner: 5), accent, line: 2, part: ":raincoat")
            case "apron":
                pen.fill(.rect(x: neck.x - 16, y: neck.y + 14, width: 32, height: 40, corner: 6), accent.mixed(with: .white, 0.3), line: 2, part: ":apron")
            default: break
            }
        }
    }
}
