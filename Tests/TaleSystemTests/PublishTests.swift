import Foundation
import Testing
import TaleHTTP
import TalePublish
import TaleTestSupport

@Suite("tale publish", .serialized)
struct PublishTests {
    /// A built copy of the basic fixture.
    static func builtSite() -> URL {
        let project = Support.copyFixture("basic")
        #expect(Support.tale(["build", "--quiet"], in: project).status == 0)
        return project
    }

    static func publish(_ project: URL, _ stack: S3Stack, _ extra: [String] = [], prefix: String = "site") -> (status: Int32, out: String, err: String) {
        let result = Support.tale(["publish", "s3://shelf/\(prefix)", "--endpoint", stack.proxyEndpoint] + extra, in: project,
                                  environment: S3Stack.environment)
        #expect(!result.out.contains(S3Stack.secret) && !result.err.contains(S3Stack.secret), "the secret key was printed")
        return result
    }

    @Test("the first publish uploads everything with type, cache rule and hash; the second uploads nothing")
    func firstAndSecond() async throws {
        let stack = try S3Stack()
        defer { stack.stop() }
        let project = Self.builtSite()
        let first = Self.publish(project, stack)
        #expect(first.status == 0, "\(first.err)")
        let manifest = try LocalSite.load(project.appending(path: "public"))
        #expect(try stack.keys() == manifest.files.map { "site/" + $0.path }.sorted())
        let page = try stack.head("site/books/lantern/index.html")
        #expect(page["ContentType"] as? String == "text/html; charset=utf-8")
        #expect(page["CacheControl"] as? String == "no-cache")
        let lantern = try #require(manifest.files.first { $0.path == "books/lantern/index.html" })
        #expect((page["Metadata"] as? [String: String])?["sha256"] == lantern.sha256)
        let css = try #require(manifest.files.first { $0.path.hasPrefix("assets/storybook.") })
        let cssHead = try stack.head("site/" + css.path)
        #expect(cssHead["ContentType"] as? String == "text/css; charset=utf-8")
        #expect(cssHead["CacheControl"] as? String == "public, max-age=31536000, immutable")
        let png = try #require(manifest.files.first { $0.path.hasPrefix("media/") && $0.path.hasSuffix(".png") })
        #expect(try stack.head("site/" + png.path)["ContentType"] as? String == "image/png")
        #expect(try stack.head("site/feed.xml")["ContentType"] as? String == "application/xml")
        #expect(!(try stack.keys()).contains { $0.hasSuffix(".gz") })

        let second = Self.publish(project, stack)
        #expect(second.status == 0)
        #expect(second.out.contains(": 0 uploaded (0 bytes), \(manifest.files.count) unchanged in "))
        #expect(try await stack.proxyLog().filter { $0.method == "PUT" }.count == manifest.files.count)
    }

