// libyaml, as the Yams package compiles it (its CYaml module). Tale reads libyaml's events itself,
// so that no tree is composed before Tale's rules have been applied: an alias is refused where it
// is written, never expanded.
import CYaml

/// One event of libyaml's parse, copied out of C. Lines and columns count from 1 within the text read.
struct YAMLEvent {
    /// What the event is.
    enum Kind {
        /// The start or end of the stream, or of a document, with where the document starts.
        case streamStart, streamEnd, documentStart, documentEnd
        /// `*name`.
        case alias(anchor: String)
        /// A scalar: its text, whether it was written plain (no quotes, no `|` or `>`), its tag and anchor.
        case scalar(String, plain: Bool, tag: String?, anchor: String?)
        /// The start of a list, with its tag and anchor.
        case sequenceStart(tag: String?, anchor: String?)
        /// The start of a mapping, with its tag and anchor.
        case mappingStart(tag: String?, anchor: String?)
        /// The end of a list or of a mapping.
        case sequenceEnd, mappingEnd
    }

    /// What the event is.
    let kind: Kind
    /// The line where the event starts (its anchor or tag, if it has one).
    let line: Int
    /// The column where the event starts, counted in characters.
    let column: Int
}

/// libyaml could not read the text: its problem, its context, and where.
struct YAMLSyntaxError: Error, Equatable {
    /// libyaml's description of the problem, like "mapping values are not allowed in this context".
    let problem: String
    /// What libyaml was reading, like "while parsing a block mapping", if it says.
    let context: String?
    /// Where the problem is, counting from 1.
    let line: Int
    /// The column of the problem, counted in characters from 1.
    let column: Int
}

/// libyaml's parser over one text, read an event at a time. Nothing is composed: the caller
/// decides what each event means, so a bomb of aliases costs one event per `*` written.
final class YAMLEventReader {
    private var parser = yaml_parser_t()
    private let bytes: UnsafeMutableBufferPointer<UInt8>
    private let count: Int
    private var finished = false

    /// A reader over `text` (UTF-8).
    init(_ text: String) {
        let utf8 = Array(text.utf8)
        count = utf8.count
        bytes = .allocate(capacity: max(utf8.count, 1))
        _ = bytes.initialize(from: utf8)
        yaml_parser_initialize(&parser)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, utf8.count)
    }

    deinit {
        yaml_parser_delete(&parser)
        bytes.deallocate()
    }

    /// The next event, nil after the stream's end.
    func next() throws(YAMLSyntaxError) -> YAMLEvent? {
        guard !finished else { return nil }
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else { throw syntaxError() }
        defer { yaml_event_delete(&event) }
        let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
        let kind: YAMLEvent.Kind
        switch event.type {
        case YAML_STREAM_START_EVENT: kind = .streamStart
        case YAML_STREAM_END_EVENT: kind = .streamEnd; finished = true
        case YAML_DOCUMENT_START_EVENT: kind = .documentStart
        case YAML_DOCUMENT_END_EVENT: kind = .documentEnd
        case YAML_ALIAS_EVENT: kind = .alias(anchor: Self.text(event.data.alias.anchor) ?? "")
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let value = scalar.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self) } ?? ""
            kind = .scalar(value, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE || scalar.style == YAML_ANY_SCALAR_STYLE,
                           tag: Self.text(scalar.tag), anchor: Self.text(scalar.anchor))
        case YAML_SEQUENCE_START_EVENT:
            kind = .sequenceStart(tag: Self.text(event.data.sequence_start.tag), anchor: Self.text(event.data.sequence_start.anchor))
        case YAML_SEQUENCE_END_EVENT: kind = .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            kind = .mappingStart(tag: Self.text(event.data.mapping_start.tag), anchor: Self.text(event.data.mapping_start.anchor))
        case YAML_MAPPING_END_EVENT: kind = .mappingEnd
        default: kind = .streamEnd; finished = true
        }
        return YAMLEvent(kind: kind, line: line, column: column)
    }

    private static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private func syntaxError() -> YAMLSyntaxError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unreadable YAML"
        let context = parser.context.map { String(cString: $0) }
        if parser.error == YAML_READER_ERROR {
            let place = position(ofByte: parser.problem_offset)
            return YAMLSyntaxError(problem: problem, context: context, line: place.line, column: place.column)
        }
        return YAMLSyntaxError(problem: problem, context: context,
                               line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
    }

    /// The line and character column of byte `offset` (the reader reports bytes, not marks). Lines
    /// end as libyaml's marks end them: at `\n`, `\r\n` or a `\r` alone.
    private func position(ofByte offset: Int) -> (line: Int, column: Int) {
        var line = 1, column = 1
        let end = min(offset, count)
        for index in 0..<end {
            let byte = bytes[index]
            let endsLine = byte == 0x0A || (byte == 0x0D && (index + 1 == count || bytes[index + 1] != 0x0A))
            if endsLine { line += 1; column = 1 } else if byte != 0x0D && byte & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }
}
