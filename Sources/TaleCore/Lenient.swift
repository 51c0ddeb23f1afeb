/// A value in JSON Tale reads (a service's answer, a manifest) that may have another shape than
/// expected: nil then, instead of failing the whole document, so the caller can say what is missing.
public struct Lenient<Value: Decodable>: Decodable {
    /// The value, or nil when it was not a `Value`.
    public var value: Value?

    /// Decodes a `Value`, or keeps nil.
    public init(from decoder: any Decoder) throws {
        value = try? decoder.singleValueContainer().decode(Value.self)
    }
}
