import Foundation

/// Book slugs and scene ids: lowercase a-z, 0-9 and single hyphens.
public enum Slug {
    /// Whether `text` is a valid slug: lowercase letters and digits in runs joined by single hyphens.
    public static func isValid(_ text: String) -> Bool {
        // On the bytes: a build checks every folder name, and String.contains(String) goes through Foundation.
        var previous: UInt8 = UInt8(ascii: "-")
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
            case UInt8(ascii: "-") where previous != UInt8(ascii: "-"): break
            default: return false
            }
            previous = byte
        }
        return !text.isEmpty && previous != UInt8(ascii: "-")
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
