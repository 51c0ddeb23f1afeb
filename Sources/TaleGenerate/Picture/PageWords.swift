import Foundation

/// The words of a page's text as the picture reader compares them: lowercase letters only
/// (an apostrophe kept where asked, for "baker's"), and where a phrase of them stands (`Found`).
///
/// Every page of every book is read this way many times over (for its hour, its place, its cast
/// and its props), so text that is all ASCII, as most is, is split byte by byte; other text goes
/// through `Character`, whose letter test looks each one up in Unicode's tables. Both give the
/// same words.
enum PageWords {
    /// The lowercase words of `text`, split at anything that is not a letter (or `keeping`).
    static func of(_ text: String, keeping: Character? = nil) -> [String] {
        words(text, lowercased: true, keeping: keeping)
    }

    /// The words of `text` as written (case kept), split at anything that is not a letter.
    static func asWritten(_ text: String) -> [String] {
        words(text, lowercased: false, keeping: nil)
    }

    /// Whether `text` holds `part`, byte for byte (Foundation's `contains` goes through UTF-16, and
    /// the standard library's `firstRange(of:)` through generic metadata, at many times the cost).
    static func bytes(of text: String, contain part: String) -> Bool {
        var text = text, part = part
        return text.withUTF8 { haystack in
            part.withUTF8 { needle in
                guard let first = needle.first else { return true }
                guard haystack.count >= needle.count, let base = haystack.baseAddress, let wanted = needle.baseAddress else { return false }
                var start = 0
                let last = haystack.count - needle.count
                while start <= last {
                    // The next place the first byte is, then the rest compared there.
                    guard let found = memchr(base + start, Int32(first), last - start + 1) else { return false }
                    let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + at, wanted, needle.count) == 0 { return true }
                    start = at + 1
                }
                return false
            }
        }
    }

    /// A page's words and where each stands, for finding many phrases in the one page.
    struct Found {
        /// The page's words, in order.
        let words: [String]
        /// Each word's positions in `words`, in order.
        private let positions: [String: [Int]]

        /// The words of `words`, indexed.
        init(_ words: [String]) {
            self.words = words
            var positions: [String: [Int]] = [:]
            for (index, word) in words.enumerated() { positions[word, default: []].append(index) }
            self.positions = positions
        }

        /// The positions where `phrase` (words separated by single spaces) starts.
        func starts(of phrase: String) -> [Int] {
            let parts = phrase.split(separator: " ").map(String.init)
            guard let first = parts.first, let candidates = positions[first] else { return [] }
            guard parts.count > 1 else { return candidates }
            return candidates.filter { start in
                start + parts.count <= words.count && (1..<parts.count).allSatisfy { words[start + $0] == parts[$0] }
            }
        }
    }

    private static func words(_ text: String, lowercased: Bool, keeping: Character?) -> [String] {
        let kept = keeping?.asciiValue
        if keeping == nil || kept != nil, let ascii = asciiWords(text, lowercased: lowercased, keeping: kept) { return ascii }
        return (lowercased ? text.lowercased() : text).split { !$0.isLetter && $0 != keeping }.map(String.init)
    }

    /// The words of `text` when it is all ASCII; nil when it is not.
    private static func asciiWords(_ text: String, lowercased: Bool, keeping: UInt8?) -> [String]? {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            var words: [String] = []
            var word: [UInt8] = []
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                if (byte >= 0x61 && byte <= 0x7A) || byte == keeping {
                    word.append(byte)
                } else if byte >= 0x41 && byte <= 0x5A {
                    word.append(lowercased ? byte + 0x20 : byte)
                } else if !word.isEmpty {
                    words.append(String(decoding: word, as: UTF8.self))
                    word.removeAll(keepingCapacity: true)
                }
            }
            if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
            return words
        }
    }
}
