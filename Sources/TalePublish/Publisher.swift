import Foundation
import TaleCore

/// What `tale publish` was asked to do.
public struct PublishOptions: Sendable {
    /// The built site (normally `public/`).
    public var site: URL
    /// Where it goes.
    public var location: S3Location
    /// Plan only.
    public var dryRun = false
    /// Delete stale objects under the prefix.
    public var delete = false
    /// The most deletes allowed without `force`.
    public var maxDeletes = 256
    /// Allow more deletes than `maxDeletes`.
    public var force = false
    /// Requests in flight at once.
    public var jobs = 8

    /// Options for publishing `site` to `location`.
    public init(site: URL, location: S3Location) {
        self.site = site
        self.location = location
    }
}

/// What a publish did.
public struct PublishReport: Sendable {
    /// The plan it followed.
    public var plan: PublishPlan
    /// Paths uploaded, in order of completion within each step.
    public var uploaded: [String] = []
    /// Keys deleted.
    public var deleted: [String] = []
    /// What failed after retries; when not empty, later steps and all deletes were skipped.
    public var failures: [PublishError] = []
    /// Files never sent because the storage stopped answering (the breaker opened), in plan order.
    public var notStarted: [String] = []
    /// Whether the publish stopped because the storage stopped answering.
    public var storageStoppedAnswering = false
    /// Whether this was a dry run.
    public var dryRun: Bool
}

/// Publishes a built site: list, compare by SHA-256, upload in steps, delete last.
public struct Publisher: Sendable {
    /// The storage client.
    public var client: S3Client
    /// The options.
    public var options: PublishOptions
    /// Progress lines.
    public var log: @Sendable (String) -> Void

    /// A publisher.
    public init(client: S3Client, options: PublishOptions, log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.client = client
        self.options = options
        self.log = log
    }

    /// Plans and, unless this is a dry run, carries out the plan. Throws before changing anything
    /// when the site, the listing or the delete guard says no.
    public func run() async throws(PublishError) -> PublishReport {
        let site = try LocalSite.load(options.site)
        let location = options.location
        let listing = try await client.list(prefix: location.prefix)
        let remote = Dictionary(listing.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let inspect = PublishPlan.keysToInspect(site.files, remote: remote, location: location)
        let hashes = Locked<[String: String]>([:])
        let headFailures = await forEach(inspect) { (key: String) throws(PublishError) in
            let metadata = try await client.metadata(key: key)
            if let sha = metadata?["sha256"] { hashes.mutate { $0[key] = sha } }
        }.failures
        if let first = headFailures.first { throw first }
        let plan = PublishPlan.make(site.files, remote: remote, remoteSHA256: hashes.value, location: location)
        if options.delete, plan.stale.count > options.maxDeletes, !options.force {
            throw .tooManyDeletes(count: plan.stale.count, limit: options.maxDeletes)
        }
        var report = PublishReport(plan: plan, dryRun: options.dryRun)
        guard !options.dryRun else { return report }

        for (index, step) in plan.steps.enumerated() {
            log("[\(index + 1)/\(plan.steps.count)] uploading \(step.count) file\(step.count == 1 ? "" : "s")")
            let done = Locked<[String]>([])
            let outcome = await forEach(step) { (file: LocalFile) throws(PublishError) in
                let body = try site.contents(of: file)
                try await client.put(key: location.key(for: file.path), body: body, sha256: file.sha256,
                                     contentType: file.contentType, cacheControl: file.cacheControl)
                done.mutate { $0.append(file.path) }
            }
            report.uploaded += done.value
            if !outcome.failures.isEmpty {
                report.failures = outcome.failures
                report.storageStoppedAnswering = client.breaker.isOpen
                // Every file of this step not started, and every file of the steps after it.
                report.notStarted = outcome.notStarted.map(\.path) + plan.steps.dropFirst(index + 1).flatMap { $0.map(\.path) }
                return report
            }
        }
        if options.delete, !plan.stale.isEmpty {
            log("deleting \(plan.stale.count) stale object\(plan.stale.count == 1 ? "" : "s")")
            let done = Locked<[String]>([])
            let outcome = await forEach(plan.stale) { (key: String) throws(PublishError) in
                try await client.delete(key: key)
                done.mutate { $0.append(key) }
            }
            report.failures = outcome.failures
            report.storageStoppedAnswering = client.breaker.isOpen
            report.deleted = done.value
        }
        return report
    }

    /// Runs `body` for every item with at most `options.jobs` at once; returns the failures, and
    /// the items never started because the client's breaker opened (those in flight then are
    /// cancelled and give up at their next retry).
    private func forEach<T: Sendable>(_ items: [T], _ body: @escaping @Sendable (T) async throws(PublishError) -> Void) async
        -> (failures: [PublishError], notStarted: [T]) {
        let limit = max(1, options.jobs)
        let breaker = client.breaker
        return await withTaskGroup(of: PublishError?.self) { group in
            var failures: [PublishError] = []
            var next = 0
            func addTask() {
                let item = items[next]
                next += 1
                group.addTask {
                    do throws(PublishError) {
                        try await body(item)
                        return nil
                    } catch {
                        return error
                    }
                }
            }
            while next < min(limit, items.count) { addTask() }
            while let result = await group.next() {
                if let failure = result { failures.append(failure) }
                if breaker.isOpen {
                    group.cancelAll()
                } else if next < items.count {
                    addTask()
                }
            }
            return (failures, Array(items[next...]))
        }
    }
}