    @Test("uploads go in order: assets and media, book data, book pages, the library, the manifest")
    func order() async throws {
        let stack = try S3Stack()
        defer { stack.stop() }
        let project = Self.builtSite()
        #expect(Self.publish(project, stack).status == 0)
        let puts = try await stack.proxyLog().filter { $0.method == "PUT" }.map { String($0.path.dropFirst("/shelf/site/".count)) }
        let steps = puts.map(PublishPlan.step(of:))
        #expect(steps == steps.sorted(), "uploads out of order: \(puts)")
        #expect(puts.last == "tale-manifest.json")
        #expect(puts.dropLast().last == "index.html")
        let firstPage = try #require(puts.firstIndex { $0.hasPrefix("books/") && $0.hasSuffix(".html") })
        #expect(puts[..<firstPage].filter { $0.hasPrefix("assets/") || $0.hasPrefix("media/") }.count
                == puts.filter { $0.hasPrefix("assets/") || $0.hasPrefix("media/") }.count)
    }

    @Test("changing one scene uploads only that book's changed files (and the service worker, whose cache is named after the build)")
    func oneSceneChanged() async throws {
        let stack = try S3Stack()
        defer { stack.stop() }
        let project = Self.builtSite()
        #expect(Self.publish(project, stack).status == 0)
        let source = project.appending(path: "content/lantern/index.md")
        let text = try String(contentsOf: source, encoding: .utf8).replacingOccurrences(of: "tired and happy", with: "tired and very happy")
        try Data(text.utf8).write(to: source)
        #expect(Support.tale(["build", "--quiet"], in: project).status == 0)
        let before = try await stack.proxyLog().count
        let result = Self.publish(project, stack, ["--json"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        // The edit adds a word, so the book's cue map changes with its page, data and EPUB, and the library's word count with them.
        // The scene's mood goes from sleepy to glad, so its picture is drawn again with open eyes: one new media file,
        // named by its content (never invalidated).
        let uploads = json["uploads"] as? [String] ?? []
        #expect(uploads.filter { !$0.hasPrefix("media/") } == ["books/lantern/book.json", "books/lantern/cues.json", "books/lantern/index.html",
                                                              "books/lantern/lantern.epub", "index.html", "sw.js", "tale-manifest.json"])
        #expect(uploads.filter { $0.hasPrefix("media/") }.count == 1 && uploads.contains { $0.hasPrefix("media/") && $0.hasSuffix(".svg") })
        #expect(json["not_started"] as? [String] == [] && json["storage_stopped_answering"] as? Bool == false)
        #expect(json["invalidations"] as? [String] == ["/site/", "/site/books/lantern/", "/site/books/lantern/book.json", "/site/books/lantern/cues.json",
                                                       "/site/books/lantern/index.html", "/site/books/lantern/lantern.epub", "/site/index.html",
                                                       "/site/sw.js", "/site/tale-manifest.json"])
        let puts = try await stack.proxyLog().dropFirst(before).filter { $0.method == "PUT" }
        #expect(puts.count == 8)
    }

    @Test("--dry-run prints the plan and changes nothing")
    func dryRun() async throws {
        let stack = try S3Stack()
        defer { stack.stop() }
        let project = Self.builtSite()
        stack.aws(["s3api", "put-object", "--bucket", "shelf", "--key", "site/old-page.html", "--body", "/etc/hostname"])
        let result = Self.publish(project, stack, ["--dry-run", "--delete"])
        #expect(result.status == 0)
        #expect(result.out.hasPrefix("Plan for s3://shelf/site/ (dry run: nothing was changed)\n"))
        #expect(result.out.contains("  upload  books/lantern/index.html  ("))
        #expect(result.out.contains("  delete  site/old-page.html\n"))
        #expect(try await stack.proxyLog().allSatisfy { $0.method == "GET" || $0.method == "HEAD" })
        #expect(try stack.keys() == ["site/old-page.html"])
    }

    @Test("stale objects are deleted only with --delete, never more than --max-deletes without --force")
    func deletes() async throws {
        let stack = try S3Stack()
        defer { stack.stop() }
        let project = Self.builtSite()
        for key in ["site/old-a.html", "site/books/gone/index.html", "elsewhere/keep.txt"] {
            stack.aws(["s3api", "put-object", "--bucket", "shelf", "--key", key, "--body", "/etc/hostname"])
        }
        let kept = Self.publish(project, stack)
        #expect(kept.status == 0)
        #expect(kept.out.contains("2 stale objects kept; pass --delete to remove them"))
        #expect(try stack.keys().contains("site/old-a.html"))

        let refused = Self.publish(project, stack, ["--delete", "--max-deletes", "1"])
        #expect(refused.status == 1)
        #expect(refused.err == "error: refusing to delete 2 objects, more than --max-deletes 1; nothing was changed. "
                + "Check the bucket and prefix, then raise --max-deletes or pass --force\n")
        #expect(try stack.keys().contains("site/old-a.html"))

        let forced = Self.publish(project, stack, ["--delete", "--max-deletes", "1", "--force"])
        #expect(forced.status == 0)
        #expect(forced.out.contains(", 2 deleted in "))
        let keys = try stack.keys()
        #expect(!keys.contains("site/old-a.html") && !keys.contains("site/books/gone/index.html"))
        #expect(keys.contains("elsewhere/keep.txt"))
        let methods = try await stack.proxyLog().map(\.method)
        let lastPut = try #require(methods.lastIndex(of: "PUT"))
        let firstDelete = try #require(methods.firstIndex(of: "DELETE"))
        #expect(lastPut < firstDelete || !methods[firstDelete...].contains("PUT"))
    }

    @Test("transient 500s, SlowDown and connection resets are retried")
    func transientFaults() async throws {
        let stack = try S3Stack()
        defer { stack.stop() }
        let project = Self.builtSite()
        try await stack.faults([
            ["method": "PUT", "contains": "books/lantern/index.html", "status": 500, "times": 2],
            ["method": "PUT", "contains": "search.json", "status": 503, "times": 1],
            ["method": "PUT", "contains": "/assets/reader.", "reset": true, "times": 1],
            ["method": "GET", "contains": "list-type=2", "status": 500, "times": 1],
        ])
        let result = Self.publish(project, stack)
        #expect(result.status == 0, "\(result.err)")
        let log = try await stack.proxyLog()
        #expect(log.filter { $0.method == "PUT" && $0.path.hasSuffix("books/lantern/index.html") }.count == 3)
        #expect(log.filter { $0.method == "PUT" && $0.path.contains("/assets/reader.") }.count == 2)
        let site = try LocalSite.load(project.appending(path: "public"))
        #expect(try stack.keys() == site.files.map { "site/" + $0.path }.sorted())
    }

    @Test("a persistent 403 stops before later steps and deletes, pages never point at missing files, a rerun converges")
    func persistentFailure() async throws {
        let stack = try S3Stack()
        defer { stack.stop() }
        let project = Self.builtSite()
        stack.aws(["s3api", "put-object", "--bucket", "shelf", "--key", "site/stale.html", "--body", "/etc/hostname"])
        try await stack.faults([["method": "PUT", "contains": "books/two-paths/index.html", "status": 403, "times": -1]])
        let failed = Self.publish(project, stack, ["--delete"])
        #expect(failed.status == 1)
        #expect(failed.err.contains("error: 1 request failed after retries. Later steps and all deletes were skipped"))
        #expect(failed.err.contains("\n  site/books/two-paths/index.html: 403 AccessDenied: injected by the test proxy"))
        let log = try await stack.proxyLog()
        #expect(log.filter { $0.method == "PUT" && $0.path.hasSuffix("books/two-paths/index.html") }.count == 1)
        #expect(!log.contains { $0.method == "DELETE" })
        let keys = try stack.keys()
        #expect(!keys.contains("site/index.html"))
        #expect(keys.contains("site/stale.html"))
        // The lantern page and its pictures are up; each reference must resolve.
        #expect(try Self.expectNoDanglingReferences(stack, keys: keys) >= 5)

        try await stack.faults([])
        let rerun = Self.publish(project, stack, ["--delete"])
        #expect(rerun.status == 0, "\(rerun.err)")
        try Self.expectNoDanglingReferences(stack, keys: try stack.keys())
        let settled = Self.publish(project, stack, ["--delete"])
        #expect(settled.out.contains(": 0 uploaded (0 bytes), "))
    }

    /// Starts `tale publish` to `stack` and returns once the proxy has seen its first upload, which
    /// `delayed` (a path fragment of a first-step file) holds open for 20 s so the run is mid-way.
    static func startPublish(_ project: URL, _ stack: S3Stack, delayed: String, jobs: Int = 8,
                             arguments: [String] = []) async throws -> (process: Process, errors: Pipe, output: URL) {
        try await stack.faults([["method": "PUT", "contains": delayed, "delay": 8, "times": 1]])
        let process = Process()
        process.executableURL = Support.taleBinary
        process.arguments = ["publish", "s3://shelf/site", "--endpoint", stack.proxyEndpoint, "--jobs", String(jobs)] + arguments
        process.currentDirectoryURL = project
        process.environment = ProcessInfo.processInfo.environment.merging(S3Stack.environment.merging(["CI": ""]) { $1 }) { $1 }
        // Standard output to a file, which never fills as a pipe would while nobody reads it.
        let errors = Pipe(), output = Support.temporaryFolder("publish-output").appending(path: "out")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        process.standardError = errors
        process.standardOutput = try FileHandle(forWritingTo: output)
        try process.run()
        for _ in 0..<200 where try await !stack.proxyLog().contains(where: { $0.method == "PUT" && $0.path.contains(delayed) }) {
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        return (process, errors, output)
    }

    /// Waits up to `seconds` for `process` to end; returns its status, or nil if it is still running (then it is killed).
    static func exitStatus(_ process: Process, within seconds: Double) async throws -> Int32? {
        for _ in 0..<Int(seconds * 20) where process.isRunning { try await Task.sleep(nanoseconds: 50_000_000) }
        if process.isRunning {
            process.terminate()
            return nil
        }
        return process.terminationStatus
    }

    @Test("storage killed mid-run: publish gives up within 30 s, names each failed key once, and a rerun after a restart converges")
    func storageKilled() async throws {
        let project = Self.builtSite()
        let stack = try S3Stack()
        // One job at a time, so the files after the held one are still to send when the storage dies.
        let run = try await Self.startPublish(project, stack, delayed: "/assets/reader.", jobs: 1)
        stack.stop()
        let status = try await Self.exitStatus(run.process, within: 30)
        let err = String(decoding: run.errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(status == 1, "\(err)")
        #expect(err.contains("error: the storage stopped answering, so tale publish stopped: "), "\(err)")
        #expect(err.contains("Later steps and all deletes were skipped, so every published page still has the files it refers to."))
        let failed = err.split(separator: "\n").filter { $0.hasPrefix("  site/") }
        #expect(!failed.isEmpty)
        for line in failed {
            let key = String(line.dropFirst(2).prefix { $0 != ":" })
            #expect(line.components(separatedBy: key).count == 2, "the key is printed more than once: \(line)")
        }

        let restarted = try S3Stack()
        defer { restarted.stop() }
        let rerun = Self.publish(project, restarted)
        #expect(rerun.status == 0, "\(rerun.err)")
        let site = try LocalSite.load(project.appending(path: "public"))
        #expect(try restarted.keys() == site.files.map { "site/" + $0.path }.sorted())
    }

    @Test("storage that drops every connection mid-run, keeping what it has: no page without its files, and a rerun converges")
    func storageGoesAway() async throws {
        let project = Self.builtSite()
        let stack = try S3Stack()
        defer { stack.stop() }
        // One job at a time, as above: with eight, the other jobs could finish every file but the held one
        // before the storage goes away, and a single failed file is reported as itself, not as the storage gone.
        let run = try await Self.startPublish(project, stack, delayed: "/assets/reader.", jobs: 1, arguments: ["--json"])
        try await stack.faults(["GET", "HEAD", "PUT", "DELETE"].map { ["method": $0, "contains": "", "reset": true, "times": -1] })
        let status = try await Self.exitStatus(run.process, within: 30)
        let err = String(decoding: run.errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(status == 1, "\(err)")
        #expect(err.contains("error: the storage stopped answering"), "\(err)")
        // --json lists what was never sent, and says why.
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: run.output)) as? [String: Any])
        #expect(json["ok"] as? Bool == false)
        #expect(json["storage_stopped_answering"] as? Bool == true)
        #expect((json["not_started"] as? [String])?.contains("index.html") == true, "\(json["not_started"] ?? "none")")
        try await stack.faults([])
        try Self.expectNoDanglingReferences(stack, keys: try stack.keys())
        let rerun = Self.publish(project, stack)
        #expect(rerun.status == 0, "\(rerun.err)")
        let site = try LocalSite.load(project.appending(path: "public"))
        #expect(try stack.keys() == site.files.map { "site/" + $0.path }.sorted())
    }

    /// Every published HTML page refers only to assets and media that are in the bucket; returns how many references were checked.
    @discardableResult
    static func expectNoDanglingReferences(_ stack: S3Stack, keys: [String]) throws -> Int {
        var checked = 0
        let folder = Support.temporaryFolder("download")
        for key in keys where key.hasSuffix(".html") {
            let file = folder.appending(path: UUID().uuidString)
            stack.aws(["s3api", "get-object", "--bucket", "shelf", "--key", key, file.path])
            let html = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
            let base = key.split(separator: "/").dropLast().joined(separator: "/")
            let pattern = try NSRegularExpression(pattern: #"(?:src|href)="((?:\.\./)*(?:assets|media)/[^"]+)""#)
            for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                let reference = String(html[Range(match.range(at: 1), in: html)!])
                var parts = base.split(separator: "/").map(String.init)
                for segment in reference.split(separator: "/") {
                    if segment == ".." { parts.removeLast() } else { parts.append(String(segment)) }
                }
                #expect(keys.contains(parts.joined(separator: "/")), "\(key) refers to missing \(parts.joined(separator: "/"))")
                checked += 1
            }
        }
        return checked
    }

    @Test("--invalidate-command gets the changed page paths on standard input")
    func invalidationHook() throws {
        let stack = try S3Stack()
        defer { stack.stop() }
        let project = Self.builtSite()
        let listing = project.appending(path: "purged.txt")
        let result = Self.publish(project, stack, ["--invalidate-command", "cat > '\(listing.path)'"])
        #expect(result.status == 0)
        let purged = try String(contentsOf: listing, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(purged.contains("/site/"))
        #expect(purged.contains("/site/books/lantern/"))
        #expect(purged.contains("/site/index.html"))
        #expect(!purged.contains { $0.contains("/assets/") || $0.contains("/media/") })
    }

    @Test("missing credentials and a missing build are clear errors")
    func usageErrors() {
        let project = Support.copyFixture("basic")
        let noCredentials = Support.tale(["publish", "s3://shelf"], in: project,
                                         environment: ["AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": ""])
        #expect(noCredentials.status == 1)
        #expect(noCredentials.err == "error: no credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary credentials)\n")
        let notBuilt = Support.tale(["publish", "s3://shelf", "--endpoint", "http://127.0.0.1:9"], in: project, environment: S3Stack.environment)
        #expect(notBuilt.status == 1)
        #expect(notBuilt.err == "error: no tale-manifest.json in \(project.appending(path: "public").path): run `tale build` first, or point --site at a built site\n")
        let badURL = Support.tale(["publish", "shelf/site"], in: project)
        #expect(badURL.status != 0)
        #expect(badURL.err.contains("'shelf/site' is not an S3 URL; write it like s3://my-bucket or s3://my-bucket/books"))
    }
}

