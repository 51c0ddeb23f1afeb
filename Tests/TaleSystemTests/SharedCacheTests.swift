import Foundation
import Testing
import TaleTestSupport

/// `tale build --shard K/N --cache …` in separate processes, as machines of a CI matrix run it,
/// then one build that assembles the site from the cache.
@Suite("shards and the shared cache", .serialized)
struct SharedCacheTests {
    /// A library of six books: the sample library (generated text and pictures in their locks,
    /// choices) and the basic fixture's two (text and pictures generated, a link between books, a warning), with
    /// a full base URL so that the feed and sitemap are made too.
    static func library() -> URL {
        let project = Support.temporaryFolder("library")
        let content = project.appending(path: "content")
        try! FileManager.default.copyItem(at: Support.packageRoot.appending(path: "content"), to: content)
        for book in ["lantern", "two-paths"] {
            try! FileManager.default.copyItem(at: Support.fixtures.appending(path: "basic/content/\(book)"), to: content.appending(path: book))
        }
        try! FileManager.default.copyItem(at: Support.fixtures.appending(path: "basic/tale.yaml"), to: project.appending(path: "tale.yaml"))
        // A warning for the cache to carry: the sanitiser removes the handler.
        let twoPaths = content.appending(path: "two-paths/index.md")
        let text = try! String(contentsOf: twoPaths, encoding: .utf8)
        try! Data((text + "\n<span onclick=\"alert(1)\">A wave.</span>\n").utf8).write(to: twoPaths)
        return project
    }

    /// A copy of `project` in a folder of its own (another machine's checkout).
    static func checkout(_ project: URL) -> URL {
        let copy = Support.temporaryFolder("checkout").appending(path: "library")
        try! FileManager.default.copyItem(at: project, to: copy)
        return copy
    }

    /// Starts `tale` with each argument list in its folder, all at once, and waits for all of them.
    static func together(_ runs: [(arguments: [String], folder: URL)], environment: [String: String] = [:])
        -> [(status: Int32, out: String, err: String)] {
        let logs = Support.temporaryFolder("logs")
        var processes: [Process] = []
        for (index, run) in runs.enumerated() {
            let process = Process()
            process.executableURL = Support.taleBinary
            process.arguments = run.arguments
            process.currentDirectoryURL = run.folder
            var env = ProcessInfo.processInfo.environment
            env["CI"] = ""
            for (key, value) in environment { env[key] = value }
            process.environment = env
            FileManager.default.createFile(atPath: logs.appending(path: "\(index).out").path, contents: nil)
            FileManager.default.createFile(atPath: logs.appending(path: "\(index).err").path, contents: nil)
            process.standardOutput = try! FileHandle(forWritingTo: logs.appending(path: "\(index).out"))
            process.standardError = try! FileHandle(forWritingTo: logs.appending(path: "\(index).err"))
            process.standardInput = FileHandle.nullDevice
            try! process.run()
            processes.append(process)
        }
        return processes.enumerated().map { index, process in
            process.waitUntilExit()
            let out = (try? String(contentsOf: logs.appending(path: "\(index).out"), encoding: .utf8)) ?? ""
            let err = (try? String(contentsOf: logs.appending(path: "\(index).err"), encoding: .utf8)) ?? ""
            return (process.terminationStatus, out, err)
        }
    }

    /// The one-machine build of `library`: its output and its warnings.
    static func oneMachine(_ library: URL) -> (tree: [String: Data], err: String) {
        let project = checkout(library)
        let result = Support.tale(["build"], in: project)
        #expect(result.status == 0, "\(result.err)")
        return (Support.tree(project.appending(path: "public")), result.err)
    }

