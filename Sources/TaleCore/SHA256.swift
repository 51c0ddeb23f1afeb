import Crypto

/// SHA-256 (FIPS 180-4), for content hashes of sources, assets and media. The compression runs
/// in swift-crypto (BoringSSL's assembly on Linux); this type keeps Tale's small API over it.
// Unchecked: swift-crypto's hasher is a value with copy-on-write storage, not marked Sendable; a hasher is only used by the thread that made it.
public struct SHA256: @unchecked Sendable {
    private var hasher = Crypto.SHA256()

    /// A fresh hasher.
    public init() {}

    /// Feeds bytes.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        if bytes.withContiguousStorageIfAvailable({ update(buffer: UnsafeRawBufferPointer($0)) }) != nil { return }
        update(Array(bytes))
    }

    /// Feeds bytes from an array.
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update(buffer: $0) }
    }

    /// Feeds a string's UTF-8 bytes.
    public mutating func update(_ text: String) {
        var text = text
        text.withUTF8 { update(buffer: UnsafeRawBufferPointer($0)) }
    }

    /// Feeds raw bytes.
    public mutating func update(buffer: UnsafeRawBufferPointer) {
        hasher.update(bufferPointer: buffer)
    }

    /// The 32-byte digest.
    public mutating func finalize() -> [UInt8] {
        Array(hasher.finalize())
    }

    /// The lowercase hex digest of `bytes`.
    public static func hex(_ bytes: [UInt8]) -> String {
        var hasher = SHA256()
        hasher.update(bytes)
        return hexString(hasher.finalize())
    }

    /// The lowercase hex digest of a string's UTF-8 bytes.
    public static func hex(_ text: String) -> String {
        var hasher = SHA256()
        hasher.update(text)
        return hexString(hasher.finalize())
    }

    /// Lowercase hex of any bytes.
    public static func hexString(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
