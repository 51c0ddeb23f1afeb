import TaleCore

/// One artifact a book needs: what to ask for, where the need was written, and the hash of
/// everything that goes into it.
public struct GenerationJob: Sendable {
    /// What a provider is asked for.
    public enum Work: Sendable {
        /// Text, from a `TextProvider`.
        case text(TextRequest)
        /// A picture, from an `ImageProvider`.
        case image(ImageRequest)
        /// A recording, from a `SpeechProvider`.
        case speech(SpeechRequest)
    }

    /// The lock id: `scene/<id>`, `title/<id>`, `summary`, `tags`, `illustration/<id>`, `cover`.
    public var id: String
    /// The request for the provider.
    public var work: Work
    /// The artifact's file name inside `generated/`.
    public var file: String
    /// Where the writer left the gap (the scene's heading, or the front matter).
    public var location: SourceLocation
    /// For messages: "text for scene 'storm'".
    public var label: String

    /// A text job.
    public init(id: String, request: TextRequest, file: String, location: SourceLocation, label: String) {
        self.init(id: id, work: .text(request), file: file, location: location, label: label)
    }

    /// A job.
    public init(id: String, work: Work, file: String, location: SourceLocation, label: String) {
        self.id = id
        self.work = work
        self.file = file
        self.location = location
        self.label = label
    }

    /// What kind of artifact the job makes.
    public var kind: ArtifactKind {
        switch work {
        case .text(let request): return request.kind
        case .image(let request): return request.kind
        case .speech: return .narration
        }
    }

    /// The text request, for text jobs.
    public var textRequest: TextRequest? {
        if case .text(let request) = work { return request }
        return nil
    }

    /// The book the job is for.
    public var book: StoryBook {
        switch work {
        case .text(let request): return request.book
        case .image(let request): return request.book
        case .speech(let request): return request.book
        }
    }

    /// The input hash for this job with `provider` and `model`.
    public func input(provider: String, model: String) -> String {
        let canonical: String
        switch work {
        case .text(let request): canonical = request.canonical
        case .image(let request): canonical = request.canonical
        case .speech(let request): canonical = request.canonical
        }
        return SHA256.hex(["tale-generation-1", provider, model, canonical].joined(separator: "\u{1C}"))
    }
}

/// Works out what a book is missing: scenes up to `scenes:`, empty scenes, titles of empty
/// headings, a summary and tags. Scenes are added only to books that do not branch, after the
/// last written scene.
public enum GenerationPlanner {
    /// The jobs for `book`, in order; `seed` is `tale.yaml`'s.
    public static func jobs(for book: Book, seed: String) -> [GenerationJob] {
        let story = StoryBook(book.frontMatter, seed: seed)
        let written = book.scenes.count
        let branches = book.scenes.contains { !$0.choices.isEmpty || $0.next != nil || $0.isEnding }
        let count = branches ? written : max(written, book.frontMatter.sceneCount ?? 0)
        let endLine = book.scenes.last.map { max($0.lastLine, $0.location.line) } ?? 1
        var titles: [String?] = book.scenes.map { $0.title.flatMap { $0.isEmpty ? nil : $0 } }
        titles += Array(repeating: nil, count: count - written)

        var jobs: [GenerationJob] = []
        var briefs: [String?] = book.scenes.map(\.writeBrief)
        briefs += Array(repeating: nil, count: count - written)
        /// The writer's text of scene `i`, or nil where there is none or it is to be generated.
        func writtenText(_ i: Int) -> String? {
            guard i >= 0, i < written, !book.scenes[i].needsText, !book.scenes[i].text.isEmpty else { return nil }
            return book.scenes[i].text
        }
        for index in 0..<count {
            let scene = index < written ? book.scenes[index] : nil
            let sceneID = scene?.id ?? "scene-\(index + 1)"
            let location = scene?.location ?? SourceLocation(file: book.sourcePath, line: endLine, column: 1)
            var request = TextRequest(kind: .scene, book: story)
            request.sceneIndex = index
            request.sceneCount = count
            request.sceneTitle = titles[index]
            request.sceneTitles = titles
            request.brief = scene?.writeBrief
            request.previousText = writtenText(index - 1)
            request.nextText = writtenText(index + 1)
            if scene == nil || scene!.title == "" {
                var titleRequest = request
                titleRequest.kind = .title
                titleRequest.previousText = nil
                titleRequest.nextText = nil
                jobs.append(GenerationJob(id: "title/\(sceneID)", request: titleRequest, file: "title-\(sceneID).txt",
                                          location: location, label: "title of scene \(index + 1)"))
            }
            if scene?.needsText ?? true {
                jobs.append(GenerationJob(id: "scene/\(sceneID)", request: request, file: "scene-\(sceneID).md",
                                          location: location, label: "text of scene '\(sceneID)'"))
            }
        }
        let top = SourceLocation(file: book.sourcePath, line: 1, column: 1)
        if book.frontMatter.summary == nil {
            var request = TextRequest(kind: .summary, book: story)
            request.sceneCount = count
            request.sceneTitles = titles
            jobs.append(GenerationJob(id: "summary", request: request, file: "summary.txt", location: top, label: "summary"))
        }
        if book.frontMatter.tags.isEmpty {
            var request = TextRequest(kind: .tags, book: story)
            request.sceneCount = count
            jobs.append(GenerationJob(id: "tags", request: request, file: "tags.txt", location: top, label: "tags"))
        }
        guard !jobs.isEmpty else { return [] }
        // Everything above is written from the book's plan, which comes first.
        var plan = TextRequest(kind: .plan, book: story)
        plan.sceneCount = count
        plan.sceneTitles = titles
        plan.sceneBriefs = briefs
        plan.writtenTexts = (0..<count).map(writtenText)
        return [GenerationJob(id: "plan", request: plan, file: "plan.json", location: top, label: "story plan")] + jobs
    }
}

