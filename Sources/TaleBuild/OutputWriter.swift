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
                try writeFile(files[path], copy: copies[path], to: url)
            } catch {
                try? FileManager.default.removeItem(at: staging)
                throw error as? TaleError ?? .io(path: url.path, reason: "cannot write: \(error.localizedDescription)")
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

    /// Brings `output` from the last build's files (`previous`) to this build's in place, for a build
    /// that carried books over. New and changed files are first written beside their old versions
    /// (`.tale-new-<pid>-<name>`); only when all are written are they renamed over the old ones, each
    /// in one step. Files no longer made are removed last, then folders left empty. Unchanged files are
    /// not touched. A failure before the renames removes what it wrote and leaves the output as it was.
    static func update(_ files: [String: [UInt8]], copies: [String: SourceCopy], previous: [String: BuildIndex.OutputFile],
                              current: Set<String>, sha256: (String) -> String, in output: URL) throws(TaleError) {
        var staged: [(new: String, final: String)] = []
        func discard() { for file in staged { unlink(file.new) } }
        var created: Set<String> = []
        for path in (Array(files.keys) + Array(copies.keys)).sorted() {
            let size = files[path]?.count ?? copies[path]!.size
            if let old = previous[path], old.bytes == size, old.sha256 == sha256(path) { continue }
            let final = output.appending(path: path)
            let folder = final.deletingLastPathComponent().path
            let new = folder + "/.tale-new-\(getpid())-" + final.lastPathComponent
            do {
                if !created.contains(folder) {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                    created.insert(folder)
                }
                unlink(new)
                try writeFile(files[path], copy: copies[path], to: URL(fileURLWithPath: new))
            } catch {
                unlink(new)
                discard()
                throw error as? TaleError ?? .io(path: final.path, reason: "cannot write: \(error.localizedDescription)")
            }
            staged.append((new, final.path))
        }
        for (index, file) in staged.enumerated() where rename(file.new, file.final) != 0 {
            let reason = String(cString: strerror(errno))
            for rest in staged[index...] { unlink(rest.new) }
            throw .io(path: file.final, reason: "cannot replace the file: \(reason)")
        }
        var emptied: Set<String> = []
        for path in previous.keys where !current.contains(path) {
            let file = output.appending(path: path)
            unlink(file.path)
            emptied.insert(file.deletingLastPathComponent().path)
        }
        // Deepest first, so a folder emptied by removing its last folder goes too; rmdir leaves full ones.
        for folder in emptied.sorted(by: { $0.count > $1.count }) where folder.hasPrefix(output.path + "/") {
            rmdir(folder)
        }
    }

    /// Writes one output: bytes from memory, or a source file copied as it is.
    private static func writeFile(_ bytes: [UInt8]?, copy: SourceCopy?, to url: URL) throws {
        if let bytes {
            try Data(bytes).write(to: url)
        } else if let copy {
            // The output is named for the content read at render; a file saved since then would not match its name.
            guard try copy.copy(to: url) else {
                throw TaleError.io(path: copy.file.path, reason: "the file changed while the site was being built; build again")
            }
        }
    }
}
