import Foundation
import TaleCore

/// What one book asks of generation: its `generated/` folder and the artifacts it needs.
public struct BookGeneration: Sendable {
    /// The book's slug.
    public var slug: String
    /// `content/<slug>/generated/`.
    public var folder: URL
    /// Everything the book needs, in order.
    public var jobs: [GenerationJob]

    /// A book's needs.
    public init(slug: String, folder: URL, jobs: [GenerationJob]) {
        self.slug = slug
        self.folder = folder
        self.jobs = jobs
    }
}

/// What generation gave one book.
public struct BookGenerationResult: Sendable {
    /// Artifact text by id, from the lock or new (text artifacts).
    public var texts: [String: String] = [:]
    /// Artifact file names inside `generated/` by id (pictures).
    public var images: [String: String] = [:]
    /// The lock entry behind each text, by id.
    public var entries: [String: LockEntry] = [:]
    /// Ids made new in this run.
    public var generated: [String] = []
    /// The bytes of what was made new, by id (written to the files).
    var bytes: [String: [UInt8]] = [:]
    /// Jobs that would need a provider, in a frozen build.
    public var missing: [GenerationJob] = []
    /// Jobs whose provider failed, with why.
    public var failures: [(job: GenerationJob, error: GenerationError)] = []
    /// Why the lock could not be read or written, if so.
    public var lockProblem: LockError?
    /// Whether files in `generated/` were written or removed.
    public var changedFiles = false
}

/// How far generation has got, for a progress bar.
public struct GenerationProgress: Sendable, Equatable {
    /// Artifacts in all.
    public var total = 0
    /// Made new.
    public var generated = 0
    /// Found in a lock.
    public var cached = 0
    /// Failed.
    public var failed = 0
    /// The last artifact finished: "pip/scene/storm".
    public var latest: String?

    /// Finished so far.
    public var done: Int { generated + cached + failed }

    /// Nothing done yet.
    public init() {}
}

/// Runs the jobs of every book: finds what the locks already hold, asks the provider for the rest
/// (a bounded number at a time), checks what comes back (`ReplyCheck`, moderation) and asks again when it fails,
/// then writes the artifacts and the lock, and prunes artifacts nothing needs any more.
public struct Generator: Sendable {
    /// Where text comes from.
    public var provider: any TextProvider
    /// Where pictures come from.
    public var imageProvider: any ImageProvider = EmbeddedIllustrator()
    /// Where recordings come from, when a service reads the books.
    public var speechProvider: (any SpeechProvider)?
    /// The kinds of artifact this run manages: lock entries of these kinds that no job needs are pruned.
    public var kinds: Set<ArtifactKind> = Set(ArtifactKind.allCases.filter(\.isText))
    /// Requests in flight at once.
    public var concurrency: Int
    /// Whether a missing artifact is an error instead of a request (`--frozen`).
    public var frozen: Bool
    /// How many times a text may be asked for (a reply that fails its checks or moderation is asked for again).
    public var replyTries: Int = 3
    /// The reason text is unfit for a tier, or nil when it is fine.
    public var moderate: @Sendable (String, AgeTier) async -> String?
    /// Told after each artifact.
    public var progress: @Sendable (GenerationProgress) -> Void

    /// A generator.
    public init(provider: any TextProvider, concurrency: Int, frozen: Bool,
                moderate: @escaping @Sendable (String, AgeTier) async -> String?,
                progress: @escaping @Sendable (GenerationProgress) -> Void = { _ in }) {
        self.provider = provider
        self.concurrency = max(1, concurrency)
        self.frozen = frozen
        self.moderate = moderate
        self.progress = progress
    }

