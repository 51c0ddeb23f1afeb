/// Failures that stop a command, each with what happened and what to do about it.
/// Equatable, so tests compare them whole.
public enum TaleError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The sources have errors; each is in the list (warnings may be there too).
    case invalidSources([Diagnostic])
    /// A file or folder could not be read or written.
    case io(path: String, reason: String)
    /// `--output` names a folder that is not empty and was not written by Tale.
    case refusingToReplace(path: String)
    /// A command's arguments do not fit together.
    case usage(String)
    /// A theme is missing or broken.
    case theme(name: String, reason: String)
    /// `error` stopped the build in the step named `step`, while it worked on the book `book` (when
    /// the step works book by book). The runner wraps every error a step throws but
    /// `invalidSources`, whose diagnostics name their own places.
    indirect case inStep(String, book: String?, TaleError)
    /// `error` stopped the book `book`'s part of a step, before the runner names the step (`atStep`).
    indirect case inBook(String, TaleError)

    /// The message a person reads.
    public var description: String {
        switch self {
        case .invalidSources(let diagnostics):
            let errors = diagnostics.filter { $0.severity == .error }.count
            return "the build stopped: \(errors) error\(errors == 1 ? "" : "s") in the sources (listed above)"
        case .io(let path, let reason):
            return "\(path): \(reason)"
        case .refusingToReplace(let path):
            return "refusing to replace '\(path)': it is not empty and holds no tale-manifest.json, so Tale did not write it. "
                + "Choose an empty or new folder for --output, or remove this one yourself if you are sure."
        case .usage(let message):
            return message
        case .theme(let name, let reason):
            return "theme '\(name)': \(reason)"
        case .inStep(let step, let book, let error):
            return "\(step)\(book.map { " (book '\($0)')" } ?? ""): \(error)"
        case .inBook(let book, let error):
            return "book '\(book)': \(error)"
        }
    }

    /// `self` as thrown by the book `book`'s part of a step (the runner adds the step's name, `atStep`).
    public func inBook(_ book: String) -> TaleError {
        if case .invalidSources = self { return self }
        return .inBook(book, self)
    }

    /// `self` as thrown by the step named `step`: `invalidSources` as it is, an error a book's
    /// part of the step threw (`inBook`) with the step's name added, any other wrapped.
    public func atStep(_ step: String) -> TaleError {
        switch self {
        case .invalidSources: return self
        case .inBook(let book, let error): return .inStep(step, book: book, error)
        default: return .inStep(step, book: nil, self)
        }
    }
}
