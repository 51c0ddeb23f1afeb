import ArgumentParser
import Foundation
import TaleCore
import TaleHTTP
import TalePublish

/// `tale publish s3://BUCKET/PREFIX`: put a built site into S3-compatible object storage.
struct PublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Upload the built site to S3-compatible object storage.",
        discussion: """
        Compares each file with the object already there (by the SHA-256 Tale stores in the object's \
        metadata) and uploads only what changed, in an order that never leaves a page pointing at a \
        missing file: assets and media first, then each book's data and pages, then the library page, \
        then tale-manifest.json. Stale objects are deleted last, and only with --delete.

        Credentials come from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN. \
        Works with AWS S3, MinIO, Cloudflare R2, Backblaze B2 and Google Cloud Storage (give --endpoint).
        """
    )

    @Argument(help: ArgumentHelp("Where to publish: s3://BUCKET or s3://BUCKET/PREFIX.", valueName: "s3-url"))
    var destination: String

    @OptionGroup var project: ProjectOptions

    @Option(help: ArgumentHelp("The built site to publish (default: <source>/public).", valueName: "dir"))
    var site: String?

    @Option(help: ArgumentHelp("The storage service's URL, for services other than AWS (https://..., http://127.0.0.1:9000).", valueName: "url"))
    var endpoint: String?

    @Option(help: ArgumentHelp("The region (default: AWS_REGION, AWS_DEFAULT_REGION, or us-east-1).", valueName: "region"))
    var region: String?

    @Flag(help: "Print the plan (uploads, unchanged files, deletes, bytes) and change nothing.")
    var dryRun = false

    @Flag(help: "Delete objects under the prefix that the site no longer has (after all uploads succeed).")
    var delete = false

    @Option(help: ArgumentHelp("Refuse to delete more than this many objects without --force.", valueName: "n"))
    var maxDeletes = 256

    @Flag(help: "Allow more deletes than --max-deletes.")
    var force = false

    @Option(help: ArgumentHelp("Requests in flight at once.", valueName: "n"))
    var jobs = 8

    @Flag(help: "Print the result as JSON, for CI.")
    var json = false

    @Option(help: ArgumentHelp("A shell command to run with the changed page paths on standard input, one per line, to purge them from a CDN.",
                               valueName: "command"))
    var invalidateCommand: String?

    func validate() throws {
        guard S3Location(destination) != nil else {
            throw ValidationError("'\(destination)' is not an S3 URL; write it like s3://my-bucket or s3://my-bucket/books")
        }
        if let endpoint, !(endpoint.hasPrefix("https://") || endpoint.hasPrefix("http://")) {
            throw ValidationError("--endpoint must start with https:// or http://; found '\(endpoint)'")
        }
        if maxDeletes < 0 { throw ValidationError("--max-deletes must be 0 or more") }
        if !(1...64).contains(jobs) { throw ValidationError("--jobs must be from 1 to 64") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let location = S3Location(destination)!
        guard let credentials = AWSCredentials.fromEnvironment(environment) else {
            Console.err("error: no credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary credentials)")
            throw ExitCode(1)
        }
        let client = S3Client.connecting(to: location.bucket, endpoint: endpoint, region: region ?? S3Client.region(in: environment),
                                         credentials: credentials)
        var options = PublishOptions(site: site.map(Console.projectURL) ?? Console.projectURL(project.source).appending(path: "public"),
                                     location: location)
        options.dryRun = dryRun
        options.delete = delete
        options.maxDeletes = maxDeletes
        options.force = force
        options.jobs = jobs
        let quietProgress = json
        let publisher = Publisher(client: client, options: options, log: { line in if !quietProgress { Console.out(line) } })
        let started = ContinuousClock.now
        let report: PublishReport
        do {
            report = try await publisher.run()
        } catch {
            if json { Console.out(PublishOutput.json(error: error, location: location)) }
            Console.err("error: \(error)")
            throw ExitCode(1)
        }
        let seconds = (ContinuousClock.now - started).inSeconds
        if json {
            Console.out(PublishOutput.json(report, location: location, deleteRequested: delete))
        } else {
            for line in PublishOutput.text(report, location: location, deleteRequested: delete, seconds: seconds) { Console.out(line) }
        }
        guard report.failures.isEmpty else {
            Console.err(PublishOutput.failureText(report))
            throw ExitCode(1)
        }
        if let invalidateCommand, !dryRun {
            let paths = report.plan.invalidations(location: location)
            if !paths.isEmpty { try runInvalidation(invalidateCommand, paths: paths) }
        }
    }

    private func runInvalidation(_ command: String, paths: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let input = Pipe()
        process.standardInput = input
        try process.run()
        input.fileHandleForWriting.write(Data((paths.joined(separator: "\n") + "\n").utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            Console.err("error: the invalidation command exited with status \(process.terminationStatus); the upload itself succeeded")
            throw ExitCode(1)
        }
    }
}