extension GenerationPlanner {
    /// The pictures `book` needs: an illustration for every scene without one (unless `art=none`),
    /// and a cover when it has none. `light` gives each scene's time of day, weather and mood (from
    /// its cue map); `plan` is the book's story plan, when it has one. Every page is read for its
    /// picture (`PictureReader`) with the pages around it, so the hour keeps to the story's
    /// timeline and no two pages in a row are framed alike.
    public static func imageJobs(for book: Book, seed: String, light: [String: (time: String?, weather: [String], mood: String?)],
                                 fileExtension: String, plan: StoryPlan? = nil) -> [GenerationJob] {
        let story = StoryBook(book.frontMatter, seed: seed)
        var jobs: [GenerationJob] = []
        if book.frontMatter.cover == nil {
            var request = ImageRequest(kind: .cover, book: story, style: book.frontMatter.style)
            request.author = book.frontMatter.author
            request.reading = PictureReader.cover(book: story, plan: plan)
            jobs.append(GenerationJob(id: "cover", work: .image(request), file: "cover.\(fileExtension)",
                                      location: SourceLocation(file: book.sourcePath, line: 1, column: 1), label: "cover"))
        }
        // A book whose pages all have their pictures (or want none) is not read for them.
        guard book.scenes.contains(where: { $0.illustration == nil && $0.art != "none" }) else { return jobs }
        let pages = book.scenes.map { scene in
            PictureReader.Page(id: scene.id, title: scene.title, text: scene.text, art: scene.art == "none" ? nil : scene.art,
                               cueTime: light[scene.id]?.time, cueWeather: light[scene.id]?.weather ?? [], cueMood: light[scene.id]?.mood)
        }
        let readings = PictureReader.read(book: story, plan: plan, pages: pages)
        for (index, scene) in book.scenes.enumerated() where scene.illustration == nil && scene.art != "none" {
            var request = ImageRequest(kind: .illustration, book: story, style: book.frontMatter.style)
            request.sceneID = scene.id
            request.title = scene.title
            request.text = scene.text
            request.art = scene.art
            request.time = light[scene.id]?.time
            request.weather = light[scene.id]?.weather ?? []
            request.reading = readings[index]
            jobs.append(GenerationJob(id: "illustration/\(scene.id)", work: .image(request), file: "illustration-\(scene.id).\(fileExtension)",
                                      location: scene.location, label: "illustration of scene '\(scene.id)'"))
        }
        return jobs
    }
}

extension GenerationPlanner {
    /// The character sheets a book's pictures are drawn from, for a provider that takes reference
    /// pictures: one for each of the first four characters (the hero first), whatever the pages.
    public static func characterSheetJobs(for book: Book, seed: String, fileExtension: String) -> [GenerationJob] {
        let story = StoryBook(book.frontMatter, seed: seed)
        return book.frontMatter.characters.prefix(4).map { character in
            var request = ImageRequest(kind: .character, book: story, style: book.frontMatter.style)
            request.character = character.name
            let file = "character-\(Slug.make(from: character.name)).\(fileExtension)"
            return GenerationJob(id: "character/\(Slug.make(from: character.name))", work: .image(request), file: file,
                                 location: SourceLocation(file: book.sourcePath, line: 1, column: 1), label: "character sheet of \(character.name)")
        }
    }
}
