/// A quick "not in the table" for words: one bit for each 16-bit hash of a word's bytes, set for
/// every word the table holds. Most words of a story are in no lexicon; for them this answers
/// without the dictionary's hashing, which was the largest cost of reading a scene's words.
/// A set bit may be another word's, so a "maybe" still asks the dictionary.
struct WordFilter: Sendable {
    private var bits = [UInt64](repeating: 0, count: 1 << 10)

    /// A filter that answers "maybe" for each of `words`.
    init(_ words: some Sequence<String>) {
        for word in words {
            let hash = WordFilter.hash(word)
            bits[hash >> 6] |= 1 << UInt64(hash & 63)
        }
    }

    /// False when `word` is surely not one of the filter's words.
    func mayContain(_ word: String) -> Bool {
        let hash = WordFilter.hash(word)
        return bits[hash >> 6] & (1 << UInt64(hash & 63)) != 0
    }

    /// FNV-1a of the bytes, folded to 16 bits.
    static func hash(_ word: String) -> Int {
        var hash: UInt32 = 2_166_136_261
        for byte in word.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return Int((hash >> 16) ^ (hash & 0xFFFF))
    }
}
