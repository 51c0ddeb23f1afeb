import Foundation
import Testing
import TaleAnalyse
import TaleCore
import TaleGenerate

/// What a parent would notice, counted on the corpus (`StoryCorpus`): books that read alike,
/// stories that forget what they are about, puddles on the Moon, clocks that run backwards, and
/// the same voice for a toddler and a ten-year-old. Each figure is printed, for the issue's note.
@Suite("The storyteller's books, measured")
struct StoryQualityTests {
    static let written = StoryCorpus.books.map { (entry: $0, story: StoryCorpus.write($0)) }

    @Test("the plan reads each premise: the key thing, the kind of place, a hero")
    func premises() {
        for (entry, story) in Self.written {
            #expect(story.plan.keyThing == entry.keyThing, "\(entry.slug): key thing \(story.plan.keyThing)")
            #expect(story.plan.settingKind == entry.place, "\(entry.slug): place \(story.plan.settingKind)")
            #expect(story.plan.scenes.count == 8)
            if let hero = entry.characters.first { #expect(story.plan.hero == hero.name) }
        }
    }

    @Test("across the books, at most 10 % of sentences (names normalised) appear in more than one")
    func sharedSentences() {
        let books = Self.written.map { item in
            (names: item.entry.characters.map(\.name) + [item.story.plan.hero], texts: item.story.texts)
        }
        let (shared, total, examples) = StoryMeasure.sharedRatio(books)
        let ratio = Double(shared) / Double(total)
        print(String(format: "storyteller: %d of %d sentences (%.1f %%) appear in more than one of %d books", shared, total, ratio * 100, books.count))
        print("storyteller: shared sentences: \(examples.joined(separator: " | "))")
        #expect(ratio <= 0.10, "\(shared) of \(total) sentences are shared: \(examples)")
    }

    @Test("the key thing is in at least 60 % of scenes on average, and in at least one scene in three of every book")
    func keyThing() {
        var shares: [Double] = []
        for (entry, story) in Self.written {
            let naming = story.texts.filter { text in
                let words = text.lowercased().split { !$0.isLetter }.map(String.init)
                return words.contains(entry.keyThing) || words.contains(entry.keyThing + "s")
            }.count
            let share = Double(naming) / Double(story.texts.count)
            print(String(format: "storyteller: %@ names its %@ in %d of %d scenes", entry.slug, entry.keyThing, naming, story.texts.count))
            #expect(share >= 1.0 / 3.0, "\(entry.slug) names the \(entry.keyThing) in \(naming) scenes")
            shares.append(share)
        }
        let average = shares.reduce(0, +) / Double(shares.count)
        print(String(format: "storyteller: the key thing is named in %.0f %% of scenes on average", average * 100))
        #expect(average >= 0.6)
    }

    @Test("no word that contradicts the place: nothing wet or green on the Moon, nobody walking under the sea")
    func settingContradictions() {
        var found: [String] = []
        for (entry, story) in Self.written {
            let foreign = Set(SettingLexicons.of(entry.place).foreign)
            let text = story.texts.joined(separator: " ").lowercased()
            let words = text.split { !$0.isLetter }.map(String.init)
            for word in words where foreign.contains(word) { found.append("\(entry.slug): \(word)") }
            for phrase in foreign where phrase.contains(" ") && text.contains(phrase) { found.append("\(entry.slug): \(phrase)") }
        }
        print("storyteller: \(found.count) setting contradictions")
        #expect(found.isEmpty, "\(found)")
    }

    @Test("the hours only move forward, and scenes keep to the plan's hour")
    func hours() {
        for (entry, story) in Self.written {
            var latest = TimeOfDay.dawn
            for (index, text) in story.texts.enumerated() {
                for hour in StoryMeasure.hours(text) where !(index == story.texts.count - 1 && hour == .night) {
                    #expect(hour >= latest, "\(entry.slug) scene \(index + 1) says \(hour) after \(latest)")
                    #expect(hour == story.plan.scenes[index].time, "\(entry.slug) scene \(index + 1) says \(hour); the plan says \(story.plan.scenes[index].time)")
                    latest = max(latest, hour)
                }
            }
        }
    }

    @Test("each age has its voice: board books at most 6.5 words a sentence, chapter books at least 10 and three grades higher")
    func voices() {
        var levels: [StoryVoice: [ReadingLevel]] = [:]
        for (entry, story) in Self.written {
            var text = story.texts.joined(separator: "\n\n")
            for name in entry.characters.map(\.name) + [story.plan.hero] { text = text.replacingOccurrences(of: name, with: "Kim") }
            let level = ReadingLevel(text)
            levels[entry.voice, default: []].append(level)
            print(String(format: "storyteller: %@ (%@, %@): %.1f words a sentence, grade %.1f", entry.slug, entry.age ?? "no age",
                         entry.voice.rawValue, level.wordsPerSentence, level.grade))
        }
        func mean(_ voice: StoryVoice, _ value: (ReadingLevel) -> Double) -> Double {
            let list = levels[voice] ?? []
            return list.map(value).reduce(0, +) / Double(max(1, list.count))
        }
        let board = (mean(.board, \.wordsPerSentence), mean(.board, \.grade))
        let chapter = (mean(.chapter, \.wordsPerSentence), mean(.chapter, \.grade))
        print(String(format: "storyteller: 0-3 %.1f words a sentence, grade %.1f; 9-12 %.1f words a sentence, grade %.1f", board.0, board.1, chapter.0, chapter.1))
        #expect(board.0 <= 6.5)
        #expect(chapter.0 >= 10)
        #expect(chapter.1 >= board.1 + 3)
        for level in levels[.board] ?? [] { #expect(level.wordsPerSentence <= 6.5) }
        for level in levels[.chapter] ?? [] { #expect(level.wordsPerSentence >= 10) }
        // Picture books in the present tense, early readers and chapter books in the past.
        for (entry, story) in Self.written {
            let text = story.texts.joined(separator: " ")
            if entry.voice == .picture { #expect(!text.contains(" was ") || text.contains(" is "), "\(entry.slug) is in the present") }
            if entry.voice == .early || entry.voice == .chapter { #expect(text.contains(" was ") && !text.contains(" is \(entry.characters[0].name)")) }
        }
    }

    @Test("a board book has a refrain that returns")
    func refrain() {
        for (entry, story) in Self.written where entry.voice == .board {
            let refrain = try! #require(story.plan.refrain)
            #expect(story.texts.filter { $0.contains(refrain) }.count >= 4, "\(entry.slug): \(refrain)")
        }
    }

    @Test("every reply the storyteller writes passes the checks a service's reply must pass")
    func checks() {
        for (entry, story) in Self.written {
            for (index, text) in story.texts.enumerated() {
                var request = TextRequest(kind: .scene, book: entry.book)
                request.sceneIndex = index
                request.sceneCount = 8
                request.plan = story.plan
                #expect(ReplyCheck.problems(text, for: request).isEmpty, "\(entry.slug) scene \(index + 1): \(ReplyCheck.problems(text, for: request))")
            }
        }
    }

    @Test("the moral is shown, never recited word for word; the problem is not solved by fiat")
    func noRecitals() {
        for (entry, story) in Self.written {
            let text = story.texts.joined(separator: " ").lowercased()
            if let moral = entry.moral { #expect(!text.contains(moral.lowercased()), "\(entry.slug) recites its moral") }
            #expect(!text.contains("just like that"))
        }
    }

    @Test("the same seed gives the same bytes; another seed another book")
    func determinism() {
        let entry = StoryCorpus.books[0]
        let first = StoryCorpus.write(entry)
        #expect(StoryCorpus.write(entry).texts == first.texts)
        #expect(StoryCorpus.write(entry).plan.json == first.plan.json)
        #expect(StoryCorpus.write(entry, seed: "another").texts != first.texts)
    }
}
