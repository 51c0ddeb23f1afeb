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
        }
    }
}
