import CZlib

/// Compression through zlib: gzip files for hosts that serve pre-compressed siblings, and raw
/// deflate for zip containers. Output depends only on the input and the zlib version.
public enum Deflate {
    /// Why zlib refused.
    public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// zlib's return code.
        public var code: Int32
        /// `zlib error N`.
        public var description: String { "zlib error \(code)" }
    }

    /// `bytes` as a gzip file (RFC 1952) with no name and a zero timestamp.
    public static func gzip(_ bytes: [UInt8], level: Int32 = 9) throws(Failure) -> [UInt8] {
        try deflate(bytes, level: level, wrapper: .gzip)
    }

    /// `bytes` as a raw deflate stream (RFC 1951), as zip entries hold them.
    public static func raw(_ bytes: [UInt8], level: Int32 = 9) throws(Failure) -> [UInt8] {
        try deflate(bytes, level: level, wrapper: .raw)
    }

    /// `bytes` as a zlib stream (RFC 1950), as PDF's FlateDecode filter reads it.
    public static func zlib(_ bytes: [UInt8], level: Int32 = 6) throws(Failure) -> [UInt8] {
        try deflate(bytes, level: level, wrapper: .zlib)
    }

    /// The contents of a gzip file.
    public static func gunzip(_ bytes: [UInt8]) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        guard tale_inflate_init_gzip(&stream) == Z_OK else { throw Failure(code: Z_STREAM_ERROR) }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var input = bytes
        let status: Int32 = input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(source.count)
            var result: Int32 = Z_OK
            repeat {
                result = chunk.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = uInt(target.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                output.append(contentsOf: chunk[0..<(chunk.count - Int(stream.avail_out))])
            } while result == Z_OK
            return result
        }
        guard status == Z_STREAM_END else { throw Failure(code: status) }
        return output
    }

    private enum Wrapper { case gzip, raw, zlib }

    private static func deflate(_ bytes: [UInt8], level: Int32, wrapper: Wrapper) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        let initialised: Int32
        switch wrapper {
        case .gzip: initialised = tale_deflate_init_gzip(&stream, level)
        case .raw: initialised = tale_deflate_init_raw(&stream, level)
        case .zlib: initialised = tale_deflate_init_zlib(&stream, level)
        }
        guard initialised == Z_OK else { throw Failure(code: initialised) }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))) + 32)
        var input = bytes
        let status: Int32 = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                return CZlib.deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw Failure(code: status) }
        return Array(output.prefix(Int(stream.total_out)))
    }
}
