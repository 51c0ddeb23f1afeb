/// A value a theme's template reads: text, a whole number, a flag, a list, or an object of named
/// values. Pages hand templates nothing else, so a lookup is a switch and a short scan, with no
/// casts of `Any`.
public enum TemplateValue: Sendable {
    /// Text; interpolated as it is (escaped for HTML by `{{name}}`), and a section over it renders once with it as `.`.
    case string(String)
    /// A whole number, interpolated in decimal; a section over it renders once, even for 0.
    case int(Int)
    /// A flag: a section renders when it is true, an inverted section when it is false.
    case bool(Bool)
    /// A section renders once per item; an inverted section renders when the list is empty.
    case list([TemplateValue])
    /// Named values; a section over it renders once with its names in reach.
    case object(TemplateObject)

    /// Whether an inverted section over this value renders: false, or an empty list.
    var isFalsey: Bool {
        switch self {
        case .bool(let flag): !flag
        case .list(let items): items.isEmpty
        default: false
        }
    }

    /// The value's child `name`, when it is an object that has it.
    func child(_ name: String) -> TemplateValue? {
        if case .object(let object) = self { return object[name] }
        return nil
    }
}

/// Named values, in the order they were first set; setting a name again replaces its value. Pages
/// hold a dozen names or so, so a lookup compares names in order, which for names of up to 15
/// bytes (stored inside the string) is quicker than hashing them.
public struct TemplateObject: Sendable, ExpressibleByDictionaryLiteral {
    /// Names and values, each name once.
    public private(set) var entries: [(name: String, value: TemplateValue)] = []

    /// An empty object.
    public init() {}

    /// An object from `[name: value]`; a name given twice keeps its last value.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        entries.reserveCapacity(elements.count)
        for (name, value) in elements { self[name] = value }
    }

    /// The value named `name`; setting nil removes it.
    public subscript(name: String) -> TemplateValue? {
        get {
            for entry in entries where entry.name == name { return entry.value }
            return nil
        }
        set {
            let index = entries.firstIndex { $0.name == name }
            switch (index, newValue) {
            case (let index?, let value?): entries[index].value = value
            case (let index?, nil): entries.remove(at: index)
            case (nil, let value?): entries.append((name, value))
            case (nil, nil): break
            }
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    /// Text from a literal.
    public init(stringLiteral value: String) { self = .string(value) }
    /// A number from a literal.
    public init(integerLiteral value: Int) { self = .int(value) }
    /// A flag from a literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// A list from a literal.
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    /// An object from a literal.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        var object = TemplateObject()
        for (name, value) in elements { object[name] = value }
        self = .object(object)
    }
}