@Suite("Publishing pieces")
struct PublishUnitTests {
    @Test("SigV4 matches AWS's worked example for S3 (GET /test.txt with a Range header)")
    func sigV4Example() {
        let signer = SigV4Signer(credentials: AWSCredentials(accessKeyID: "AKIAIOSFODNN7EXAMPLE",
                                                             secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
                                 region: "us-east-1")
        let headers = [("Host", "examplebucket.s3.amazonaws.com"), ("Range", "bytes=0-9"),
                       ("x-amz-content-sha256", SigV4Signer.emptyPayloadHash), ("x-amz-date", "20130524T000000Z")]
        #expect(signer.authorization(method: "GET", path: "/test.txt", query: [], headers: headers,
                                     payloadHash: SigV4Signer.emptyPayloadHash, amzDate: "20130524T000000Z")
                == "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
                + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
                + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
    }

    @Test("canonical query strings are encoded and sorted")
    func canonicalQuery() {
        let request = SigV4Signer.canonicalRequest(method: "GET", path: "/b/a key+é", query: [("prefix", "site/"), ("list-type", "2")],
                                                   headers: [("Host", "h")], payloadHash: "x").request
        #expect(request == "GET\n/b/a%20key%2B%C3%A9\nlist-type=2&prefix=site%2F\nhost:h\n\nhost\nx")
    }

