import Foundation
import TaleBuild
import TaleCore

/// Writes to standard output and standard error, and turns build results into exit codes.
enum Console {
    static func out(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func err(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// A reporter that prints stage lines unless `quiet`, and problems always; a progress bar
    /// given here ends its line before anything else is printed.
    static func reporter(quiet: Bool, verbose: Bool, bar: ProgressBar? = nil) -> BuildReporter {
        BuildReporter(verbose: verbose,
                      progress: { line in
                          bar?.finish()
                          if !quiet { Console.out(line) }
                      },
                      problem: { line in
                          bar?.finish()
                          Console.err(line)
                      })
    }

    /// A count with its noun: `1 book`, `3 books`.
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// The project folder from `--source`, made absolute.
    static func projectURL(_ source: String) -> URL {
        URL(fileURLWithPath: source, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
    }

    /// A path for messages: relative to the current folder when inside it.
    static func display(_ url: URL) -> String {
        let here = FileManager.default.currentDirectoryPath
        let path = url.standardizedFileURL.path
        return path.hasPrefix(here + "/") ? String(path.dropFirst(here.count + 1)) : path
    }

    /// Prints the failure and returns the exit code for it.
    static func fail(_ error: TaleError) -> Int32 {
        err("error: \(error)")
        return 1
    }
}
