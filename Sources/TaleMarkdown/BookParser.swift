import Foundation
import TaleCore

/// Parses one book file, `content/<slug>/index.md`, into a `Book`: front matter, then scenes from
/// `##` headings with their attributes, illustration, choices and links. Checks that need the
/// whole book (ids, graph) or the whole library (links to other books) happen later.
public enum BookParser {
    /// Scene heading attributes Tale knows.
    public static let attributeKeys = ["mood", "effects", "sounds", "music", "art", "next"]

    /// Parses `text`, the content of `file` for the book `slug`. Returns nil when the front matter is unusable.
    public static func parse(_ text: String, slug: String, file: String, diagnostics: inout DiagnosticList) -> Book? {
        guard SourceLimits.checkBookSize(text, file: file, diagnostics: &diagnostics) else { return nil }
        guard let split = FrontMatterSplitter.split(text, file: file, diagnostics: &diagnostics) else { return nil }
        let yaml = StrictYAML.parse(split.yaml, file: file, firstLine: split.yamlFirstLine, diagnostics: &diagnostics)
        if diagnostics.hasErrors, yaml == nil { return nil }
        guard let frontMatter = FrontMatterDecoder.decode(yaml, file: file, diagnostics: &diagnostics) else { return nil }
        let scenes = SceneBuilder(body: split.body, firstLine: split.bodyFirstLine, file: file).build(diagnostics: &diagnostics)
        return Book(slug: slug, sourcePath: file, frontMatter: frontMatter, scenes: scenes)
    }
}

/// Groups a body's blocks into scenes.
struct SceneBuilder {
    let document: MarkdownDocument
    let lines: [Substring]
    let firstLine: Int
    let file: String

    init(body: String, firstLine: Int, file: String) {
        self.document = MarkdownDocument(body)
        self.lines = body.lines()
        self.firstLine = firstLine
        self.file = file
    }