    /// Generates what `books` need; results by slug. A book's text is one chain, in order: the
    /// plan first, then each title and scene with the story so far, then the summary and tags.
    /// Pictures and recordings are asked for on their own. Books run side by side, at most
    /// `concurrency` chains and requests at a time.
    public func run(_ books: [BookGeneration]) async -> [String: BookGenerationResult] {
        var results: [String: BookGenerationResult] = [:]
        var locks: [String: GenerationLock] = [:]
        var units: [(slug: String, jobs: [GenerationJob])] = []
        let state = Locked(GenerationProgress())
        state.mutate { $0.total = books.reduce(0) { $0 + $1.jobs.count } }

        for book in books {
            var result = BookGenerationResult()
            switch GenerationLock.read(folder: book.folder) {
            case .failure(let problem):
                result.lockProblem = problem
                results[book.slug] = result
                continue
            case .success(let lock):
                locks[book.slug] = lock
            }
            results[book.slug] = result
            let chain = book.jobs.filter { $0.kind.isText }
            if !chain.isEmpty { units.append((book.slug, chain)) }
            for job in book.jobs where !job.kind.isText { units.append((book.slug, [job])) }
        }
        let folders = Dictionary(uniqueKeysWithValues: books.map { ($0.slug, $0.folder) })
        let readLocks = locks

        let outcomes = await withTaskGroup(of: (String, [Outcome]).self) { group in
            var collected: [(String, [Outcome])] = []
            var next = 0
            func start() {
                guard next < units.count else { return }
                let (slug, jobs) = units[next]
                next += 1
                let lock = readLocks[slug]!
                let folder = folders[slug]!
                group.addTask { (slug, await self.chain(jobs, slug: slug, lock: lock, folder: folder, state: state)) }
            }
            for _ in 0..<min(concurrency, units.count) { start() }
            while let finished = await group.next() {
                collected.append(finished)
                start()
            }
            return collected
        }

        for (slug, list) in outcomes {
            for outcome in list {
                let job = outcome.job
                switch outcome.result {
                case .cached(let entry, let text):
                    if job.kind.isText { results[slug]!.texts[job.id] = text } else { results[slug]!.images[job.id] = entry.file }
                    results[slug]!.entries[job.id] = entry
                case .missing:
                    results[slug]!.missing.append(job)
                case .made(let bytes):
                    let source = self.source(of: job.kind)
                    let entry = LockEntry(id: job.id, kind: job.kind, file: job.file, input: outcome.input, sha256: SHA256.hex(bytes),
                                          provider: source.0, model: source.1, approved: false)
                    locks[slug]!.entries[job.id] = entry
                    if job.kind.isText { results[slug]!.texts[job.id] = String(decoding: bytes, as: UTF8.self) } else { results[slug]!.images[job.id] = job.file }
                    results[slug]!.bytes[job.id] = bytes
                    results[slug]!.entries[job.id] = entry
                    results[slug]!.generated.append(job.id)
                case .failed(let error):
                    results[slug]!.failures.append((job, error))
                case .discarded:
                    break
                }
            }
        }
        for book in books {
            guard var lock = locks[book.slug], results[book.slug]?.lockProblem == nil else { continue }
            // Put the results in the order the book asked for them.
            let order = Dictionary(uniqueKeysWithValues: book.jobs.enumerated().map { ($1.id, $0) })
            results[book.slug]!.generated.sort { order[$0, default: 0] < order[$1, default: 0] }
            results[book.slug]!.failures.sort { order[$0.job.id, default: 0] < order[$1.job.id, default: 0] }
            results[book.slug]!.missing.sort { order[$0.id, default: 0] < order[$1.id, default: 0] }
            switch save(book, lock: &lock, results: results[book.slug]!) {
            case .some(let problem): results[book.slug]!.lockProblem = problem
            case .none: break
            }
            results[book.slug]!.changedFiles = !results[book.slug]!.generated.isEmpty || lock.entries.count != locks[book.slug]!.entries.count
        }
        return results
    }

    /// What became of one job.
    struct Outcome: Sendable {
        enum Kind: Sendable {
            case cached(LockEntry, String)
            case missing
            /// Made, but not kept: another text of the book failed.
            case discarded
            case made([UInt8])
            case failed(GenerationError)
        }
        var job: GenerationJob
        var input: String
        var result: Kind
    }

