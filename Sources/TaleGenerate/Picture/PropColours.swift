import TaleImage

/// The colours every prop is drawn in: one palette, so the things in a picture belong together.
extension Props {
    static let line = RGBA(58, 42, 36)
    static let red = RGBA(214, 64, 52), blue = RGBA(64, 120, 200), yellow = RGBA(250, 206, 70), green = RGBA(96, 164, 80)
    static let wood = RGBA(170, 116, 70), brown = RGBA(140, 94, 60), grey = RGBA(150, 150, 160), white = RGBA(250, 248, 240)
    static let paper = RGBA(240, 226, 186), glow = RGBA(255, 226, 120, 0.4)
}
