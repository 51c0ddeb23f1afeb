import CAtomicRename
import Foundation
import TaleCore

/// Writes the whole output into a staging folder beside the target, then swaps it into place in
/// one step, so the previous output stays whole until the new one is complete.
public enum OutputWriter {
    /// The prefix of staging folders for `output`: `.<name>.tale-staging-`.
    public static func stagingPrefix(for output: URL) -> String { ".\(output.lastPathComponent).tale-staging-" }

    /// Removes staging folders left by builds that were killed (their process is gone).
    public static func cleanLeftovers(for output: URL) {
        let parent = output.deletingLastPathComponent()
        let prefix = stagingPrefix(for: output)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for name in names where name.hasPrefix(prefix) {
            // `<prefix><pid>`, or `<prefix><pid>-twin` for a twin being removed.
            if let pid = Int32(name.dropFirst(prefix.count).prefix(while: \.isNumber)), pid != getpid(), kill(pid, 0) == 0 { continue }
            FileTree.remove(parent.appending(path: name).path)
        }
    }

    /// Writes `files`, and the source files `copies` names, as the new content of `output`, on
    /// every core. The old output, swapped out, is removed while `finish` runs, and its removal
    /// waited for before this returns.
    public static func write(_ files: [String: [UInt8]], copies: [String: SourceCopy] = [:], to output: URL,
                             finish: () async throws(TaleError) -> Void = {}) async throws(TaleError) {
        let parent = output.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw .io(path: parent.path, reason: "cannot create the folder: \(error.localizedDescription)")
        }
        cleanLeftovers(for: output)
        let staging = parent.appending(path: stagingPrefix(for: output) + String(getpid()))
        FileTree.remove(staging.path)
        // The twin no longer matches once the output is replaced; it goes while the files are written.
        let retired = staging.path + "-twin"
        let twinRemoval = rename(shadow(for: output).path, retired) == 0 ? Background { FileTree.remove(retired) } : nil
        var failed: TaleError?
        do {
            try swapIn(files, copies: copies, staging: staging, output: output)
            // The old output is now at the staging path.
            let old = staging.path
            let removal = Background { FileTree.remove(old) }
            do { try await finish() } catch { failed = error }
            _ = await removal.value
        } catch {
            failed = error
        }
        _ = await twinRemoval?.value
        if let failed { throw failed }
    }

    /// Writes the files into `staging`, then puts that folder where `output` is, exchanging the two
    /// when there is an output already (the old one is then at `staging`).
    private static func swapIn(_ files: [String: [UInt8]], copies: [String: SourceCopy], staging: URL, output: URL) throws(TaleError) {
        func failure(_ error: FileTreeError, in folder: URL) -> TaleError {
            FileTree.remove(staging.path)
            return .io(path: error.path.isEmpty ? folder.path : folder.path + "/" + error.path, reason: "cannot write: \(error.reason)")
        }
        guard mkdir(staging.path, 0o755) == 0 else { throw failure(FileTreeError(path: "", code: errno), in: staging) }
        let root = open(staging.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard root >= 0 else { throw failure(FileTreeError(path: "", code: errno), in: staging) }
        var changed: String?
        do throws(FileTreeError) {
            defer { close(root) }
            let paths = (Array(files.keys) + Array(copies.keys)).sorted()
            try FileTree.makeFolders(for: paths, in: root)
            let problem = Locked<String?>(nil)
            if let failed = FileTree.forEach(paths, { path throws(FileTreeError) in
                if let bytes = files[path] {
                    try FileTree.create(path, in: root, bytes: bytes)
                } else if let copy = copies[path], try !copy.copy(to: path, in: root) {
                    // The output is named for the content read at render; a file saved since then would not match its name.
                    problem.mutate { $0 = $0 ?? copy.file.path }
                }
            }) {
                throw failed
            }
            changed = problem.value
        } catch {
            throw failure(error, in: staging)
        }
        if let changed {
            FileTree.remove(staging.path)
            throw .io(path: changed, reason: "the file changed while the site was being built; build again")
        }
        if FileManager.default.fileExists(atPath: output.path) {
            // Exchange the two folders atomically, then remove the old one (now at the staging path).
            guard tale_rename_exchange(staging.path, output.path) == 0 else {
                let reason = String(cString: strerror(errno))
                FileTree.remove(staging.path)
                throw .io(path: output.path, reason: "cannot swap in the new output: \(reason)")
            }
        } else if rename(staging.path, output.path) != 0 {
            let reason = String(cString: strerror(errno))
            FileTree.remove(staging.path)
            throw .io(path: output.path, reason: "cannot move the new output into place: \(reason)")
        }
    }

    /// The output's twin, `.<name>.tale-shadow` beside it: the same files through hard links, so it
    /// takes no room of its own. A build that carried books over changes the twin, which nobody
    /// reads, and then swaps it with the output in one step; a build killed at any point leaves the
    /// output whole, old or new.
    public static func shadow(for output: URL) -> URL {
        output.deletingLastPathComponent().appending(path: ".\(output.lastPathComponent).tale-shadow")
    }

    /// Makes the output's twin after a full build: every folder again (`folders`, "" for the top),
    /// and every file (`files`) a hard link, made on every core through the two folders' descriptors.
    public static func makeShadow(of output: URL, files: [String], folders: [String]) throws(TaleError) {
        let shadow = shadow(for: output)
        FileTree.remove(shadow.path)
        func failure(_ path: String, _ code: Int32) -> TaleError {
            FileTree.remove(shadow.path)
            return .io(path: path, reason: "cannot make the output's twin: \(String(cString: strerror(code)))")
        }
        guard mkdir(shadow.path, 0o755) == 0 else { throw failure(shadow.path, errno) }
        let from = open(output.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC), to = open(shadow.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer {
            if from >= 0 { close(from) }
            if to >= 0 { close(to) }
        }
        guard from >= 0, to >= 0 else { throw failure(shadow.path, errno) }
        // Sorted, a folder comes before the folders inside it.
        for folder in folders.sorted() where !folder.isEmpty {
            guard mkdirat(to, folder, 0o755) == 0 else { throw failure(shadow.path + "/" + folder, errno) }
        }
        // A folder's links are made by one core (`FileTree.byFolder`): the largest folders go first,
        // so `media/` runs on one core while the books' folders share the other.
        let failed = ParallelMap.map(FileTree.byFolder(files)) { group -> (String, Int32)? in
            for path in group where linkat(from, path, to, path, 0) != 0 { return (path, errno) }
            return nil
        }
        if let (path, code) = failed.compactMap({ $0 }).first { throw failure(shadow.path + "/" + path, code) }
    }

    /// Brings `output` from the last build's files (`previous`, which its twin holds) to this
    /// build's (`current`, which `files` and `copies` are part of). The change is made in the
    /// output's twin first: each new or changed file is written beside its old one and renamed over
    /// it (the old one is shared with the output, so it must not be written into), and the
    /// `removed` files go. The twin and the output are then exchanged in one step, and the old
    /// output, now the twin, is brought up to date with hard links to the new files. Unchanged
    /// files are not touched.
    ///
    /// For a full build, whose output may have been changed by hand (the reason the build is
    /// full), `trustsOutput` is false: every file kept from the twin is checked, one found
    /// changed is written again (`remake` gives the bytes of one this build did not make, like a
    /// kept `.gz`), and the old output is removed rather than made the twin. A kept file of the
    /// size the table records whose modification time is before `unchangedBefore` (when the last
    /// build's index was written) is taken as that build left it; any other is read back and its
    /// SHA-256 compared. This returns false when the output is then left without a twin, as it is
    /// when it was deleted.
    @discardableResult
    public static func update(_ files: [String: [UInt8]], copies: [String: SourceCopy], previous: OutputTable, current: OutputTable,
                       removed: [String], in output: URL, trustsOutput: Bool = true, unchangedBefore: timespec? = nil,
                       remake: (String) -> [UInt8]? = { _ in nil }) throws(TaleError) -> Bool {
        let shadow = shadow(for: output)
        let paths = (Array(files.keys) + Array(copies.keys)).sorted()
        func unchanged(_ path: String) -> Bool {
            guard let old = previous[path], let now = current[path] else { return false }
            return old.bytes == now.bytes && old.sha256 == now.sha256
        }
        // The twin shares its files with the output, so a file written into through the output by
        // hand changed in the twin too. A build that carried books over trusts `stat` about that,
        // as it does about the output; a full build checks every file it keeps: by its time when
        // that is before the last build ended, else by reading it back.
        let kept = trustsOutput ? [] : current.entries.lazy.map(\.path).filter { files[$0] == nil && copies[$0] == nil }
        let altered = trustsOutput ? [] : alteredFiles(paths.filter(unchanged) + kept, in: shadow, expected: current,
                                                       unchangedBefore: unchangedBefore)
        var changed: [String] = []
        var created: Set<String> = []
        for path in paths {
            if unchanged(path), !altered.contains(path) { continue }
            try replace(path, in: shadow, created: &created) { new in try writeFile(files[path], copy: copies[path], to: URL(fileURLWithPath: new)) }
            changed.append(path)
        }
        for path in kept where altered.contains(path) {
            guard let bytes = remake(path) else {
                throw .io(path: output.path + "/" + path, reason: "the file was changed by hand, and Tale cannot make it again here; build with --force")
            }
            try replace(path, in: shadow, created: &created) { new in try writeFile(bytes, copy: nil, to: URL(fileURLWithPath: new)) }
            changed.append(path)
        }
        removeFiles(removed, from: shadow)
        if !FileManager.default.fileExists(atPath: output.path) {
            guard rename(shadow.path, output.path) == 0 else {
                throw .io(path: output.path, reason: "cannot move the new output into place: \(String(cString: strerror(errno)))")
            }
            return false
        }
        guard tale_rename_exchange(shadow.path, output.path) == 0 else {
            throw .io(path: output.path, reason: "cannot swap in the new output: \(String(cString: strerror(errno)))")
        }
        guard trustsOutput else {
            FileTree.remove(shadow.path)
            return false
        }
        created.removeAll()
        for path in changed {
            try replace(path, in: shadow, created: &created) { new in
                guard link(output.path + "/" + path, new) == 0 else { throw TaleError.io(path: new, reason: String(cString: strerror(errno))) }
            }
        }
        removeFiles(removed, from: shadow)
        return true
    }

    /// Those of `paths` in `folder` whose content is not what `expected` records, on every core:
    /// a file of the recorded size last modified before `unchangedBefore` is taken as unchanged
    /// (a write into it would have moved its time on); any other is read back and hashed.
    private static func alteredFiles(_ paths: [String], in folder: URL, expected: OutputTable,
                                     unchangedBefore: timespec? = nil) -> Set<String> {
        let root = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard root >= 0 else { return Set(paths) }
        defer { close(root) }
        let parts = min(paths.count, ProcessInfo.processInfo.activeProcessorCount * 4)
        guard parts > 0 else { return [] }
        let found = ParallelMap.map(Array(0..<parts)) { part -> [String] in
            var buffer = [UInt8](repeating: 0, count: 1 << 18)
            return stride(from: part, to: paths.count, by: parts).compactMap { index in
                let path = paths[index]
                if let before = unchangedBefore, let entry = expected[path] {
                    var info = stat()
                    if fstatat(root, path, &info, AT_SYMLINK_NOFOLLOW) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == entry.bytes,
                       (info.st_mtim.tv_sec, info.st_mtim.tv_nsec) < (before.tv_sec, before.tv_nsec) {
                        return nil
                    }
                }
                let digest = FileTree.sha256(of: path, in: root, buffer: &buffer)
                return digest.map { Digest(bytes: $0[...]) } == expected[path]?.sha256 ? nil : path
            }
        }
        return Set(found.joined())
    }

    /// Puts a new file at `path` in `folder`: `make` writes it beside the old one (`.tale-new-<pid>-<name>`),
    /// which it then replaces in one step.
    private static func replace(_ path: String, in folder: URL, created: inout Set<String>, make: (String) throws -> Void) throws(TaleError) {
        let final = folder.appending(path: path)
        let parent = final.deletingLastPathComponent().path
        let new = parent + "/.tale-new-\(getpid())-" + final.lastPathComponent
        do {
            if !created.contains(parent) {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
                created.insert(parent)
            }
            unlink(new)
            try make(new)
        } catch {
            unlink(new)
            throw error as? TaleError ?? .io(path: final.path, reason: "cannot write: \(error.localizedDescription)")
        }
        guard rename(new, final.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(new)
            throw .io(path: final.path, reason: "cannot replace the file: \(reason)")
        }
    }

    /// Removes `paths` from `folder`, then the folders that leaves empty (a removed book's).
    private static func removeFiles(_ paths: [String], from folder: URL) {
        var emptied: Set<String> = []
        for path in paths {
            let file = folder.appending(path: path)
            unlink(file.path)
            emptied.insert(file.deletingLastPathComponent().path)
        }
        // rmdir leaves a folder that still holds files.
        for parent in emptied.sorted(by: { $0.count > $1.count }) where parent.hasPrefix(folder.path + "/") { rmdir(parent) }
    }

    /// Writes one output as the new file `url`: bytes from memory, or a source file copied as it
    /// is, as a whole-output write does (`FileTree`; an absolute path ignores the folder descriptor).
    private static func writeFile(_ bytes: [UInt8]?, copy: SourceCopy?, to url: URL) throws(TaleError) {
        var whole = true
        do throws(FileTreeError) {
            if let bytes {
                try FileTree.create(url.path, in: AT_FDCWD, bytes: bytes)
            } else if let copy {
                whole = try copy.copy(to: url.path, in: AT_FDCWD)
            }
        } catch {
            throw .io(path: url.path, reason: "cannot write: \(error.reason)")
        }
        // The output is named for the content read at render; a file saved since then would not match its name.
        if !whole, let copy { throw .io(path: copy.file.path, reason: "the file changed while the site was being built; build again") }
    }
}
