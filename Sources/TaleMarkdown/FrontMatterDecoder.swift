import Foundation
import TaleCore

/// Turns a book's front matter into a typed `FrontMatter`, by the rules of SOURCE-FORMAT.md.
public enum FrontMatterDecoder {
    /// Every key the source format defines.
    public static let knownKeys = [
        "title", "author", "date", "language", "age", "summary", "tags", "premise", "setting", "moral",
        "style", "characters", "scenes", "cover", "soundtrack", "effects", "draft", "seed", "layout", "narration", "print",
    ]

    /// Decodes `root` (nil for empty front matter). Returns nil when the title is missing or wrong.
    public static func decode(_ root: YAMLValue?, file: String, diagnostics: inout DiagnosticList) -> FrontMatter? {
        let top = SourceLocation(file: file, line: 2, column: 1)
        guard let root else {
            diagnostics.error(SourceLocation(file: file, line: 1, column: 1), "front matter is empty; a book needs a title",
                              hint: "add a line `title: \"Your Title\"` between the `---` lines")
            return nil
        }
        guard case .mapping(let pairs, _) = root else {
            diagnostics.error(root.location, "front matter must be settings written as `key: value` lines")
            return nil
        }
        var reader = MappingReader(pairs, context: "front matter")
        reader.warnUnknownKeys(known: knownKeys)
        let title = reader.string("title")
        if title == nil, reader.value("title") == nil {
            reader.diagnostics.error(top, "front matter has no title",
                                     hint: "add a line `title: \"Your Title\"` between the `---` lines")
        } else if title == nil, case .scalar = reader.value("title")! {
            reader.diagnostics.error(reader.value("title")!.location, "title is empty", hint: "write the book's title after `title:`")
        }
        var matter = FrontMatter(title: title ?? "")
        matter.author = reader.string("author")
        if let date = reader.string("date") {
            if isCalendarDate(date) { matter.date = date } else {
                reader.diagnostics.error(reader.value("date")!.location, "date must be a real date written YYYY-MM-DD; found '\(date)'",
                                         hint: "write it like `date: 2026-11-21`")
            }
        }
        if let language = reader.string("language") {
            if isLanguageTag(language) { matter.language = language } else {
                reader.diagnostics.error(reader.value("language")!.location, "language must be a BCP 47 tag like `en`, `en-GB` or `pt-BR`; found '\(language)'")
            }
        }
        if let age = reader.string("age") {
            if let tier = ageTier(age) {
                matter.age = age
                matter.ageTier = tier
            } else {
                reader.diagnostics.error(reader.value("age")!.location,
                                         "age must be a range like `3-5`, a number like `8`, `teen` or `adult`; found '\(age)'")
            }
        }
        matter.summary = reader.string("summary")
        matter.tags = reader.strings("tags") ?? []
        matter.premise = reader.string("premise")
        matter.setting = reader.string("setting")
        matter.moral = reader.string("moral")
        matter.style = reader.word("style", as: IllustrationStyle.self) ?? .flat
        matter.sceneCount = reader.integer("scenes", in: 1...200)
        if let cover = reader.string("cover") {
            matter.cover = AssetReference(path: cover, location: reader.value("cover")!.location)
        }
        matter.soundtrack = reader.word("soundtrack", as: AutoSwitch.self) ?? .auto
        matter.effects = reader.word("effects", as: AutoSwitch.self) ?? .auto
        matter.draft = reader.bool("draft") ?? false
        matter.seed = reader.string("seed")
        if let narration = reader.word("narration", as: AutoSwitch.self) { matter.narration = narration.rawValue }
        if let layout = reader.string("layout") {
            if ["reflowable", "fixed"].contains(layout) { matter.layout = layout } else {
                reader.diagnostics.error(reader.value("layout")!.location,
                                         "layout must be reflowable or fixed; found '\(layout)'\(Suggestion.didYouMean(layout, among: ["reflowable", "fixed"]))",
                                         hint: "`layout: fixed` gives the EPUB one fixed page per scene, like a printed picture book")
            }
        }
        matter.characters = decodeCharacters(reader.value("characters"), diagnostics: &reader.diagnostics)
        if var print = reader.mapping("print", context: "print") {
            matter.print = decodePrint(&print)
            reader.diagnostics.append(contentsOf: print.diagnostics)
        }
        diagnostics.append(contentsOf: reader.diagnostics)
        return title == nil ? nil : matter
    }

    private static func decodeCharacters(_ value: YAMLValue?, diagnostics: inout DiagnosticList) -> [StoryCharacter] {
        guard let value else { return [] }
        guard case .sequence(let items, _) = value else {
            diagnostics.error(value.location, "characters must be a list, each item with a name",
                              hint: "write it like:\n  characters:\n    - name: Pip\n      role: hero\n      looks: a small red fox with a blue scarf")
            return []
        }
        var result: [StoryCharacter] = []
        for item in items {
            guard case .mapping(let pairs, let location) = item else {
                diagnostics.error(item.location, "each character must have `name:` (and may have `role:` and `looks:`)",
                                  hint: "write it like `- name: Pip`")
                continue
            }
            var reader = MappingReader(pairs, context: "character")
            reader.warnUnknownKeys(known: ["name", "role", "looks"])
            if let name = reader.string("name") {
                result.append(StoryCharacter(name: name, role: reader.string("role"), looks: reader.string("looks")))
            } else if reader.value("name") == nil {
                reader.diagnostics.error(location, "this character has no name", hint: "add `name: ...` to it")
            }
            diagnostics.append(contentsOf: reader.diagnostics)
        }
        return result
    }

    /// `print:` settings: trim, paper, bleed and coloring, each checked against what Tale can lay out.
    private static func decodePrint(_ reader: inout MappingReader) -> PrintMatter {
        reader.warnUnknownKeys(known: ["trim", "paper", "bleed", "coloring"])
        var matter = PrintMatter()
        if let text = reader.string("trim"), let location = reader.value("trim")?.location {
            let known = PrintTrim.common.map(\.description)
            if let trim = PrintTrim(text), known.contains(trim.description) { matter.trim = trim } else {
                reader.diagnostics.error(location, "print trim must be one of \(known.joined(separator: ", ")) (inches, width x height); found '\(text)'"
                                         + Suggestion.didYouMean(text, among: known),
                                         hint: "square picture books are usually `trim: 8.5x8.5`; coloring books `trim: 8.5x11`")
            }
        }
        matter.paper = reader.word("paper", as: PrintPaper.self)
        matter.bleed = reader.bool("bleed")
        matter.coloring = reader.bool("coloring")
        return matter
    }

    /// Whether `text` is `YYYY-MM-DD` naming a day that exists.
    public static func isCalendarDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }

    /// Whether `text` has the shape of a BCP 47 tag: a 2-3 letter language, then subtags of 1-8 letters or digits.
    public static func isLanguageTag(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// The tier for an age as written, or nil when it is not one Tale reads.
    public static func ageTier(_ age: String) -> AgeTier? {
        switch age {
        case "teen", "teens": return .teens
        case "adult", "adults": return .adults
        default: break
        }
        let parts = age.split(separator: "-", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let low = Int(parts[0]), let high = Int(parts[parts.count - 1]), low <= high, high <= 120 else { return nil }
        switch high {
        case ...12: return .kids
        case 13...17: return .teens
        default: return .adults
        }
    }
}
