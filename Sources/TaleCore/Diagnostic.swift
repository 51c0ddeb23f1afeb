/// A place in a source file: a path relative to the project, and a 1-based line and column.
public struct SourceLocation: Hashable, Sendable, Comparable {
    /// The file, relative to the project root (for example `content/fox/index.md`).
    public var file: String
    /// 1-based line; 0 when the whole file is meant.
    public var line: Int
    /// 1-based column counted in characters; 0 when the whole line is meant.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, leaving out the parts that are zero.
    public var description: String {
        guard line > 0 else { return file }
        guard column > 0 else { return "\(file):\(line)" }
        return "\(file):\(line):\(column)"
    }

    /// Orders by file, then line, then column.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// How bad a diagnostic is: errors stop the build, warnings do not.
public enum Severity: String, Sendable, Hashable {
    /// The build cannot go on.
    case error
    /// The build goes on, but the writer should look.
    case warning
}

/// One message for the writer, tied to a place in their sources, with a hint on how to fix it.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// Error or warning.
    public var severity: Severity
    /// Where the problem is.
    public var location: SourceLocation
    /// What is wrong, in one sentence.
    public var message: String
    /// How to fix it, when there is something useful to say.
    public var hint: String?

    /// Creates a diagnostic.
    public init(_ severity: Severity, at location: SourceLocation, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
    }

    /// `content/fox/index.md:12:3: error: message`, then `  hint: ...` on its own line when there is one.
    public var description: String {
        var text = "\(location.description): \(severity.rawValue): \(message)"
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}

/// Diagnostics collected while working through a project; order is kept stable for output.
public struct DiagnosticList: Sendable {
    /// Every diagnostic, in the order reported.
    public private(set) var all: [Diagnostic] = []

    /// An empty list.
    public init() {}

    /// Adds one diagnostic.
    public mutating func report(_ diagnostic: Diagnostic) { all.append(diagnostic) }

    /// Adds an error.
    public mutating func error(_ location: SourceLocation, _ message: String, hint: String? = nil) {
        all.append(Diagnostic(.error, at: location, message, hint: hint))
    }

    /// Adds a warning.
    public mutating func warning(_ location: SourceLocation, _ message: String, hint: String? = nil) {
        all.append(Diagnostic(.warning, at: location, message, hint: hint))
    }

    /// Adds all of another list's diagnostics.
    public mutating func append(contentsOf other: DiagnosticList) { all.append(contentsOf: other.all) }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// The errors alone.
    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }

    /// The warnings alone.
    public var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }

    /// Sorted by location so output does not depend on the order work finished in.
    public var sorted: [Diagnostic] {
        all.enumerated().sorted { a, b in
            a.element.location == b.element.location ? a.offset < b.offset : a.element.location < b.element.location
        }.map(\.element)
    }
}
