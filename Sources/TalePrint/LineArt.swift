import TaleImage

/// The coloring-book version of a picture: every shape white with a black outline, so there is
/// nothing to colour over. Full-width rectangles (sky and ground washes) lose their outline,
/// translucent light and glows are left out, and text stays black.
public enum LineArt {
    /// `drawing` as black lines on white.
    public static func of(_ drawing: VectorDrawing) -> VectorDrawing {
        var result = VectorDrawing(width: drawing.width, height: drawing.height)
        let lineWidth = max(1.5, drawing.width / 300)
        for mark in drawing.marks {
            var copy = mark
            if case .text = mark.outline {
                copy.fill = .black
                result.marks.append(copy)
                continue
            }
            // Light and glow (a night's blue wash, a lantern's halo) would hide the lines under white.
            if let fill = mark.fill, fill.a < 1, mark.stroke == nil || fill.a <= 0.35 {
                if case .rect(_, _, let width, _, _) = mark.outline, width >= drawing.width * 0.95 { continue }
                if fill.a <= 0.35 { continue }
            }
            if case .rect(_, _, let width, _, _) = mark.outline, width >= drawing.width * 0.95 {
                copy.fill = .white
                copy.stroke = nil
                copy.strokeWidth = 0
                result.marks.append(copy)
                continue
            }
            guard (mark.fill?.a ?? 0) > 0 || (mark.stroke?.a ?? 0) > 0 else { continue }
            copy.fill = mark.fill == nil ? nil : .white
            copy.stroke = .black
            copy.strokeWidth = max(lineWidth, min(mark.strokeWidth, lineWidth * 2))
            result.marks.append(copy)
        }
        return result
    }
}
