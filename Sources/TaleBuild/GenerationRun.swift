import Foundation
import TaleAnalyse
import TaleCore
import TaleGenerate

/// Runs a `Generator` for a build stage and turns what happened into diagnostics: lock problems,
/// frozen gaps, provider failures and (with `--require-approved`) unapproved artifacts. Shared by
/// the text and picture stages.
enum GenerationRun {
    /// Generates for `needs`, reports, refreshes the fingerprints of book folders it wrote into, and adds to `context.generation`.
    static func perform(_ needs: [BookGeneration], generator: Generator, context: BuildContext) async -> [String: BookGenerationResult] {
        let results = await generator.run(needs)
        let content = context.options.project.appending(path: "content")
        for need in needs {
            guard let result = results[need.slug], let book = context.books.first(where: { $0.slug == need.slug }) else { continue }
            context.generation.total += need.jobs.count
            context.generation.generated += result.generated.count
            context.generation.cached += result.texts.count + result.images.count - result.generated.count
            context.generation.failed += result.failures.count
            report(result, need: need, book: book, context: context)
            // Generation wrote into the book's folder: what later stages cache is keyed by the folder as it is now.
            if result.changedFiles { context.changedByGeneration.insert(need.slug) }
            if result.changedFiles, let before = context.fingerprints[need.slug] {
                let now = BuildCache.fingerprint(ofBookAt: content.appending(path: need.slug).path)
                context.fingerprints[need.slug] = now
                context.memo.memory?.carryParse(need.slug, from: before, to: now)
            }
        }
        return results
    }

    /// Turns lock problems, frozen gaps, failures and unapproved artifacts into diagnostics.
    static func report(_ result: BookGenerationResult, need: BookGeneration, book: Book, context: BuildContext) {
        let generated = "content/\(book.slug)/generated"
        if let problem = result.lockProblem {
            context.diagnostics.error(SourceLocation(file: "\(generated)/\(GenerationLock.fileName)"), problem.reason,
                                      hint: "restore the file from version control, or delete \(generated)/ to generate again")
        }
        for job in result.missing {
            context.diagnostics.error(job.location, "the \(job.label) needs generating (\(generated)/\(job.file)), but the build is frozen",
                                      hint: "run `tale generate \(book.slug)` and commit \(generated)/; "
                                          + "builds are frozen with --frozen and whenever CI is set (--no-frozen lets them generate)")
        }
        for (job, error) in result.failures {
            context.diagnostics.error(job.location, "could not generate the \(job.label): \(error)",
                                      hint: "nothing was written for it; fix the cause and build again, or write the text yourself")
        }
        if context.options.requireApproved {
            for job in need.jobs {
                guard let entry = result.entries[job.id], !entry.approved else { continue }
                context.diagnostics.error(SourceLocation(file: "\(generated)/\(entry.file)"),
                                          "the generated \(job.label) is not approved, and the build requires approval",
                                          hint: "read it, then set \"approved\": true for '\(job.id)' in \(generated)/\(GenerationLock.fileName) "
                                              + "(or run `tale generate \(book.slug) --approve`)")
            }
        }
    }
}

/// What `tale serve` keeps of a generation stage between rebuilds: the book as the stage left it,
/// for books whose folder has not changed, so unchanged books do not read their locks again.
/// Only clean results are kept (no failure, gap or lock problem), and never for frozen or
/// approval-checking builds, whose diagnostics must be made every time.
enum GeneratedBooks {
    /// Puts kept books into the context; returns the slugs that need no run.
    static func reuse(_ step: MemoStep<Book>, context: BuildContext) -> Set<String> {
        guard !context.options.frozen, !context.options.requireApproved else { return [] }
        var reused: Set<String> = []
        context.books = context.books.map { book in
            guard let kept = context.recall(step, book.slug) else { return book }
            reused.insert(kept.slug)
            return kept
        }
        return reused
    }

    /// Keeps the books a run left clean.
    static func keep(_ step: MemoStep<Book>, results: [String: BookGenerationResult], context: BuildContext) {
        guard !context.options.frozen, !context.options.requireApproved else { return }
        for book in context.books {
            guard let result = results[book.slug], result.failures.isEmpty, result.missing.isEmpty, result.lockProblem == nil else { continue }
            context.remember(step, book.slug, book)
        }
    }
}
