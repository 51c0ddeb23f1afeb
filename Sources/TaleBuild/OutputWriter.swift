import CAtomicRename
import Foundation
import TaleCore

/// Writes the whole output into a staging folder beside the target, then swaps it into place in
/// one step, so the previous output stays whole until the new one is complete.
public enum OutputWriter {
    /// The prefix of staging folders for `output`: `.<name>.tale-staging-`.
    static func stagingPrefix(for output: URL) -> String { ".\(output.lastPathComponent).tale-staging-" }

    /// Removes staging folders left by builds that were killed (their process is gone).
    public static func cleanLeftovers(for output: URL) {
        let parent = output.deletingLastPathComponent()
        let prefix = stagingPrefix(for: output)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for name in names where name.hasPrefix(prefix) {
            if let pid = Int32(name.dropFirst(prefix.count)), pid != getpid(), kill(pid, 0) == 0 { continue }
            try? FileManager.default.removeItem(at: parent.appending(path: name))
        }
    }

    /// Writes `files`, and the source files `copies` names, as the new content of `output`.
    public static func write(_ files: [String: [UInt8]], copies: [String: SourceCopy] = [:], to output: URL) throws(TaleError) {
        let parent = output.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw .io(path: parent.path, reason: "cannot create the folder: \(error.localizedDescription)")
        }
        cleanLeftovers(for: output)
        let staging = parent.appending(path: stagingPrefix(for: output) + String(getpid()))
        try? FileManager.default.removeItem(at: staging)
        var created: Set<String> = []
        for path in (Array(files.keys) + Array(copies.keys)).sorted() {
            let url = staging.appending(path: path)
            let folder = url.deletingLastPathComponent().path
            do {
                if !created.contains(folder) {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                    created.insert(folder)
                }
                if let bytes = files[path] {
                    try Data(bytes).write(to: url)
                } else if let copy = copies[path] {
                    // The output is named for the content read at render; a file saved since then would not match its name.
                    guard try copy.copy(to: url) else {
                        try? FileManager.default.removeItem(at: staging)
                        throw TaleError.io(path: copy.file.path, reason: "the file changed while the site was being built; build again")
                    }
                }
            } catch let error as TaleError {
                throw error
            } catch {
                try? FileManager.default.removeItem(at: staging)
                throw .io(path: url.path, reason: "cannot write: \(error.localizedDescription)")
            }
        }
        if FileManager.default.fileExists(atPath: output.path) {
            // Exchange the two folders atomically, then remove the old one (now at the staging path).
            guard tale_rename_exchange(staging.path, output.path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: staging)
                throw .io(path: output.path, reason: "cannot swap in the new output: \(reason)")
            }
        } else if rename(staging.path, output.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: staging)
            throw .io(path: output.path, reason: "cannot move the new output into place: \(reason)")
        }
        try? FileManager.default.removeItem(at: staging)
    }
}
