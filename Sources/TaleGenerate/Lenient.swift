/// A value of a service's answer that may have another shape than Tale reads: nil then, instead
/// of failing the whole answer, so the caller can say what is missing.
struct Lenient<Value: Decodable>: Decodable {
    /// The value, or nil when it was not a `Value`.
    var value: Value?

    init(from decoder: any Decoder) throws {
        value = try? decoder.singleValueContainer().decode(Value.self)
    }
}