    /// Runs jobs one after another: a book's text chain (the plan, then what is written from it,
    /// each scene with the story so far), or one picture or recording.
    func chain(_ jobs: [GenerationJob], slug: String, lock: GenerationLock, folder: URL, state: Locked<GenerationProgress>) async -> [Outcome] {
        var outcomes: [Outcome] = []
        var plan: StoryPlan?
        var planFailed = false
        var story: [Int: String] = [:]
        // The plan, first in a chain, carries the writer's scenes: the story so far starts with them.
        for (index, text) in (jobs.first?.textRequest?.writtenTexts ?? []).enumerated() { if let text { story[index] = text } }
        for original in jobs {
            var job = original
            if var request = job.textRequest, job.kind.followsPlan {
                guard let plan else {
                    // Without a plan nothing can be written from it: in a frozen build that is a gap to
                    // report; after a failed plan, the plan's own error says it all.
                    let outcome: Outcome.Kind = planFailed ? .discarded
                        : frozen ? .missing : .failed(.badAnswer("the book has no plan to write from"))
                    outcomes.append(Outcome(job: job, input: "", result: outcome))
                    if case .failed = outcome { report(state, "\(slug)/\(job.id)") { $0.failed += 1 } }
                    continue
                }
                request.plan = plan
                if job.kind == .scene { request.storySoFar = (0..<request.sceneIndex).compactMap { story[$0] } }
                job.work = .text(request)
            }
            let input = self.input(job)
            var outcome: Outcome.Kind
            if let entry = lock.entries[job.id], entry.input == input,
               let data = try? Data(contentsOf: folder.appending(path: entry.file)),
               let text = job.kind.isText ? String(data: data, encoding: .utf8) : "" {
                // Pictures and recordings are binary: only text artifacts are read as text.
                outcome = .cached(entry, job.kind.isText ? text.trimmingCharacters(in: .whitespacesAndNewlines) : "")
                report(state, "\(slug)/\(job.id)") { $0.cached += 1 }
            } else if frozen {
                outcome = .missing
            } else {
                let made = await make(job)
                switch made {
                case .success(let bytes): outcome = .made(bytes)
                case .failure(let error): outcome = .failed(error)
                }
                let failed: Bool
                if case .failed = outcome { failed = true } else { failed = false }
                report(state, "\(slug)/\(job.id)") { if failed { $0.failed += 1 } else { $0.generated += 1 } }
            }
            let produced: String?
            switch outcome {
            case .cached(_, let text): produced = text
            case .made(let bytes): produced = String(decoding: bytes, as: UTF8.self)
            default: produced = nil
            }
            if job.kind == .plan, let produced {
                switch StoryPlan.decode(produced) {
                case .success(let decoded): plan = decoded
                case .failure(let problem):
                    planFailed = true
                    outcome = .failed(.badAnswer("\(job.file) is not a story plan: \(problem)"))
                }
            } else if job.kind == .plan, case .failed = outcome {
                planFailed = true
            } else if job.kind == .scene, let produced, let request = job.textRequest {
                story[request.sceneIndex] = produced
            }
            outcomes.append(Outcome(job: job, input: input, result: outcome))
        }
        // Text written after a failure stands on a plan or a story that is not whole: none of it is kept.
        if outcomes.contains(where: { if case .failed = $0.result { return $0.job.kind.isText } else { return false } }) {
            outcomes = outcomes.map { outcome in
                guard case .made = outcome.result, outcome.job.kind.isText else { return outcome }
                var dropped = outcome
                dropped.result = .discarded
                return dropped
            }
        }
        return outcomes
    }

    private func report(_ state: Locked<GenerationProgress>, _ latest: String, _ change: (inout GenerationProgress) -> Void) {
        let now = state.mutate { value -> GenerationProgress in
            change(&value)
            value.latest = latest
            return value
        }
        progress(now)
    }

    /// The input hash of `job` with the provider that makes its kind.
    func input(_ job: GenerationJob) -> String {
        let source = self.source(of: job.kind)
        return job.input(provider: source.name, model: source.model)
    }

    /// The provider name and model that make `kind`.
    func source(of kind: ArtifactKind) -> (name: String, model: String) {
        switch kind {
        case .illustration, .cover, .character: return (imageProvider.name, imageProvider.model)
        case .narration: return (speechProvider?.name ?? "none", speechProvider?.model ?? "none")
        default: return (provider.name, provider.model)
        }
    }