    func location(bodyLine: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: bodyLine + firstLine - 1, column: column)
    }

    /// Where `needle` first appears in the block's source lines, or the block's start.
    func locate(_ needle: String, in block: MarkdownDocument.Block, from cursor: inout (line: Int, column: Int)) -> SourceLocation {
        if !needle.isEmpty {
            var line = max(cursor.line, block.startLine, 1)
            let asciiNeedle = needle.utf8.allSatisfy { $0 < 0x80 }
            while line <= min(block.endLine, lines.count) {
                let startColumn = line == cursor.line ? cursor.column : 0
                // Columns count characters; on an ASCII line a character is a byte, and the search
                // needs no array of characters (making one per line was most of reading a book's images).
                if asciiNeedle, lines[line - 1].utf8.allSatisfy({ $0 < 0x80 }) {
                    if let range = findBytes(needle.utf8, in: lines[line - 1].utf8, from: startColumn) {
                        cursor = (line, range + needle.utf8.count)
                        return location(bodyLine: line, column: range + 1)
                    }
                    line += 1
                    continue
                }
                let text = Array(lines[line - 1])
                if let range = findSubsequence(Array(needle), in: text, from: startColumn) {
                    cursor = (line, range + needle.count)
                    return location(bodyLine: line, column: range + 1)
                }
                line += 1
            }
        }
        return location(bodyLine: block.startLine, column: block.startColumn)
    }

    /// The offset of the first `needle` in `haystack` at or after `start`.
    private func findBytes(_ needle: String.UTF8View, in haystack: Substring.UTF8View, from start: Int) -> Int? {
        let needle = Array(needle), haystack = Array(haystack)
        guard let first = needle.first, needle.count <= haystack.count, start >= 0 else { return nil }
        var i = start
        while i + needle.count <= haystack.count {
            if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    private func findSubsequence(_ needle: [Character], in haystack: [Character], from start: Int) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count, start >= 0 else { return nil }
        var i = start
        while i + needle.count <= haystack.count {
            if haystack[i] == needle[0], haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    func build(diagnostics: inout DiagnosticList) -> [Scene] {
        // Cut the blocks at level-2 headings.
        var groups: [(heading: Int?, blocks: [Int])] = [(nil, [])]
        for (index, block) in document.blocks.enumerated() {
            switch block.kind {
            case .heading(level: 2):
                groups.append((index, []))
            case .heading(level: 1):
                diagnostics.warning(location(bodyLine: block.startLine, column: block.startColumn),
                                    "a `#` heading is left out of the book: the title comes from front matter",
                                    hint: "use `##` to start a scene, or remove this line")
            default:
                groups[groups.count - 1].blocks.append(index)
            }
        }
        if groups[0].blocks.isEmpty { groups.removeFirst() }
        if groups.count > SourceLimits.scenes, let heading = groups[SourceLimits.scenes].heading {
            let block = document.blocks[heading]
            diagnostics.error(location(bodyLine: block.startLine, column: block.startColumn),
                              "a book holds at most \(SourceLimits.scenes) scenes; this heading starts scene \(SourceLimits.scenes + 1) of \(groups.count)",
                              hint: "split the story into several books, each in its own folder under content/")
            groups.removeLast(groups.count - SourceLimits.scenes)
        }
        var tooDeep: [Int] = []
        for block in document.blocks where block.nesting.depth > SourceLimits.nesting {
            tooDeep.append(location(bodyLine: block.nesting.line, column: 1).line)
            diagnostics.error(location(bodyLine: block.nesting.line, column: block.nesting.column),
                              "the Markdown here nests \(block.nesting.depth) levels deep; Tale reads at most \(SourceLimits.nesting)",
                              hint: "flatten the lists and quotes; a `>` or an indented `-` opens one more level")
        }

        var scenes: [Scene] = []
        var usedIDs: [String: SourceLocation] = [:]
        for (number, group) in groups.enumerated() {
            var (scene, explicitID) = makeScene(group.heading, blocks: group.blocks, number: number + 1, diagnostics: &diagnostics)
            if let previous = usedIDs[scene.id] {
                if explicitID {
                    diagnostics.error(scene.location, "scene id '\(scene.id)' is used twice (first at line \(previous.line))",
                                      hint: "give one of the scenes another `#id`")
                } else {
                    var suffix = 2
                    while usedIDs["\(scene.id)-\(suffix)"] != nil { suffix += 1 }
                    scene.id = "\(scene.id)-\(suffix)"
                }
            }
            usedIDs[scene.id] = scene.location
            scenes.append(scene)
        }
        // A scene runs to the line before the next one starts (cmark's end lines are not reliable for HTML blocks).
        for index in scenes.indices {
            scenes[index].lastLine = index + 1 < scenes.count ? scenes[index + 1].location.line - 1 : firstLine + lines.count - 1
            let first = min(max(0, scenes[index].location.line - firstLine), lines.count)
            let bodyLines = first..<max(first, min(scenes[index].lastLine - firstLine + 1, lines.count))
            let size = lines[bodyLines].reduce(0) { $0 + $1.utf8.count + 1 }
            if size > SourceLimits.sceneBytes {
                diagnostics.error(scenes[index].location, "this scene is \(size) bytes; a scene holds at most \(SourceLimits.sceneBytes) (512 KiB)",
                                  hint: "split it with `##` headings into several scenes")
            }
            // The build stops on these errors; `tale check` need not analyse megabytes of words, nor
            // report the same nesting again as the scene's HTML.
            if size > SourceLimits.sceneBytes || tooDeep.contains(where: { $0 >= scenes[index].location.line && $0 <= scenes[index].lastLine }) {
                scenes[index].text = ""
                scenes[index].html = ""
            }
        }
        return scenes
    }

    /// The scene made from a heading (nil for the opening) and its blocks, and whether its id was written as `#id`.
    private func makeScene(_ headingIndex: Int?, blocks: [Int], number: Int, diagnostics: inout DiagnosticList) -> (Scene, explicitID: Bool) {
        var title: String?
        var attributes = HeadingAttributes()
        var sceneLocation = location(bodyLine: 1, column: 1)
        if let headingIndex {
            let block = document.blocks[headingIndex]
            sceneLocation = location(bodyLine: block.startLine, column: block.startColumn)
            let raw = block.startLine <= lines.count ? String(lines[block.startLine - 1]) : ""
            let parsed = HeadingParser.parse(raw, location: location(bodyLine: block.startLine, column: 1), diagnostics: &diagnostics)
            attributes = parsed.attributes ?? HeadingAttributes()
            if let id = attributes.id, id.count > SourceLimits.idCharacters {
                diagnostics.error(location(bodyLine: block.startLine, column: attributes.idColumn),
                                  "this scene id is \(id.count) characters; an id holds at most \(SourceLimits.idCharacters)",
                                  hint: "choose a short id of a word or two, like `#storm`")
            }
            let plain = block.plainText
            if parsed.attributes != nil {
                title = parsed.title.replacingOccurrences(of: "\\", with: "")
            } else {
                title = plain
            }
            if let written = title, written.count > SourceLimits.headingCharacters {
                diagnostics.error(sceneLocation, "this heading is \(written.count) characters; a scene heading holds at most \(SourceLimits.headingCharacters)",
                                  hint: "name the scene in a few words and move the rest into the text below the heading")
                title = String(written.prefix(SourceLimits.headingCharacters))
            }
        } else if let first = blocks.first {
            let block = document.blocks[first]
            sceneLocation = location(bodyLine: block.startLine, column: block.startColumn)
        }
        let defaultID: String
        if let title, !Slug.make(from: title).isEmpty { defaultID = Slug.make(from: title) } else if headingIndex == nil {
            defaultID = "opening"
        } else { defaultID = "scene-\(number)" }

        // The choice list: the last block, a list whose every item is one link to #id.
        var bodyBlocks = blocks
        var choices: [Choice] = []
        if let last = bodyBlocks.last, let items = document.blocks[last].singleLinkItems, !items.isEmpty,
           items.allSatisfy({ $0.url.hasPrefix("#") && $0.url.count > 1 }) {
            var cursor = (line: 0, column: 0)
            for item in items {
                let where_ = locate("](\(item.url)", in: document.blocks[last], from: &cursor)
                choices.append(Choice(label: item.text, target: String(item.url.dropFirst()),
                                      location: SourceLocation(file: file, line: where_.line, column: where_.column + 2)))
            }
            bodyBlocks.removeLast()
        }

        // The illustration: the first image; the paragraph goes if it held only that image.
        var illustration: Illustration?
        var illustrationBlock: Int?
        var inlineImages: [AssetReference] = []
        var links: [SceneLink] = []
        for index in bodyBlocks {
            let block = document.blocks[index]
            var cursor = (line: 0, column: 0)
            for (position, image) in block.images.enumerated() {
                let found = locate("](\(image.url)", in: block, from: &cursor)
                let reference = AssetReference(path: image.url,
                                               location: SourceLocation(file: file, line: found.line, column: found.column + 2))
                if illustration == nil, position == 0 {
                    illustration = Illustration(reference: reference, alt: image.text, title: image.title.isEmpty ? nil : image.title)
                    illustrationBlock = index
                } else {
                    inlineImages.append(reference)
                }
            }
            cursor = (0, 0)
            for link in block.links {
                let found = locate("](\(link.url)", in: block, from: &cursor)
                links.append(SceneLink(destination: link.url,
                                       location: SourceLocation(file: file, line: found.line, column: found.column + 2)))
            }
        }

        var html = ""
        var textParts: [String] = []
        var writeBrief: String?
        for index in bodyBlocks {
            let block = document.blocks[index]
            if block.kind == .htmlBlock, let brief = SceneBuilder.writeBrief(in: block.literal) {
                writeBrief = brief
                continue
            }
            if index == illustrationBlock, block.isLoneImage { continue }
            html += document.html(ofBlock: index, droppingImage: index == illustrationBlock ? 0 : nil)
            if !block.plainText.isEmpty, block.kind != .htmlBlock { textParts.append(block.plainText) }
        }

        var scene = Scene(id: attributes.id ?? defaultID, title: title, location: sceneLocation,
                          html: html, text: textParts.joined(separator: "\n\n"))
        scene.illustration = illustration
        scene.choices = choices
        scene.links = links
        scene.inlineImages = inlineImages
        scene.writeBrief = writeBrief
        apply(attributes, to: &scene, line: sceneLocation.line, diagnostics: &diagnostics)
        return (scene, attributes.id != nil)
    }

    private func apply(_ attributes: HeadingAttributes, to scene: inout Scene, line: Int, diagnostics: inout DiagnosticList) {
        func at(_ column: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }
        for (name, column) in attributes.classes {
            if name == "ending" { scene.isEnding = true } else {
                diagnostics.warning(at(column), "unknown scene class '.\(name)'\(Suggestion.didYouMean(name, among: ["ending"]))",
                                    hint: "the only class is `.ending`, which ends the story")
            }
        }
        for pair in attributes.pairs {
            let words = pair.value.split(separator: " ").map(String.init)
            switch pair.key {
            case "mood":
                if let mood = Mood(rawValue: pair.value) { scene.mood = mood } else {
                    let all = Mood.allCases.map(\.rawValue)
                    diagnostics.error(at(pair.valueColumn), "unknown mood '\(pair.value)'\(Suggestion.didYouMean(pair.value, among: all))",
                                      hint: "moods are \(all.joined(separator: ", "))")
                }
            case "effects":
                if words == ["none"] { scene.effects = []; continue }
                let all = Effect.allCases.map(\.rawValue)
                var effects: [Effect] = []
                for word in words {
                    if let effect = Effect(rawValue: word) { effects.append(effect) } else {
                        diagnostics.error(at(pair.valueColumn), "unknown effect '\(word)'\(Suggestion.didYouMean(word, among: all))",
                                          hint: "effects are \(all.joined(separator: ", ")), or none")
                    }
                }
                scene.effects = effects
            case "sounds":
                if words == ["none"] { scene.sounds = []; continue }
                let bad = words.filter { !Slug.isValid($0) }
                if bad.isEmpty { scene.sounds = words } else {
                    diagnostics.error(at(pair.valueColumn), "sound cue '\(bad[0])' may hold only a-z, 0-9 and hyphens",
                                      hint: "name sounds with plain words, like sounds=\"owl wind\"")
                }
            case "music": scene.music = pair.value
            case "art": scene.art = pair.value
            case "next":
                scene.next = pair.value
                scene.nextLocation = at(pair.valueColumn)
            default:
                diagnostics.warning(at(pair.column),
                                    "unknown scene attribute '\(pair.key)'\(Suggestion.didYouMean(pair.key, among: BookParser.attributeKeys))",
                                    hint: "scene attributes are #id, .ending, \(BookParser.attributeKeys.joined(separator: ", "))")
            }
        }
    }

    /// The brief in `<!-- write: ... -->`, if the HTML is exactly such a comment.
    static func writeBrief(in html: String) -> String? {
        let trimmed = html.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("<!--"), trimmed.hasSuffix("-->") else { return nil }
        let inner = trimmed.dropFirst(4).dropLast(3).trimmingCharacters(in: .whitespacesAndNewlines)
        guard inner.lowercased().hasPrefix("write:") else { return nil }
        return inner.dropFirst(6).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
