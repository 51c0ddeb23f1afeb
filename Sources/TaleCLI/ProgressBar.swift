import Foundation
import TaleCore
import TaleGenerate

/// Shows generation's progress: a bar redrawn in place on a terminal; on anything else, one plain
/// line per artifact made (artifacts found in a lock are only counted). Quiet shows nothing.
final class ProgressBar: Sendable {
    private enum Mode { case bar, lines, silent }
    private let mode: Mode
    private let drawn = Locked(false)
    /// The last event's done count and made count: a done count that does not grow starts a new run (another stage).
    private let seen = Locked((done: 0, made: 0))

    /// A bar for standard output; `quiet` silences it.
    init(quiet: Bool) {
        mode = quiet ? .silent : (isatty(STDOUT_FILENO) == 1 ? .bar : .lines)
    }

    /// Shows `progress`.
    func update(_ progress: GenerationProgress) {
        switch mode {
        case .silent: return
        case .lines:
            // Only what was made is news; the counts come at the end.
            // A line only when this artifact was made (or failed), not when it came from a lock.
            let news = seen.mutate { last -> Bool in
                let made = progress.generated + progress.failed
                let before = progress.done > last.done ? last.made : 0
                last = (progress.done, made)
                return made > before
            }
            guard news, let latest = progress.latest else { return }
            FileHandle.standardOutput.write(Data("      \(progress.done)/\(progress.total) \(latest)\n".utf8))
        case .bar:
            let width = 24
            let filled = progress.total == 0 ? width : width * progress.done / progress.total
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            let line = "\r      [\(bar)] \(progress.done)/\(progress.total)  generated \(progress.generated) · cached \(progress.cached)"
                + " · failed \(progress.failed)\u{1B}[K"
            drawn.mutate { printed in
                FileHandle.standardOutput.write(Data(line.utf8))
                printed = true
            }
        }
    }

    /// Ends the bar's line, if one was drawn.
    func finish() {
        drawn.mutate { printed in
            if mode == .bar, printed { FileHandle.standardOutput.write(Data("\n".utf8)) }
            printed = false
        }
    }

    /// The counts for a command's summary line: "generated 3, 9 from the lock".
    static func summary(_ progress: GenerationProgress) -> String? {
        guard progress.total > 0 else { return nil }
        var parts = ["generated \(progress.generated)", "\(progress.cached) from the lock"]
        if progress.failed > 0 { parts.append("\(progress.failed) failed") }
        return parts.joined(separator: ", ")
    }
}
