extension String {
    /// The text's lines, cut on its bytes where cmark-gfm and libyaml cut them: at `\n`, `\r\n`, and
    /// a `\r` alone (an old Mac line end), so that their line numbers index this array. Splitting a
    /// `String` on `"\n"` goes by characters, and `"\r\n"` is one character: such a file came out as
    /// one line. On bytes it is also many times quicker.
    public func lines() -> [Substring] {
        var lines: [Substring] = []
        let bytes = utf8
        var start = bytes.startIndex, index = start
        while index != bytes.endIndex {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") else {
                index = bytes.index(after: index)
                continue
            }
            lines.append(Substring(bytes[start..<index]))
            index = bytes.index(after: index)
            if byte == UInt8(ascii: "\r"), index != bytes.endIndex, bytes[index] == UInt8(ascii: "\n") { index = bytes.index(after: index) }
            start = index
        }
        lines.append(Substring(bytes[start..<index]))
        return lines
    }
}
