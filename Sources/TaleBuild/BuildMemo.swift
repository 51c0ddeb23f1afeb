import Foundation
import TaleAnalyse
import TaleCore
import TaleRender

/// What a build may take from the builds before it, asked in one place, so that no stage knows
/// which command runs it. It has two backings, either or neither:
/// - **in memory** (`BuildCache`, which `tale serve` keeps between rebuilds): each book step's
///   result, keyed by the book folder's fingerprint, the parts of the site the step reads, and the step;
/// - **on disk** (`IncrementalBuild`, the build index of `tale build`): the last build's books,
///   carried over whole with their output files when their folder is unchanged, so no step runs
///   for them at all; and the library's cards.
/// `tale check`, `tale export` and the tests' builds have neither: every step runs.
struct BuildMemo: Sendable {
    /// The in-memory backing, when the command keeps one.
    let memory: BuildCache?
    /// The on-disk backing, when the command builds into an output it keeps.
    let disk: IncrementalBuild?

    /// A memo over `memory` and `disk`.
    init(memory: BuildCache?, disk: IncrementalBuild?) {
        self.memory = memory
        self.disk = disk
    }

    /// Whether there is anything to key by book folder, so the load stage fingerprints every folder.
    var fingerprintsBooks: Bool { memory != nil || disk != nil }

    /// Whether the build records which output files each book made (the index carries them over).
    var recordsBookFiles: Bool { disk != nil }

    /// Whether a rendered book's view is kept to render its page again from (in memory, when only
    /// templates change), so it keeps what only that needs, such as its encoded cue map.
    var rendersPagesAgain: Bool { memory != nil }

    /// The library's cards from earlier builds: in memory, from the index, or none.
    func cards(previous: BuildIndex?) -> CardMemo? {
        if let memory { return memory.cards }
        return disk == nil ? nil : previous?.cardMemo() ?? CardMemo()
    }
}

/// One book step whose result the in-memory backing keeps, with the type of the result. A result
/// stands while the book's folder and the config are unchanged, and, for a step that reads the
/// theme's views (`readsThemeViews`), while those theme files are too.
struct MemoStep<Value>: Sendable {
    /// The step's name, unique among steps.
    let name: String
    /// Whether theme files beyond the page templates shape the result (see `BuildCache`).
    let readsThemeViews: Bool
}

extension MemoStep where Value == BuildCache.Parsed {
    /// The book as parsed from its `index.md`, with what the parse found wrong.
    static var parsed: Self { Self(name: "parsed", readsThemeViews: false) }
}

extension MemoStep where Value == BuildCache.Checked {
    /// The branch graph of the book as written, and what checking it and its files found.
    static var checked: Self { Self(name: "checked", readsThemeViews: false) }
}

extension MemoStep where Value == BookAnalysis {
    /// The book's graph, cues, moderation findings and reading stats, after text generation.
    static var analysis: Self { Self(name: "analysis", readsThemeViews: false) }
}

extension MemoStep where Value == Book {
    /// The book as text generation left it (when generation was clean).
    static var generated: Self { Self(name: "generated", readsThemeViews: false) }
    /// The book as illustration left it (when illustration was clean).
    static var illustrated: Self { Self(name: "illustrated", readsThemeViews: false) }
}

extension MemoStep where Value == BookPreviews {
    /// The book's painted social card and thumbnail.
    static var previews: Self { Self(name: "previews", readsThemeViews: false) }
}

extension MemoStep where Value == BuildCache.Rendered {
    /// The book's view and its output files: its page, book.json, cues.json and media.
    static var rendered: Self { Self(name: "rendered", readsThemeViews: true) }
}

extension MemoStep where Value == [UInt8] {
    /// The book's EPUB.
    static var epub: Self { Self(name: "epub", readsThemeViews: true) }
}

extension BuildContext {
    /// `step`'s kept result for the book `slug`, when the memo holds one for the book's folder as it is now.
    func recall<Value>(_ step: MemoStep<Value>, _ slug: String) -> Value? {
        guard let memory = memo.memory, let fingerprint = fingerprints[slug] else { return nil }
        return memory.recall(step, slug, fingerprint)
    }

    /// Keeps `value` as `step`'s result for the book `slug`, when the memo keeps results.
    func remember<Value>(_ step: MemoStep<Value>, _ slug: String, _ value: Value) {
        guard let memory = memo.memory, let fingerprint = fingerprints[slug] else { return }
        memory.remember(step, slug, fingerprint, value)
    }

    /// Keeps a render whose page alone was rendered again from its kept view (counted apart from renders).
    func rememberPageRenderedAgain(_ slug: String, _ rendered: BuildCache.Rendered) {
        guard let memory = memo.memory, let fingerprint = fingerprints[slug] else { return }
        memory.rememberPageRenderedAgain(slug, fingerprint, rendered)
    }

    /// `step`'s result for the book `slug`: the kept one, or `make()`'s, which is then kept.
    func remembered<Value>(_ step: MemoStep<Value>, _ slug: String, _ make: () -> Value) -> Value {
        if let kept = recall(step, slug) { return kept }
        let value = make()
        remember(step, slug, value)
        return value
    }
}
