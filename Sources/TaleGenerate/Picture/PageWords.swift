/// The words of a page's text as the picture reader compares them: lowercase letters only
/// (an apostrophe kept where asked, for "baker's"), and where a phrase of them stands.
enum PageWords {
    /// The lowercase words of `text`, split at anything that is not a letter (or `keeping`).
    static func of(_ text: String, keeping: Character? = nil) -> [String] {
        text.lowercased().split { !$0.isLetter && $0 != keeping }.map(String.init)
    }

    /// The positions in `words` where `phrase` (words separated by single spaces) starts.
    static func starts(of phrase: String, in words: [String]) -> [Int] {
        let parts = phrase.split(separator: " ").map(String.init)
        guard !parts.isEmpty, parts.count <= words.count else { return [] }
        return (0...(words.count - parts.count)).filter { Array(words[$0..<$0 + parts.count]) == parts }
    }
}
