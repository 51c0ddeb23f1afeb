import Foundation
import TaleBuild
import TaleCore
import TaleImage

/// Paths and helpers shared by the test targets.
public enum Support {
    /// The package's root folder.
    public static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/TaleTests/Fixtures`: fixture sites and the servers tests start (S3, OpenAI-compatible).
    public static let fixtures = packageRoot.appending(path: "Tests/TaleTests/Fixtures")

    /// `Tests/TaleSystemTests/browser`: the Python scripts that drive Chromium.
    public static let browserScripts = packageRoot.appending(path: "Tests/TaleSystemTests/browser")

    /// Where tests keep screenshots and other artifacts for people to look at.
    public static let artifacts = packageRoot.appending(path: "Tests/artifacts")

    /// The `tale` binary built beside the test bundle.
    public static var taleBinary: URL {
        if let override = ProcessInfo.processInfo.environment["TALE_BINARY"] { return URL(fileURLWithPath: override) }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appending(path: "tale")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return packageRoot.appending(path: ".build/debug/tale")
    }

    /// A new empty folder under the system's temporary folder.
    public static func temporaryFolder(_ label: String = "tale") -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "\(label)-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A copy of fixture site `name` in a new temporary folder.
    public static func copyFixture(_ name: String) -> URL {
        let destination = temporaryFolder(name).appending(path: name)
        try! FileManager.default.copyItem(at: fixtures.appending(path: name), to: destination)
        return destination
    }

    /// A project written inline: `files` maps relative paths to contents.
    public static func project(_ files: [String: String]) -> URL {
        let root = temporaryFolder("project")
        for (path, text) in files {
            let url = root.appending(path: path)
            try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try! Data(text.utf8).write(to: url)
        }
        return root
    }

    /// Writes one file into a project.
    public static func write(_ text: String, to path: String, in root: URL) {
        let url = root.appending(path: path)
        try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(text.utf8).write(to: url)
    }

    /// Builds (or checks) `project` in-process; returns the context or the error, and the diagnostics either way.
    public static func build(_ project: URL, output: URL? = nil, checkOnly: Bool = false, drafts: Bool = false,
                      configure: (inout BuildOptions) -> Void = { _ in }) async
        -> (context: BuildContext?, error: TaleError?, diagnostics: [String]) {
        var options = BuildOptions(project: project, output: output)
        options.checkOnly = checkOnly
        options.includeDrafts = drafts
        configure(&options)
        let collected = Locked<[String]>([])
        let reporter = BuildReporter(progress: { _ in }, problem: { line in collected.mutate { $0.append(line) } })
        do {
            let context = try await BuildRunner(checkOnly ? .check : .site, reporter: reporter).run(options)
            return (context, nil, collected.value)
        } catch {
            return (nil, error, collected.value)
        }
    }

    /// Runs `tale build`'s pipeline in-process, quietly.
    public static func runSite(_ options: BuildOptions) async -> Result<BuildContext, TaleError> {
        do throws(TaleError) {
            return .success(try await BuildRunner(.site, reporter: .silent).run(options))
        } catch {
            return .failure(error)
        }
    }

    /// Every regular file under `folder` as relative path → bytes.
    public static func tree(_ folder: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        let root = folder.resolvingSymlinksInPath().path
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return result }
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            result[String(url.resolvingSymlinksInPath().path.dropFirst(root.count + 1))] = try? Data(contentsOf: url)
        }
        return result
    }

    /// Runs a program; returns its exit status, standard output and standard error.
    @discardableResult
    public static func run(_ executable: URL, _ arguments: [String], in folder: URL? = nil,
                    environment: [String: String] = [:]) -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let outPipe = Pipe(), errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = FileHandle.nullDevice
        try! process.run()
        // Read both pipes to the end before waiting, so a chatty child cannot block on a full pipe.
        let group = DispatchGroup()
        let outBox = Locked(""), errBox = Locked("")
        for (pipe, box) in [(outPipe, outBox), (errPipe, errBox)] {
            group.enter()
            DispatchQueue.global().async {
                let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                box.mutate { $0 += text }
                group.leave()
            }
        }
        group.wait()
        process.waitUntilExit()
        return (process.terminationStatus, outBox.value, errBox.value)
    }

    /// A screenshot of `url` by Debian's headless Chromium at `width` x `height`, saved to `file`
    /// (kept as an artifact) and decoded; throws when Chromium fails or writes no PNG.
    public static func screenshot(_ url: String, to file: URL, width: Int, height: Int) throws -> PNGImage {
        // Chromium's scratch files go in a folder of their own, removed after, not left in /tmp.
        let scratch = temporaryFolder("chromium")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let run = run(URL(fileURLWithPath: "/usr/bin/chromium"), [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--allow-file-access-from-files",
            "--window-size=\(width),\(height)", "--screenshot=\(file.path)", url,
        ], environment: ["TMPDIR": scratch.path])
        guard run.status == 0 else { throw ScreenshotError(message: run.err) }
        return try PNGImage(decoding: Array(try Data(contentsOf: file)))
    }

    /// Chromium could not take a screenshot.
    public struct ScreenshotError: Error {
        /// What Chromium printed.
        public var message: String
    }

    /// Runs `tale` with `arguments`. `CI` is cleared unless `environment` sets it, so a test gets
    /// the same behaviour on a laptop and in CI (where builds would otherwise be frozen).
    @discardableResult
    public static func tale(_ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:]) -> (status: Int32, out: String, err: String) {
        var environment = environment
        if environment["CI"] == nil { environment["CI"] = "" }
        return run(taleBinary, arguments, in: folder, environment: environment)
    }
}