    /// Asks the provider for one artifact (text again, with the reasons, while its checks or moderation refuse it);
    /// returns the file's bytes.
    func make(_ job: GenerationJob) async -> Result<[UInt8], GenerationError> {
        switch job.work {
        case .text: break
        case .image(let request):
            do { return .success(try await imageProvider.draw(request).bytes) } catch { return .failure(error) }
        case .speech(let request):
            guard let speechProvider else { return .failure(.configuration("no speech service is configured")) }
            do { return .success(try await speechProvider.speak(request)) } catch { return .failure(error) }
        }
        guard case .text(var request) = job.work else { return .failure(.configuration("unknown job")) }
        var problems: [String] = []
        for attempt in 0..<max(1, replyTries) {
            request.attempt = attempt
            request.problems = problems
            let raw: String
            do { raw = try await provider.write(request) } catch { return .failure(error) }
            var text = ArtifactText.clean(raw, kind: request.kind)
            guard !text.isEmpty else { return .failure(.badAnswer("the answer for \(job.label) is empty once cleaned")) }
            problems = ReplyCheck.problems(text, for: request)
            if request.kind == .plan, problems.isEmpty, case .success(let plan) = StoryPlan.decode(text) { text = plan.json }
            if problems.isEmpty, let flagged = await moderate(text, request.book.tier) { problems.append(flagged) }
            if problems.isEmpty { return .success(Array(text.utf8)) }
        }
        return .failure(.rejected(artifact: job.file, tries: max(1, replyTries), reasons: problems))
    }

    /// Writes new artifacts, drops what no job needs, and writes the lock when it changed.
    private func save(_ book: BookGeneration, lock: inout GenerationLock, results: BookGenerationResult) -> LockError? {
        let needed = Set(book.jobs.map(\.id))
        var files: [(String, [UInt8])] = results.generated.map { id in
            (results.entries[id]!.file, results.bytes[id]! + (results.entries[id]!.kind.isText ? [0x0A] : []))
        }
        var stale: [String] = []
        for (id, entry) in lock.entries where !needed.contains(id) && kinds.contains(entry.kind) {
            stale.append(entry.file)
            lock.entries[id] = nil
        }
        let text = lock.text
        // Nothing new and nothing stale: the lock stays as it is, byte for byte (and is not created).
        if files.isEmpty && stale.isEmpty { return nil }
        do {
            try FileManager.default.createDirectory(at: book.folder, withIntermediateDirectories: true)
            let kept = Set(lock.entries.values.map(\.file))
            for file in stale where !kept.contains(file) { try? FileManager.default.removeItem(at: book.folder.appending(path: file)) }
            files.append((GenerationLock.fileName, Array(text.utf8)))
            for (name, content) in files { try Data(content).write(to: book.folder.appending(path: name), options: .atomic) }
        } catch {
            return LockError("cannot write \(book.folder.lastPathComponent)/: \(error.localizedDescription)")
        }
        return nil
    }
}

/// Tidies what a provider wrote into the shape each kind of artifact has.
enum ArtifactText {
    static func clean(_ raw: String, kind: ArtifactKind) -> String {
        let text = raw.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        switch kind {
        case .scene:
            // No headings (a new heading would start a scene); paragraphs separated by one blank line.
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }
            var paragraphs: [String] = []
            var current: [String] = []
            for line in lines {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty {
                    if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
                    current = []
                } else { current.append(trimmed) }
            }
            if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
            return paragraphs.joined(separator: "\n\n")
        case .title, .summary:
            var line = text.split(separator: "\n").first.map(String.init) ?? ""
            if kind == .summary { line = text.split(separator: "\n").joined(separator: " ") }
            line = line.trimmingCharacters(in: CharacterSet(charactersIn: "#*\"“”' ").union(.whitespaces))
            if kind == .title, line.lowercased().hasPrefix("title:") { line = String(line.dropFirst(6)).trimmingCharacters(in: .whitespaces) }
            if kind == .title, line.hasSuffix(".") { line.removeLast() }
            return line
        case .illustration, .cover, .character, .narration:
            return text
        case .plan:
            // A JSON object, without the code fence a chat model may put around it.
            guard let open = text.firstIndex(of: "{"), let close = text.lastIndex(of: "}") else { return text }
            return String(text[open...close])
        case .tags:
            let words = text.lowercased().split { $0 == "\n" || $0 == "," }
                .map { Slug.make(from: String($0).trimmingCharacters(in: CharacterSet(charactersIn: "-*#0123456789. ").union(.whitespaces))) }
                .filter { !$0.isEmpty }
            var seen: [String] = []
            for word in words where !seen.contains(word) { seen.append(word) }
            return seen.prefix(5).joined(separator: "\n")
        }
    }
}
