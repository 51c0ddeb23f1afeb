import Foundation
import TaleOutput

/// What `tale build` hands the stages so that a build can carry unchanged books over from the last
/// one: the running tool's identity, the last build's index (nil for a full build), and a lock that
/// makes builds into the same output wait for each other, since each reads the index, changes the
/// output and writes the index.
public struct IncrementalBuild: Sendable {
    /// `toolIdentity(version:)` of the running tool.
    public var tool: String
    /// The index the last build left, when there is one and it is to be used. It is read on
    /// another thread while the build loads its config and lists its books; this waits for it.
    var previous: BuildIndex? {
        get async { await reading.value }
    }
    private let reading: Background<BuildIndex?>
    /// Held for as long as the build: released when the last copy of this value is gone.
    private let lock: BuildLock

    /// The identity of the running tool: its version, and the executable's size and time.
    public static func toolIdentity(version: String) -> String {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return version }
        return "\(version) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }

    /// Reads `project`'s index unless `force` asks for a full build. Either way, the build writes a new index.
    public init(project: URL, output: URL, tool: String, force: Bool) {
        self.tool = tool
        lock = BuildLock(BuildIndex.file(for: project, output: output).path + ".lock")
        reading = Background { force ? nil : BuildIndex.read(project: project, output: output) }
    }
}

/// An exclusive `flock(2)` on a file, taken when made (waiting for another holder) and let go when freed.
final class BuildLock: Sendable {
    private let descriptor: Int32

    init(_ path: String) {
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        // Without a lock file (a read-only project) the build goes on unlocked, as it did before there was one.
        if descriptor >= 0 { flock(descriptor, LOCK_EX) }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }
}
