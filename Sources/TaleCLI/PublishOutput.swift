import TaleCore
import TalePublish

/// How `tale publish` reports: lines for people, one JSON object for CI.
enum PublishOutput {
    /// `45678` as `45,678`, whatever the locale.
    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(character)
        }
        return out
    }

    static func text(_ report: PublishReport, location: S3Location, deleteRequested: Bool, seconds: Double) -> [String] {
        let plan = report.plan
        var lines: [String] = []
        if report.dryRun {
            lines.append("Plan for \(location) (dry run: nothing was changed)")
            for file in plan.uploads { lines.append("  upload  \(file.path)  (\(grouped(file.bytes)) bytes)") }
            for key in plan.stale { lines.append("  \(deleteRequested ? "delete" : "stale ")  \(key)") }
            lines.append("\(plan.uploads.count) to upload (\(grouped(plan.uploadBytes)) bytes), \(plan.unchanged.count) unchanged, "
                         + (deleteRequested ? "\(plan.stale.count) to delete" : "\(plan.stale.count) stale (kept without --delete)"))
            return lines
        }
        let uploadedBytes = plan.uploads.filter { report.uploaded.contains($0.path) }.reduce(0) { $0 + $1.bytes }
        var summary = "Published \(location): \(report.uploaded.count) uploaded (\(grouped(uploadedBytes)) bytes), "
            + "\(plan.unchanged.count) unchanged"
        summary += deleteRequested ? ", \(report.deleted.count) deleted" : ""
        summary += " in " + String(format: "%.2f", seconds) + " s"
        lines.append(summary)
        if !deleteRequested, !plan.stale.isEmpty {
            lines.append("\(plan.stale.count) stale object\(plan.stale.count == 1 ? "" : "s") kept; pass --delete to remove them")
        }
        let purge = plan.invalidations(location: location)
        if report.failures.isEmpty, !purge.isEmpty {
            lines.append("Changed pages to purge from a CDN cache:")
            lines += purge.map { "  \($0)" }
        }
        return lines
    }

    static func failureText(_ report: PublishReport) -> String {
        let count = report.failures.count
        var text: String
        if report.storageStoppedAnswering {
            text = "error: the storage stopped answering, so tale publish stopped: \(count) request\(count == 1 ? "" : "s") failed"
                + " and \(report.notStarted.count) file\(report.notStarted.count == 1 ? " was" : "s were") not sent. "
        } else {
            text = "error: \(count) request\(count == 1 ? "" : "s") failed after retries. "
        }
        text += "Later steps and all deletes were skipped, so every published page still has the files it refers to. "
            + "Run tale publish again to finish."
        for failure in report.failures { text += "\n  \(failure)" }
        return text
    }

    static func json(_ report: PublishReport, location: S3Location, deleteRequested: Bool) -> String {
        let plan = report.plan
        let value: JSONValue = .object([
            ("destination", .string(location.description)),
            ("dry_run", .bool(report.dryRun)),
            ("ok", .bool(report.failures.isEmpty)),
            ("uploads", .array((report.dryRun ? plan.uploads.map(\.path) : report.uploaded.sorted()).map { .string($0) })),
            ("upload_bytes", .int(plan.uploadBytes)),
            ("unchanged", .int(plan.unchanged.count)),
            ("stale", .array(plan.stale.map { .string($0) })),
            ("deleted", .array(report.deleted.sorted().map { .string($0) })),
            ("failures", .array(report.failures.map { .string($0.description) })),
            ("not_started", .array(report.notStarted.map { .string($0) })),
            ("storage_stopped_answering", .bool(report.storageStoppedAnswering)),
            ("invalidations", .array(plan.invalidations(location: location).map { .string($0) })),
        ])
        return value.text(indent: 2)
    }

    static func json(error: PublishError, location: S3Location) -> String {
        JSONValue.object([("destination", .string(location.description)), ("ok", .bool(false)), ("error", .string(error.description))]).text(indent: 2)
    }
}
