import TaleCore

/// Tale's offline storyteller. It plans the story first (`StoryPlanner`: what the premise means,
/// and one event a scene, each following from the one before), then writes every scene, title,
/// summary and tag from that plan in the voice of the book's age (`PlanWriter`, `StoryVoice`).
/// Deterministic: the same request always gives the same text, and the seed changes which
/// sentences a book uses.
public struct EmbeddedStoryteller: TextProvider {
    /// `embedded`.
    public let name = "embedded"
    /// The storyteller's version; a new one makes new artifacts.
    public let model = EmbeddedModel.storyteller

    /// A storyteller.
    public init() {}

    /// Writes what `request` asks for; never fails.
    public func write(_ request: TextRequest) async throws(GenerationError) -> String {
        compose(request)
    }

    /// The same, without waiting: the storyteller does no I/O.
    public func compose(_ request: TextRequest) -> String {
        if request.kind == .plan { return StoryPlanner.plan(request).json }
        let plan = request.plan ?? EmbeddedStoryteller.plan(for: request)
        let index = min(max(0, request.sceneIndex), max(0, plan.scenes.count - 1))
        switch request.kind {
        case .scene: return PlanWriter(plan: plan, request: request).text()
        case .title: return plan.scenes.isEmpty ? request.book.title : plan.scenes[index].title
        case .summary: return plan.summary
        case .tags: return plan.tags.joined(separator: "\n")
        case .plan, .illustration, .cover, .character, .narration: return ""
        }
    }

    /// The plan a request without one is written from: the book's, for its number of scenes and titles.
    static func plan(for request: TextRequest) -> StoryPlan {
        var planning = TextRequest(kind: .plan, book: request.book)
        planning.sceneCount = request.sceneCount
        planning.sceneTitles = request.sceneTitles
        if planning.sceneTitles.count < request.sceneCount {
            planning.sceneTitles += Array(repeating: nil, count: request.sceneCount - planning.sceneTitles.count)
        }
        if request.kind == .scene, request.sceneIndex < planning.sceneTitles.count { planning.sceneTitles[request.sceneIndex] = request.sceneTitle }
        return StoryPlanner.plan(planning)
    }
}

/// Sentences grouped into paragraphs.
enum SceneWriter {
    /// A line of speech starts a new paragraph; at most three sentences each.
    static func paragraphs(_ sentences: [String]) -> String {
        var paragraphs: [[String]] = [[]]
        for sentence in sentences {
            if sentence.hasPrefix("\"") || paragraphs[paragraphs.count - 1].count == 3 { paragraphs.append([]) }
            paragraphs[paragraphs.count - 1].append(sentence)
        }
        return paragraphs.filter { !$0.isEmpty }.map { $0.joined(separator: " ") }.joined(separator: "\n\n")
    }
}

/// A small deterministic random source (SplitMix64) seeded from text, so the storyteller's choices
/// depend only on its input.
struct SeededRandom {
    private var state: UInt64

    init(_ seed: String) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in seed.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        state = hash
    }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            let j = Int(next() % UInt64(i + 1))
            items.swapAt(i, j)
        }
    }
}