    /// How many books each shard run says it stored.
    static func stored(_ out: String) -> Int? {
        guard let range = out.range(of: #"stored (\d+) books?"#, options: .regularExpression) else { return nil }
        return Int(out[range].split(separator: " ")[1])
    }

    @Test("three shard processes side by side and an assembling build write what one machine writes, byte for byte")
    func shardsInAFolder() throws {
        let library = Self.library()
        let expected = Self.oneMachine(library)
        let cache = Support.temporaryFolder("cache")
        let machines = (1...3).map { _ in Self.checkout(library) }
        let shards = Self.together((1...3).map { (["build", "--shard", "\($0)/3", "--cache", cache.path], machines[$0 - 1]) })
        for (index, shard) in shards.enumerated() {
            #expect(shard.status == 0, "\(shard.err)")
            #expect(shard.out.contains("Built shard \(index + 1)/3: stored "), "\(shard.out)")
        }
        // Every book is some shard's, and only one shard's.
        #expect(shards.compactMap { Self.stored($0.out) }.reduce(0, +) == 6)
        // A shard writes no site.
        #expect(machines.allSatisfy { !FileManager.default.fileExists(atPath: $0.appending(path: "public").path) })

        let assembler = Self.checkout(library)
        let assembled = Support.tale(["build", "--cache", cache.path], in: assembler)
        #expect(assembled.status == 0, "\(assembled.err)")
        #expect(assembled.out.contains("Built 6 books (") && assembled.out.contains("(6 from the cache)"), "\(assembled.out)")
        let tree = Support.tree(assembler.appending(path: "public"))
        #expect(tree.keys.sorted() == expected.tree.keys.sorted())
        #expect(tree.keys.filter { tree[$0] != expected.tree[$0] }.sorted() == [])
        // The books' warnings are printed as one machine prints them.
        #expect(assembled.err == expected.err)
        #expect(expected.err.contains("warning"), "the library should have a warning to carry: \(expected.err)")

        // The next build is an ordinary one after an edit: the other books are carried from the index.
        Support.write("---\ntitle: The Lantern, Again\n---\n\n## Dark\n\nThe moth looks for light.\n", to: "content/lantern/index.md", in: assembler)
        let edited = Support.tale(["build", "--cache", cache.path], in: assembler)
        #expect(edited.status == 0, "\(edited.err)")
        #expect(edited.out.contains("(5 unchanged since the last build)"), "\(edited.out)")
    }

    @Test("the same with the cache in moto's S3 server: shards store records and blobs, an assembling build on a fresh machine fetches them")
    func shardsInS3() throws {
        let stack = try S3Stack()
        defer { stack.stop() }
        let library = Self.library()
        let expected = Self.oneMachine(library)
        let cache = ["--cache", "s3://shelf/cache", "--cache-endpoint", stack.proxyEndpoint]
        let shards = Self.together((1...3).map { (["build", "--shard", "\($0)/3"] + cache, Self.checkout(library)) }, environment: S3Stack.environment)
        for shard in shards {
            #expect(shard.status == 0, "\(shard.err)")
            #expect(!shard.out.contains(S3Stack.secret) && !shard.err.contains(S3Stack.secret), "the secret key was printed")
        }
        #expect(shards.compactMap { Self.stored($0.out) }.reduce(0, +) == 6)
        let keys = try stack.keys()
        #expect(keys.filter { $0.hasPrefix("cache/records/") }.count >= 6)
        #expect(keys.allSatisfy { $0.hasPrefix("cache/records/") || $0.hasPrefix("cache/blobs/") }, "\(keys)")

        let assembler = Self.checkout(library)
        let assembled = Support.tale(["build"] + cache, in: assembler, environment: S3Stack.environment)
        #expect(assembled.status == 0, "\(assembled.err)")
        #expect(assembled.out.contains("(6 from the cache)"), "\(assembled.out)")
        let tree = Support.tree(assembler.appending(path: "public"))
        #expect(tree.keys.sorted() == expected.tree.keys.sorted())
        #expect(tree.keys.filter { tree[$0] != expected.tree[$0] }.sorted() == [])
        #expect(assembled.err == expected.err)
    }

    @Test("two shard processes storing the same books at once leave one whole entry each, and the site assembles from them")
    func racingWriters() throws {
        let library = Self.library()
        let expected = Self.oneMachine(library)
        let cache = Support.temporaryFolder("cache")
        let runs = Self.together((1...2).map { _ in (["build", "--shard", "1/1", "--cache", cache.path], Self.checkout(library)) })
        for run in runs { #expect(run.status == 0, "\(run.err)") }
        // Each book's entry is there once (under the key of its folder as read, and as generation left it),
        // and nothing half-written is left beside the entries.
        let files = try FileManager.default.subpathsOfDirectory(atPath: cache.path)
        #expect(files.filter { ($0 as NSString).lastPathComponent.hasPrefix(".") } == [])
        let records = files.filter { $0.hasPrefix("records/") && $0.split(separator: "/").count == 3 }
        #expect(records.count >= 6)
        // tale.yaml's `cache:` names the cache here; where the cache is changes no key.
        let assembler = Self.checkout(library)
        let config = assembler.appending(path: "tale.yaml")
        try Data((try String(contentsOf: config, encoding: .utf8) + "cache: \(cache.path)\n").utf8).write(to: config)
        let assembled = Support.tale(["build"], in: assembler)
        #expect(assembled.out.contains("(6 from the cache)"), "\(assembled.out)")
        let tree = Support.tree(assembler.appending(path: "public"))
        #expect(tree.keys.filter { tree[$0] != expected.tree[$0] }.sorted() == [])
        #expect(tree.count == expected.tree.count)
    }

    @Test("a book missing from the cache is built, and stored for the next machine")
    func missingBook() throws {
        let library = Self.library()
        let expected = Self.oneMachine(library)
        let cache = Support.temporaryFolder("cache")
        // Shard 3 of 3 never ran.
        for shard in ["1/3", "2/3"] {
            let run = Support.tale(["build", "--shard", shard, "--cache", cache.path], in: Self.checkout(library))
            #expect(run.status == 0, "\(run.err)")
        }
        let assembler = Self.checkout(library)
        let assembled = Support.tale(["build", "--cache", cache.path], in: assembler)
        #expect(assembled.status == 0, "\(assembled.err)")
        #expect(assembled.out.contains("Built 6 books ("), "\(assembled.out)")
        let tree = Support.tree(assembler.appending(path: "public"))
        #expect(tree.keys.filter { tree[$0] != expected.tree[$0] }.sorted() == [])
        #expect(tree.count == expected.tree.count)
        let again = Support.tale(["build", "--cache", cache.path], in: Self.checkout(library))
        #expect(again.out.contains("(6 from the cache)"), "\(again.out)")
    }

    @Test("two shard processes storing the same books in S3 at once: each conditional write after the first is refused, and the site assembles")
    func racingWritersInS3() async throws {
        let stack = try S3Stack()
        defer { stack.stop() }
        let library = Self.library()
        let expected = Self.oneMachine(library)
        let cache = ["--cache", "s3://shelf/cache", "--cache-endpoint", stack.proxyEndpoint]
        let runs = Self.together((1...2).map { _ in (["build", "--shard", "1/1"] + cache, Self.checkout(library)) }, environment: S3Stack.environment)
        for run in runs { #expect(run.status == 0, "\(run.err)") }
        let records = try stack.keys().filter { $0.hasPrefix("cache/records/") }
        #expect(records.count >= 6)
        let assembler = Self.checkout(library)
        let assembled = Support.tale(["build"] + cache, in: assembler, environment: S3Stack.environment)
        #expect(assembled.out.contains("(6 from the cache)"), "\(assembled.out)")
        let tree = Support.tree(assembler.appending(path: "public"))
        #expect(tree.keys.filter { tree[$0] != expected.tree[$0] }.sorted() == [])
        #expect(tree.count == expected.tree.count)
    }

    @Test("the examples in docs/scale.md run as written: the Actions matrix and the Indexed Job, with CI set, against moto's S3")
    func documentedExamples() throws {
        let doc = try String(contentsOf: Support.packageRoot.appending(path: "docs/scale.md"), encoding: .utf8)
        let blocks = doc.components(separatedBy: "```yaml").dropFirst().map { $0.components(separatedBy: "```")[0] }
        #expect(blocks.count == 2)
        let lines = blocks.map { $0.split(separator: "\n").map(String.init) }
        // The matrix's shard step and the site job's build; the Job's shell command and the build the prose names.
        let actionsShard = try #require(lines[0].first { $0.contains("- run: tale build --shard") }).components(separatedBy: "- run: ")[1]
        let actionsSite = try #require(lines[0].first { $0.contains("- run: tale build") && !$0.contains("--shard") }).components(separatedBy: "- run: ")[1]
        let jobShard = try #require(lines[1].first { $0.contains("command:") }).components(separatedBy: "\"")[5]
        let prose = try #require(doc.range(of: #"runs `tale build --cache [^`]+`"#, options: .regularExpression))
        let jobSite = String(doc[prose].dropFirst("runs `".count).dropLast())
        let library = Self.library()
        let expected = Self.oneMachine(library)
        let stack = try S3Stack()
        defer { stack.stop() }
        let path = Support.taleBinary.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let examples = [("actions", actionsShard, actionsSite, { (k: Int) in ["SHARD_FOR_TEST": "\(k)"] }),
                        ("job", jobShard, jobSite, { (k: Int) in ["JOB_COMPLETION_INDEX": "\(k - 1)"] })]
        for (name, shard, site, variables) in examples {
            func run(_ command: String, _ extra: [String: String], in folder: URL) -> (status: Int32, out: String, err: String) {
                let line = command.replacingOccurrences(of: "${{ matrix.shard }}", with: "$SHARD_FOR_TEST")
                    .replacingOccurrences(of: "s3://my-books/tale-cache", with: "s3://shelf/\(name)")
                var environment = S3Stack.environment
                environment["AWS_ENDPOINT_URL"] = stack.proxyEndpoint
                environment["PATH"] = path
                environment["CI"] = "true"
                for (key, value) in extra { environment[key] = value }
                return Support.run(URL(fileURLWithPath: "/bin/sh"), ["-c", line], in: folder, environment: environment)
            }
            for k in 1...4 {
                let result = run(shard, variables(k), in: Self.checkout(library))
                #expect(result.status == 0, "\(name) shard \(k): \(result.err)")
                #expect(result.out.contains("Built shard \(k)/4"), "\(name) shard \(k): \(result.out)")
            }
            let assembler = Self.checkout(library)
            let assembled = run(site, [:], in: assembler)
            #expect(assembled.status == 0, "\(name): \(assembled.err)")
            #expect(assembled.out.contains("(6 from the cache)"), "\(name): \(assembled.out)")
            let tree = Support.tree(assembler.appending(path: "public"))
            #expect(tree.keys.filter { tree[$0] != expected.tree[$0] }.sorted() == [], "\(name)")
            #expect(tree.count == expected.tree.count, "\(name)")
        }
    }

    @Test("--shard is checked, and needs a cache")
    func shardErrors() {
        let project = Self.library()
        let zero = Support.tale(["build", "--shard", "0/3", "--cache", "c"], in: project)
        #expect(zero.status != 0)
        #expect(zero.err.contains("--shard must be K/N with 1 ≤ K ≤ N, like 1/4; found '0/3'"), "\(zero.err)")
        let alone = Support.tale(["build", "--shard", "1/2"], in: project)
        #expect(alone.status == 1)
        #expect(alone.err.contains("--shard 1/2 needs a shared cache to store its books in: pass --cache DIR or --cache s3://bucket/prefix, or set `cache:` in tale.yaml"),
                "\(alone.err)")
        #expect(!FileManager.default.fileExists(atPath: project.appending(path: "public").path))
    }
}
