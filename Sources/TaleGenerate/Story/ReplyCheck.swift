import Foundation
import TaleAnalyse
import TaleCore

/// The checks every reply passes before it is kept, whoever wrote it: a scene's length and
/// reading level for the book's voice, names only from the book, a title of at most five words,
/// tags as short slugs, a plan that can be read and fits the book. Each problem is a sentence a
/// service can be told when it is asked again.
public enum ReplyCheck {
    /// What is wrong with `text` as the reply to `request`; empty when it may be kept.
    public static func problems(_ text: String, for request: TextRequest) -> [String] {
        switch request.kind {
        case .plan: return planProblems(text, for: request)
        case .scene: return sceneProblems(text, for: request)
        case .title: return titleProblems(text)
        case .summary: return summaryProblems(text, for: request)
        case .tags: return tagProblems(text.split(separator: "\n").map(String.init))
        case .illustration, .cover, .character, .narration: return []
        }
    }

    static func sceneProblems(_ text: String, for request: TextRequest) -> [String] {
        var problems: [String] = []
        let voice = StoryVoice.of(age: request.book.age)
        let words = text.split { $0 == " " || $0 == "\n" }.filter { $0.contains { $0.isLetter } }.count
        if words > voice.sceneWords.upperBound {
            problems.append("it has \(words) words, and a scene for this age has at most \(voice.sceneWords.upperBound)")
        } else if words < voice.sceneWords.lowerBound {
            problems.append("it has \(words) words, and a scene for this age has at least \(voice.sceneWords.lowerBound)")
        }
        let strangers = ReplyCheck.strangers(in: text, request: request)
        if !strangers.isEmpty {
            problems.append("it names \(strangers.map { "'\($0)'" }.joined(separator: ", ")), who \(strangers.count == 1 ? "is" : "are") not in the book; "
                            + "use only these characters: \(castNames(request).joined(separator: ", "))")
        }
        var plain = text
        for name in castNames(request) { plain = plain.replacingOccurrences(of: name, with: "Kim") }
        let level = ReadingLevel(plain)
        if let longest = voice.longestSentences, level.wordsPerSentence > longest {
            problems.append(String(format: "its sentences have %.1f words on average, and this age needs at most %.0f", level.wordsPerSentence, longest))
        }
        if let highest = voice.highestGrade, level.grade > highest + 1.5 {
            problems.append(String(format: "it reads at grade %.1f, above this age's grade %.1f", level.grade, highest))
        }
        return problems
    }

    static func titleProblems(_ text: String) -> [String] {
        var problems: [String] = []
        let words = text.split(separator: " ").count
        if text.contains("\n") { problems.append("a title is one line") }
        if words > 5 { problems.append("the title has \(words) words, and a title has at most five") }
        if text.count > 60 { problems.append("the title has \(text.count) characters, and a title has at most 60") }
        return problems
    }

    static func summaryProblems(_ text: String, for request: TextRequest) -> [String] {
        let words = text.split(separator: " ").count
        if words > 70 { return ["the summary has \(words) words, and a summary has at most 70"] }
        if words < 5 { return ["the summary has \(words) words, and a summary has at least 5"] }
        let strangers = ReplyCheck.strangers(in: text, request: request)
        return strangers.isEmpty ? [] : ["the summary names \(strangers.map { "'\($0)'" }.joined(separator: ", ")), who is not in the book"]
    }

    static func tagProblems(_ tags: [String]) -> [String] {
        var problems: [String] = []
        if tags.isEmpty || tags.count > 5 { problems.append("a book has one to five tags, not \(tags.count)") }
        for tag in tags where tag.count > 24 || tag.split(separator: "-").count > 3 || tag.contains(" ") {
            problems.append("the tag '\(tag.prefix(40))\(tag.count > 40 ? "..." : "")' is not a short slug (at most three words and 24 letters)")
        }
        return problems
    }