    @Test("s3:// URLs")
    func locations() {
        #expect(S3Location("s3://shelf") == S3Location("s3://shelf/"))
        #expect(S3Location("s3://shelf/books//")?.prefix == "books/")
        #expect(S3Location("s3://shelf/books")?.key(for: "index.html") == "books/index.html")
        #expect(S3Location("https://shelf") == nil)
    }

    @Test("the plan skips unchanged files, steps the rest and finds stale keys")
    func plan() {
        let location = S3Location("s3://b/p")!
        func file(_ path: String, _ sha: String = "1") -> LocalFile {
            LocalFile(path: path, sha256: sha, bytes: 10, contentType: "t", cacheControl: "c")
        }
        let files = [file("index.html"), file("assets/a.1.css"), file("books/x/index.html", "new"), file("books/x/book.json"),
                     file("tale-manifest.json"), file("sitemap.xml")]
        let remote = Dictionary(uniqueKeysWithValues: ["p/assets/a.1.css", "p/books/x/index.html", "p/books/x/book.json", "p/old.html"]
            .map { ($0, RemoteObject(key: $0, size: 10)) })
        #expect(PublishPlan.keysToInspect(files, remote: remote, location: location) == ["p/books/x/index.html", "p/books/x/book.json"])
        let plan = PublishPlan.make(files, remote: remote, remoteSHA256: ["p/books/x/index.html": "old", "p/books/x/book.json": "1"],
                                    location: location)
        #expect(plan.steps.map { $0.map(\.path) } == [["books/x/index.html"], ["sitemap.xml"], ["index.html"], ["tale-manifest.json"]])
        #expect(plan.unchanged.map(\.path) == ["assets/a.1.css", "books/x/book.json"])
        #expect(plan.stale == ["p/old.html"])
    }

    @Test("backoff grows, is capped, and honours Retry-After")
    func backoff() {
        let policy = RetryPolicy(attempts: 5, baseDelay: 0.5, maximumDelay: 2)
        for attempt in 1...6 { #expect(policy.delay(afterAttempt: attempt, retryAfter: nil) <= min(2, 0.5 * pow(2, Double(attempt - 1)))) }
        #expect(policy.delay(afterAttempt: 1, retryAfter: "1") == 1)
        #expect(policy.delay(afterAttempt: 1, retryAfter: "60") == 2)
        #expect(RetryPolicy.isRetryable(status: 503) && !RetryPolicy.isRetryable(status: 403))
    }
}
