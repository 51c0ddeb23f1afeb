/// A SHA-256 as four words: compared, stored and hashed without a string for each file.
public struct Digest: Hashable, Sendable {
    private var words: (UInt64, UInt64, UInt64, UInt64)

    /// The digest written as 64 hex digits, or nil for anything else.
    public init?(hex: String) {
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var count = 0
        for byte in hex.utf8 {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            default: return nil
            }
            switch count / 16 {
            case 0: words.0 = words.0 << 4 | UInt64(digit)
            case 1: words.1 = words.1 << 4 | UInt64(digit)
            case 2: words.2 = words.2 << 4 | UInt64(digit)
            case 3: words.3 = words.3 << 4 | UInt64(digit)
            default: return nil
            }
            count += 1
        }
        guard count == 64 else { return nil }
        self.words = words
    }

    /// The digest from its 32 bytes as stored in the index.
    public init(bytes: ArraySlice<UInt8>) {
        func word(_ at: Int) -> UInt64 {
            (0..<8).reduce(0) { $0 << 8 | UInt64(bytes[bytes.startIndex + at * 8 + $1]) }
        }
        words = (word(0), word(1), word(2), word(3))
    }

    /// Whether two digests have the same 32 bytes.
    public static func == (lhs: Digest, rhs: Digest) -> Bool { lhs.words == rhs.words }

    /// Hashes the first 16 bytes, which tell digests apart as well as all 32.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
    }

    /// Its 32 bytes, as the index stores them.
    public func appendBytes(to out: inout [UInt8]) {
        for word in [words.0, words.1, words.2, words.3] { withUnsafeBytes(of: word.bigEndian) { out.append(contentsOf: $0) } }
    }

    /// Its 64 lowercase hex digits.
    public func appendHex(to out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { digits in
            for (index, word) in [words.0, words.1, words.2, words.3].enumerated() {
                for nibble in 0..<16 { digits[index * 16 + nibble] = Digest.hexDigits[Int(word >> UInt64(60 - nibble * 4) & 0xF)] }
            }
            out.append(contentsOf: digits)
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
