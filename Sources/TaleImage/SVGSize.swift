/// The intrinsic size of an SVG, read from its root element: the `viewBox`'s width and height, else
/// the `width` and `height` attributes when they are plain numbers (or pixels). Pages give every picture
/// `width` and `height` attributes from this, so the browser lays the picture out before it loads.
public enum SVGSize {
    /// Whole-pixel width and height, or nil when the root element does not say (or says in ems or %).
    public static func of(_ svg: String) -> (width: Int, height: Int)? {
        guard let start = svg.range(of: "<svg"), let end = svg[start.upperBound...].firstIndex(of: ">") else { return nil }
        let tag = svg[start.upperBound..<end]
        let box = attribute("viewBox", in: tag)?.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) } ?? []
        let width = box.count == 4 ? box[2] : pixels(attribute("width", in: tag))
        let height = box.count == 4 ? box[3] : pixels(attribute("height", in: tag))
        guard let width, let height, width >= 1, height >= 1, width < 1_000_000, height < 1_000_000 else { return nil }
        return (Int(width.rounded()), Int(height.rounded()))
    }

    private static func attribute(_ name: String, in tag: Substring) -> Substring? {
        var rest = tag[...]
        while let found = rest.range(of: name + "=") {
            let before = rest[..<found.lowerBound].last
            let valueStart = found.upperBound
            guard valueStart < rest.endIndex else { return nil }
            let quote = rest[valueStart]
            if (before == nil || before!.isWhitespace), quote == "\"" || quote == "'",
               let close = rest[rest.index(after: valueStart)...].firstIndex(of: quote) {
                return rest[rest.index(after: valueStart)..<close]
            }
            rest = rest[found.upperBound...]
        }
        return nil
    }

    private static func pixels(_ value: Substring?) -> Double? {
        guard var value else { return nil }
        if value.hasSuffix("px") { value = value.dropLast(2) }
        return Double(value)
    }
}
