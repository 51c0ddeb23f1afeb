/// Turns an `Encodable` value into a `JSONValue`, so a file's shape is a type (book.json, cues.json,
/// lock.json) and its text is still `JSONValue`'s: keys in the order the type encodes them (its
/// properties' order, for a synthesised conformance), strings safe inside `<script>`. Unlike
/// `JSONEncoder`, an absent optional is written as `null`, so every key of the type is always there.
public struct JSONValueEncoder {
    /// An encoder.
    public init() {}

    /// `value` as JSON.
    public func encode(_ value: some Encodable) throws -> JSONValue {
        let root = Node()
        try value.encode(to: NodeEncoder(node: root, codingPath: []))
        return root.value
    }
}

extension JSONValue: Encodable {
    /// Encodes the value as it is (a schema inside a request body, say).
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .string(let text):
            var single = encoder.singleValueContainer()
            try single.encode(text)
        case .int(let number):
            var single = encoder.singleValueContainer()
            try single.encode(number)
        case .double(let number):
            var single = encoder.singleValueContainer()
            try single.encode(number)
        case .bool(let flag):
            var single = encoder.singleValueContainer()
            try single.encode(flag)
        case .null:
            var single = encoder.singleValueContainer()
            try single.encodeNil()
        case .array(let items):
            var list = encoder.unkeyedContainer()
            for item in items { try list.encode(item) }
        case .object(let pairs):
            var object = encoder.container(keyedBy: AnyKey.self)
            for (key, value) in pairs { try object.encode(value, forKey: AnyKey(stringValue: key)) }
        }
    }

    /// `value` as JSON (`JSONValueEncoder`). Tale's document types encode nothing that can fail.
    public init(encoding value: some Encodable) {
        do {
            self = try JSONValueEncoder().encode(value)
        } catch {
            preconditionFailure("cannot encode \(type(of: value)): \(error)")
        }
    }
}

/// One value being built: a scalar, or a list or object whose members are filled in as encoded.
private final class Node {
    enum Kind { case scalar, array, object }

    var kind = Kind.scalar
    var scalar = JSONValue.null
    var items: [Node] = []
    var pairs: [(String, Node)] = []

    var value: JSONValue {
        switch kind {
        case .scalar: return scalar
        case .array: return .array(items.map(\.value))
        case .object: return .object(pairs.map { ($0.0, $0.1.value) })
        }
    }

    func set(_ value: JSONValue) {
        kind = .scalar
        scalar = value
    }

    /// A new member for `key`, at the end. Each key is encoded once (as synthesised conformances and
    /// Tale's document types do), so there is no search for one already there.
    func member(_ key: String) -> Node {
        kind = .object
        let node = Node()
        pairs.append((key, node))
        return node
    }

    /// A new item at the end of the list.
    func appended() -> Node {
        kind = .array
        let node = Node()
        items.append(node)
        return node
    }
}

/// Encodes into `node`. The coding path is left empty: nothing Tale encodes can fail, and building
/// a path for every value cost an array each.
private struct NodeEncoder: Encoder {
    let node: Node
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.kind = .object
        return KeyedEncodingContainer(KeyedNodeContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.kind = .array
        return UnkeyedNodeContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleNodeContainer(node: node, codingPath: codingPath) }
}

/// Scalars as `JSONValue`; anything else encodes itself into a fresh node. The scalar types are told
/// apart by their metatypes, which costs a comparison, not a dynamic cast: a reader page embeds its
/// cue map, and a rebuild of 1000 pages encodes hundreds of thousands of values.
private func encodeValue<T: Encodable>(_ value: T, into node: Node, codingPath: [any CodingKey]) throws {
    if T.self == String.self {
        node.set(.string(unsafeBitCast(value, to: String.self)))
    } else if T.self == Int.self {
        node.set(.int(unsafeBitCast(value, to: Int.self)))
    } else if T.self == Double.self {
        node.set(.double(unsafeBitCast(value, to: Double.self)))
    } else if T.self == Bool.self {
        node.set(.bool(unsafeBitCast(value, to: Bool.self)))
    } else if T.self == JSONValue.self {
        node.set(unsafeBitCast(value, to: JSONValue.self))
    } else {
        try value.encode(to: NodeEncoder(node: node, codingPath: codingPath))
    }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { node.member(key.stringValue).set(.null) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try encodeValue(value, into: node.member(key.stringValue), codingPath: codingPath)
    }

    mutating func encode(_ value: String, forKey key: Key) throws { node.member(key.stringValue).set(.string(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { node.member(key.stringValue).set(.int(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws { node.member(key.stringValue).set(.double(value)) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { node.member(key.stringValue).set(.bool(value)) }

    // An absent optional is written as null rather than left out: synthesised conformances call
    // the overload for the property's type, so each scalar's is given too.
    private mutating func encodeOrNull<T: Encodable>(_ value: T?, _ key: Key) throws {
        guard let value else { return try encodeNil(forKey: key) }
        try encode(value, forKey: key)
    }

    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { try encodeOrNull(value, key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try encodeOrNull(value, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try encodeOrNull(value, key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try encodeOrNull(value, key) }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try encodeOrNull(value, key) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        NodeEncoder(node: node.member(key.stringValue), codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        NodeEncoder(node: node.member(key.stringValue), codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { NodeEncoder(node: node.member("super"), codingPath: codingPath) }

    mutating func superEncoder(forKey key: Key) -> any Encoder { NodeEncoder(node: node.member(key.stringValue), codingPath: codingPath) }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]
    var count: Int { node.items.count }

    mutating func encodeNil() throws { node.appended().set(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws { try encodeValue(value, into: node.appended(), codingPath: codingPath) }
    mutating func encode(_ value: String) throws { node.appended().set(.string(value)) }
    mutating func encode(_ value: Int) throws { node.appended().set(.int(value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        NodeEncoder(node: node.appended(), codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        NodeEncoder(node: node.appended(), codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { NodeEncoder(node: node.appended(), codingPath: codingPath) }
}

private struct SingleNodeContainer: SingleValueEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.set(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws { try encodeValue(value, into: node, codingPath: codingPath) }
}

/// Any string as a coding key: the keys of an object whose keys are data.
public struct AnyKey: CodingKey {
    /// The key.
    public let stringValue: String
    /// Never an index.
    public var intValue: Int? { nil }

    /// The key `stringValue`.
    public init(stringValue: String) { self.stringValue = stringValue }

    /// Keys are never indexes.
    public init?(intValue: Int) { nil }
}