    static func planProblems(_ text: String, for request: TextRequest) -> [String] {
        let plan: StoryPlan
        switch StoryPlan.decode(text) {
        case .failure(let problem): return ["the plan is not valid: \(problem.reason)"]
        case .success(let decoded): plan = decoded
        }
        var problems: [String] = []
        if plan.scenes.count != request.sceneCount {
            problems.append("the plan has \(plan.scenes.count) scenes, and the book has \(request.sceneCount)")
        }
        for (index, scene) in plan.scenes.enumerated() {
            if index < request.sceneTitles.count, let title = request.sceneTitles[index], scene.title != title {
                problems.append("scene \(index + 1) must keep the writer's title '\(title)'")
            }
            problems += titleProblems(scene.title).map { "scene \(index + 1): \($0)" }
        }
        let cast = castNames(request)
        if !request.book.characters.isEmpty, !cast.contains(plan.hero) {
            problems.append("the hero '\(plan.hero)' is not one of the book's characters: \(cast.joined(separator: ", "))")
        }
        for name in Set(plan.scenes.flatMap(\.present)) where !cast.contains(name) && name != plan.hero {
            problems.append("'\(name)' is present in a scene but is not one of the book's characters")
        }
        var planned = request
        planned.plan = plan
        problems += summaryProblems(plan.summary, for: planned)
        problems += tagProblems(plan.tags)
        let strangers = plan.scenes.flatMap { ReplyCheck.strangers(in: $0.event, request: planned) }
        if !strangers.isEmpty { problems.append("the events name \(Set(strangers).sorted().map { "'\($0)'" }.joined(separator: ", ")), who are not in the book") }
        return problems
    }

    /// The book's characters' names, or the plan's hero when the book names none.
    static func castNames(_ request: TextRequest) -> [String] {
        let names = request.book.characters.map(\.name)
        if names.isEmpty, let hero = request.plan?.hero { return [hero] }
        return names
    }

    /// Capitalised words inside sentences that are neither the book's characters nor words the
    /// writer or the plan used (the title, premise, setting, brief, scene titles) nor the place's own.
    static func strangers(in text: String, request: TextRequest, extra: [String] = []) -> [String] {
        var known: Set<String> = ["I", "I'm", "I'll", "I've", "I'd", "Mr", "Mrs", "Ms", "Dr", "OK"]
        var sources = castNames(request) + extra + [request.book.title, request.book.premise ?? "", request.book.setting ?? "",
                                                    request.book.moral ?? "", request.brief ?? "", request.sceneTitle ?? ""]
        sources += request.sceneTitles.compactMap { $0 } + request.sceneBriefs.compactMap { $0 } + request.book.characters.compactMap(\.looks)
        if let plan = request.plan {
            sources += [plan.setting, plan.hero] + plan.scenes.map(\.title)
            let lexicon = SettingLexicons.of(plan.settingKind)
            sources += lexicon.spots + lexicon.sights + [lexicon.place]
        }
        for source in sources {
            for word in source.split(whereSeparator: { !$0.isLetter && $0 != "'" }) where word.first?.isUppercase == true {
                known.insert(String(word))
                known.insert(String(word) + "'s")
            }
        }
        var found: [String] = []
        var sentenceStart = true
        for token in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
            let opensQuote = token.first.map { "\"“'(".contains($0) } ?? false
            let word = token.trimmingCharacters(in: CharacterSet(charactersIn: "\"“”'(),.;:!?*_"))
            if !sentenceStart, !opensQuote, let first = word.first, first.isUppercase, word.count > 1,
               !known.contains(word), !known.contains(word.replacingOccurrences(of: "’", with: "'")), !found.contains(word) {
                found.append(word)
            }
            let last = token.trimmingCharacters(in: CharacterSet(charactersIn: "\"”')")).last
            sentenceStart = last.map { ".!?:".contains($0) } ?? false
        }
        return found
    }
}
