import Foundation

/// Book slugs and scene ids: lowercase a-z, 0-9 and single hyphens.
public enum Slug {
    /// Whether `text` is a valid slug: lowercase letters and digits in runs joined by single hyphens.
    public static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, !text.hasPrefix("-"), !text.hasSuffix("-"), !text.contains("--") else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// Makes a slug from free text: letters and digits kept (lowercased, accents dropped), everything else one hyphen.
    public static func make(from text: String) -> String {
        var result = ""
        var pendingHyphen = false
        let folded = text.decomposedStringWithCanonicalMapping.lowercased()
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingHyphen, !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.unicodeScalars.append(scalar)
            } else if scalar.properties.generalCategory == .nonspacingMark || scalar == "'" || scalar == "\u{2019}" {
                continue
            } else {
                pendingHyphen = true
            }
        }
        return result
    }
}
