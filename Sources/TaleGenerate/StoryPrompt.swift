import TaleCore

/// The chat messages a service gets for a request: a system message with the rules of the
/// book's reading band and tier, and a user message with the book, the plan and the brief.
enum StoryPrompt {
    static func system(for book: StoryBook) -> String {
        let level: String
        switch book.band {
        case .early: level = "children aged \(book.age ?? "3-5"), read aloud by a grown-up: very short sentences (under 10 words), everyday words, present tense"
        case .middle: level = "children aged \(book.age ?? "6-10"): short sentences, common words, present tense"
        case .teen: level = "teenagers: varied, vivid sentences and a richer vocabulary, present tense"
        case .adult: level = "adults: literary prose, present tense"
        }
        return """
        You write storybooks for \(level). Write in the language with the BCP 47 tag \(book.language). \
        Keep every character's name exactly as given. Nothing violent, frightening, romantic or rude that is unsuitable for the age. \
        Reply with the text only: no headings, no lists, no notes, no quotation of these instructions.
        """
    }

    static func user(for request: TextRequest) -> String {
        let book = request.book
        var lines = ["Book title: \(book.title)"]
        if let premise = book.premise { lines.append("Premise: \(premise)") }
        if let setting = book.setting { lines.append("Setting: \(setting)") }
        if let moral = book.moral { lines.append("Moral: \(moral)") }
        if !book.characters.isEmpty {
            lines.append("Characters:")
            for character in book.characters {
                var line = "- \(character.name)"
                if let role = character.role { line += " (\(role))" }
                if let looks = character.looks { line += ": \(looks)" }
                lines.append(line)
            }
        }
        switch request.kind {
        case .scene:
            lines.append("Write scene \(request.sceneIndex + 1) of \(request.sceneCount). Its part in the story: \(request.beat.rawValue).")
            if let title = request.sceneTitle { lines.append("Scene title: \(title)") }
            if let brief = request.brief { lines.append("What happens: \(brief)") }
            if let previous = request.previousText { lines.append("The scene before ends: \(String(previous.suffix(400)))") }
            if let next = request.nextText { lines.append("The scene after begins: \(String(next.prefix(400)))") }
            let words = book.band == .early ? "40 to 70" : book.band == .middle ? "60 to 110" : "120 to 220"
            lines.append("Write \(words) words in short paragraphs.")
        case .title:
            lines.append("Give a title of at most five words for scene \(request.sceneIndex + 1) of \(request.sceneCount) (\(request.beat.rawValue)).")
            if let brief = request.brief { lines.append("What happens: \(brief)") }
            lines.append("Reply with the title only.")
        case .summary:
            let titles = request.sceneTitles.compactMap { $0 }
            if !titles.isEmpty { lines.append("Scenes: \(titles.joined(separator: "; "))") }
            lines.append("Write a summary of the book in one or two sentences for a library page.")
        case .tags:
            lines.append("Give three to five lowercase one-word tags for a library's filters, one per line.")
        case .illustration, .cover, .narration:
            break
        }
        return lines.joined(separator: "\n")
    }
}
