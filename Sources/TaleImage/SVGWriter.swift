import TaleCore

/// Writes a drawing as a standalone SVG document in one of the illustration styles. Only
/// shapes, text and SVG filters: no scripts, no event handlers, no external references.
public enum SVGWriter {
    /// The SVG text of `drawing` in `style`, with `title` and `description` for assistive technology.
    public static func svg(_ drawing: VectorDrawing, style: IllustrationStyle, title: String, description: String) -> String {
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(number(drawing.width)) \(number(drawing.height))\" "
            + "width=\"\(number(drawing.width))\" height=\"\(number(drawing.height))\" role=\"img\" aria-labelledby=\"t d\">\n"
        out += "<title id=\"t\">\(escape(title))</title>\n<desc id=\"d\">\(escape(description))</desc>\n"
        out += defs(style)
        let group: String
        switch style {
        case .watercolor: group = "<g filter=\"url(#wash)\">\n"
        case .crayon: group = "<g filter=\"url(#grain)\">\n"
        default: group = "<g>\n"
        }
        out += group
        // The title's lettering stays out of the style's filter, so it is crisp in every style.
        var lettering = ""
        for (index, mark) in drawing.marks.enumerated() {
            let text = element(mark, style: style, id: "f\(index)") + "\n"
            if mark.role == "title" { lettering += text } else { out += text }
        }
        out += "</g>\n" + lettering + "</svg>\n"
        return out
    }

    static func defs(_ style: IllustrationStyle) -> String {
        switch style {
        case .watercolor:
            return """
            <defs><filter id="wash" x="-5%" y="-5%" width="110%" height="110%">\
            <feTurbulence type="fractalNoise" baseFrequency="0.02" numOctaves="3" seed="7" result="noise"/>\
            <feDisplacementMap in="SourceGraphic" in2="noise" scale="6" result="soft"/>\
            <feGaussianBlur in="soft" stdDeviation="0.8"/></filter></defs>

            """
        case .crayon:
            return """
            <defs><filter id="grain" x="0" y="0" width="100%" height="100%">\
            <feTurbulence type="fractalNoise" baseFrequency="0.9" numOctaves="2" seed="3" result="grain"/>\
            <feColorMatrix in="grain" type="matrix" values="0 0 0 0 1  0 0 0 0 1  0 0 0 0 1  0 0 0 -1.6 1.2" result="holes"/>\
            <feComposite in="SourceGraphic" in2="holes" operator="in"/></filter></defs>

            """
        default:
            return ""
        }
    }

    /// One mark as an element, with the style's treatment of fill and stroke.
    static func element(_ mark: Mark, style: IllustrationStyle, id: String = "f") -> String {
        var fill = mark.fill
        var stroke = mark.stroke
        var width = mark.strokeWidth
        switch style {
        case .coloring:
            // Line art: every shape white with a black outline; no fills to colour over.
            if case .text = mark.outline { fill = .black } else {
                fill = mark.fill == nil ? nil : .white
                stroke = .black
                width = max(2.5, min(mark.strokeWidth, 4))
                if mark.role == "sky" || mark.role == "background" { stroke = nil }
                // Washes (light, fog, glows, water over a swimmer) have no line to colour in.
                if (mark.fill?.a ?? 1) < 1 || (mark.fill == nil && (mark.stroke?.a ?? 1) < 1) { (fill, stroke) = (nil, nil) }
            }
        case .ink:
            if case .text = mark.outline {} else {
                fill = fill.map { $0.mixed(with: .white, 0.25) }
                stroke = RGBA(34, 28, 24)
                width = max(1.5, mark.strokeWidth)
                // Skies and washes (light, fog, glows) have no ink line around them.
                if mark.role == "sky" || mark.role == "background" || (mark.fill?.a ?? 1) < 1 { stroke = nil }
            }
        case .watercolor:
            fill = fill.map { $0.opacity(min($0.a, 0.85)) }
        case .crayon, .flat:
            break
        }
        var gradient = ""
        if var fade = mark.fade, let top = fill, top != .white || style != .coloring {
            if style == .ink { fade = fade.mixed(with: .white, 0.25) }
            gradient = "<defs><linearGradient id=\"\(id)\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"1\"><stop offset=\"0\" stop-color=\"\(top.hex)\"/>"
                + "<stop offset=\"1\" stop-color=\"\(fade.hex)\"/></linearGradient></defs>"
        }
        let paint = (gradient.isEmpty ? "fill=\"\(fill.map(\.hex) ?? "none")\"" : "fill=\"url(#\(id))\"")
            + ((fill?.a ?? 1) < 1 ? " fill-opacity=\"\(number(fill!.a))\"" : "")
            + (stroke.map { " stroke=\"\($0.hex)\" stroke-width=\"\(number(width))\" stroke-linecap=\"round\" stroke-linejoin=\"round\""
                + ($0.a < 1 ? " stroke-opacity=\"\(number($0.a))\"" : "") } ?? "")
            + (style == .crayon && stroke != nil ? " stroke-dasharray=\"6 1.5\"" : "")
        switch mark.outline {
        case .rect(let x, let y, let w, let h, let c):
            return gradient + "<rect x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(w))\" height=\"\(number(h))\""
                + (c > 0 ? " rx=\"\(number(c))\"" : "") + " \(paint)/>"
        case .ellipse(let cx, let cy, let rx, let ry):
            return "<ellipse cx=\"\(number(cx))\" cy=\"\(number(cy))\" rx=\"\(number(rx))\" ry=\"\(number(ry))\" \(paint)/>"
        case .polygon(let points, let closed):
            let list = points.map { "\(number($0.x)),\(number($0.y))" }.joined(separator: " ")
            return closed ? "<polygon points=\"\(list)\" \(paint)/>" : "<polyline points=\"\(list)\" \(paint)/>"
        case .curve(let start, let segments, let closed):
            var d = "M\(number(start.x)) \(number(start.y))"
            for (control, end) in segments { d += " Q\(number(control.x)) \(number(control.y)) \(number(end.x)) \(number(end.y))" }
            if closed { d += " Z" }
            return "<path d=\"\(d)\" \(paint)/>"
        case .text(let x, let y, let size, let text, let anchor, let weight, let family):
            return "<text x=\"\(number(x))\" y=\"\(number(y))\" font-size=\"\(number(size))\" font-family=\"\(escape(family))\" "
                + "font-weight=\"\(weight)\" text-anchor=\"\(anchor)\" fill=\"\((fill ?? .black).hex)\">\(escape(text))</text>"
        }
    }

    /// A number with at most one decimal, no trailing zeros: stable text for stable hashes.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    static func escape(_ text: String) -> String { XMLEscape.string(text, apostrophe: .kept) }
}
