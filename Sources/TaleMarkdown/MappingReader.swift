import TaleCore

/// Reads typed values out of a YAML mapping, reporting wrong types and unknown keys as located
/// diagnostics. Shared by the front matter and `tale.yaml` decoders.
struct MappingReader {
    let pairs: [(key: String, keyLocation: SourceLocation, value: YAMLValue)]
    let context: String
    var diagnostics: DiagnosticList = DiagnosticList()

    init(_ pairs: [(key: String, keyLocation: SourceLocation, value: YAMLValue)], context: String) {
        self.pairs = pairs
        self.context = context
    }

    /// Warns about every key not in `known`, with a did-you-mean.
    mutating func warnUnknownKeys(known: [String]) {
        for pair in pairs where !known.contains(pair.key) {
            diagnostics.warning(pair.keyLocation,
                                "unknown \(context) key '\(pair.key)'\(Suggestion.didYouMean(pair.key, among: known))",
                                hint: "Tale ignores it. Known keys: \(known.joined(separator: ", "))")
        }
    }

    func value(_ key: String) -> YAMLValue? { pairs.first { $0.key == key }?.value }

    /// A string; an empty plain value counts as absent.
    mutating func string(_ key: String) -> String? {
        guard let value = value(key) else { return nil }
        guard case .scalar(let text, let quoted, _) = value else {
            typeError(key, value, expected: "text", example: "\(key): \"...\"")
            return nil
        }
        if !quoted, text.isEmpty || text == "~" || text == "null" { return nil }
        return text
    }

    /// One of a fixed set of words.
    mutating func word<T: RawRepresentable & CaseIterable>(_ key: String, as: T.Type) -> T? where T.RawValue == String {
        guard let text = string(key), let location = value(key)?.location else { return nil }
        if let result = T(rawValue: text) { return result }
        let allowed = T.allCases.map(\.rawValue)
        diagnostics.error(location, "\(key) must be one of \(allowed.joined(separator: ", ")); found '\(text)'\(Suggestion.didYouMean(text, among: allowed))")
        return nil
    }

    /// `true` or `false`, unquoted.
    mutating func bool(_ key: String) -> Bool? {
        guard let value = value(key) else { return nil }
        if case .scalar(let text, false, _) = value {
            if text == "true" { return true }
            if text == "false" { return false }
        }
        typeError(key, value, expected: "true or false", example: "\(key): true")
        return nil
    }

    /// A whole number within `range`, unquoted.
    mutating func integer(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let value = value(key) else { return nil }
        if case .scalar(let text, false, let location) = value, let number = Int(text), text.allSatisfy(\.isNumber) {
            if range.contains(number) { return number }
            diagnostics.error(location, "\(key) must be from \(range.lowerBound) to \(range.upperBound); found \(number)")
            return nil
        }
        typeError(key, value, expected: "a whole number", example: "\(key): 10")
        return nil
    }

    /// A positive number of seconds or the like (`60`, `2.5`), unquoted, within `range`.
    mutating func number(_ key: String, in range: ClosedRange<Double>) -> Double? {
        guard let value = value(key) else { return nil }
        if case .scalar(let text, false, let location) = value, let number = Double(text),
           text.allSatisfy({ $0.isNumber || $0 == "." }) {
            if range.contains(number) { return number }
            diagnostics.error(location, "\(key) must be from \(range.lowerBound) to \(range.upperBound); found \(text)")
            return nil
        }
        typeError(key, value, expected: "a number", example: "\(key): 30")
        return nil
    }

    /// A nested mapping's reader, for settings grouped under a key; nil when the key is absent or not a mapping.
    mutating func mapping(_ key: String, context: String) -> MappingReader? {
        guard let value = value(key) else { return nil }
        guard case .mapping(let pairs, _) = value else {
            typeError(key, value, expected: "settings written as `key: value` lines under it", example: "\(key):\n  provider: embedded")
            return nil
        }
        return MappingReader(pairs, context: context)
    }

    /// A list of strings.
    mutating func strings(_ key: String) -> [String]? {
        guard let value = value(key) else { return nil }
        guard case .sequence(let items, _) = value else {
            typeError(key, value, expected: "a list", example: "\(key): [one, two]")
            return nil
        }
        var result: [String] = []
        for item in items {
            guard case .scalar(let text, _, _) = item else {
                diagnostics.error(item.location, "each item of \(key) must be text, like `\(key): [one, two]`")
                continue
            }
            result.append(text)
        }
        return result
    }

    mutating func typeError(_ key: String, _ value: YAMLValue, expected: String, example: String) {
        let found: String
        switch value {
        case .scalar(let text, let quoted, _): found = quoted ? "the quoted text \"\(text)\"" : "'\(text)'"
        case .sequence: found = "a list"
        case .mapping: found = "a mapping"
        }
        diagnostics.error(value.location, "\(key) must be \(expected); found \(found)", hint: "write it like `\(example)`")
    }
}
