extension String {
    /// The text's lines, cut on its bytes, each without the `\r` of a Windows line end. Splitting
    /// a `String` on `"\n"` goes by characters, and `"\r\n"` is one character: such a file came
    /// out as one line. On bytes it is also many times quicker.
    public func lines() -> [Substring] {
        utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            Substring(line.last == UInt8(ascii: "\r") ? line.dropLast() : line)
        }
    }
}
