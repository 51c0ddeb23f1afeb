import Testing
import TaleCore
import TaleMarkdown

@Suite("Scenes and heading attributes")
struct SceneTests {
    @Test("the attribute block of SOURCE-FORMAT.md is read whole")
    func fullAttributes() throws {
        let (book, diagnostics) = parseBook("""
        ---
        title: Storm
        ---

        ## The Storm {#storm mood=tense effects="rain lightning" sounds=thunder art="Pip hides under a leaf"}

        Thunder!
        """)
        #expect(diagnostics == [])
        let scene = try #require(book?.scenes.first)
        #expect(scene.id == "storm")
        #expect(scene.title == "The Storm")
        #expect(scene.mood == .tense)
        #expect(scene.effects == [.rain, .lightning])
        #expect(scene.sounds == ["thunder"])
        #expect(scene.art == "Pip hides under a leaf")
        #expect(scene.location == SourceLocation(file: "content/fox/index.md", line: 5, column: 1))
    }

    @Test("ids default to the slugified heading and stay unique")
    func defaultIDs() throws {
        let (book, _) = parseBook("---\ntitle: A\n---\n\nBefore.\n\n## Into the Woods!\n\nA\n\n## Into the Woods\n\nB\n\n## Ça va ##\n\nC\n")
        #expect(try #require(book).scenes.map(\.id) == ["opening", "into-the-woods", "into-the-woods-2", "ca-va"])
        #expect(book?.scenes.map(\.title) == [nil, "Into the Woods!", "Into the Woods", "Ça va"])
    }

    @Test("a repeated explicit id is an error")
    func duplicateExplicitID() {
        #expect(parseBook("---\ntitle: A\n---\n\n## One {#same}\n\nA\n\n## Two {#same}\n\nB\n").diagnostics == [
            "content/fox/index.md:9:1: error: scene id 'same' is used twice (first at line 5)\n  hint: give one of the scenes another `#id`",
        ])
    }

    @Test("attribute problems are reported at their columns")
    func attributeErrors() {
        #expect(parseBook("---\ntitle: A\n---\n\n## Den {art=\"Pip hides}\n\nText\n").diagnostics == [
            "content/fox/index.md:5:13: error: the quote opened here is never closed\n  hint: add a closing \"",
        ])
        #expect(parseBook("---\ntitle: A\n---\n\n## Den {mood=angry effects=\"rain snw\" colour=red .endng #Bad}\n\nText\n").diagnostics == [
            "content/fox/index.md:5:14: error: unknown mood 'angry'\n  hint: moods are calm, joyful, playful, tense, scary, sad, mysterious, triumphant, sleepy",
            "content/fox/index.md:5:28: error: unknown effect 'snw'; did you mean 'snow'?\n  hint: effects are rain, snow, fog, fireflies, stars, sparkles, leaves, bubbles, lightning, wind, or none",
            "content/fox/index.md:5:39: warning: unknown scene attribute 'colour'\n  hint: scene attributes are #id, .ending, mood, effects, sounds, music, art, next",
            "content/fox/index.md:5:50: warning: unknown scene class '.endng'; did you mean 'ending'?\n  hint: the only class is `.ending`, which ends the story",
            "content/fox/index.md:5:57: error: scene id '#Bad' may hold only a-z, 0-9 and single hyphens\n  hint: try `#bad`",
        ])
    }

    @Test("none empties effects and sounds; .ending and next are kept")
    func noneAndEnding() throws {
        let (book, _) = parseBook("---\ntitle: A\n---\n\n## Quiet {effects=none sounds=none music=none next=last .ending}\n\nShh.\n\n## Last\n\nEnd.\n")
        let scene = try #require(book?.scenes.first)
        #expect(scene.effects == [])
        #expect(scene.sounds == [])
        #expect(scene.music == "none")
        #expect(scene.next == "last")
        #expect(scene.isEnding)
    }

    @Test("the first image is the illustration and leaves the text")
    func illustration() throws {
        let (book, _) = parseBook("---\ntitle: A\n---\n\n## One\n\n![Pip in the den](images/den.png \"Den\")\n\nPip sleeps. ![small](images/b.png)\n")
        let scene = try #require(book?.scenes.first)
        #expect(scene.illustration == Illustration(reference: AssetReference(path: "images/den.png", location: SourceLocation(file: "content/fox/index.md", line: 7, column: 19)),
                                                   alt: "Pip in the den", title: "Den"))
        #expect(scene.inlineImages.map(\.path) == ["images/b.png"])
        #expect(!scene.html.contains("den.png"))
        #expect(scene.html.contains("images/b.png"))
        #expect(scene.text == "Pip sleeps. small")
    }

    @Test("a final list of #links is a choice point")
    func choices() throws {
        let (book, diagnostics) = parseBook("---\ntitle: A\n---\n\n## Fork\n\nWhich way?\n\n- [Left *path*](#left)\n- [Right](#right)\n\n## Left\n\nL\n\n## Right\n\nR\n")
        #expect(diagnostics == [])
        let scene = try #require(book?.scenes.first)
        #expect(scene.choices.map(\.label) == ["Left path", "Right"])
        #expect(scene.choices.map(\.target) == ["left", "right"])
        #expect(scene.choices.first?.location == SourceLocation(file: "content/fox/index.md", line: 9, column: 17))
        #expect(!scene.html.contains("<ul>"))
    }

    @Test("a list with other items is plain text, not a choice")
    func notChoices() throws {
        let (book, _) = parseBook("---\ntitle: A\n---\n\n## Fork\n\n- [Left](#left) or not\n- [Right](#right)\n")
        #expect(try #require(book?.scenes.first).choices == [])
    }

    @Test("an empty scene or a write comment records the brief")
    func writeBrief() throws {
        let (book, _) = parseBook("---\ntitle: A\n---\n\n## Storm\n\n<!-- write: Pip hides from the thunder -->\n\n## Calm\n")
        #expect(book?.scenes.map(\.writeBrief) == ["Pip hides from the thunder", nil])
        #expect(book?.scenes.map(\.html) == ["", ""])
    }

    @Test("an empty heading, with or without blanks after it, starts a scene with no title (the fuzzer's first find: `## ` crashed)")
    func emptyHeading() throws {
        let (book, diagnostics) = parseBook("---\ntitle: A\n---\n\n## \n\nA\n\n##\t\n\nB\n\n## ##  \n\nC\n\n##\n\nD\n")
        #expect(diagnostics == [])
        #expect(book?.scenes.map(\.title) == ["", "", "", ""])
        #expect(book?.scenes.map(\.id) == ["scene-1", "scene-2", "scene-3", "scene-4"])
    }

    @Test("a # heading is a warning and is left out")
    func levelOneHeading() throws {
        let (book, diagnostics) = parseBook("---\ntitle: A\n---\n\n# A\n\n## Start\n\nGo.\n")
        #expect(diagnostics == [
            "content/fox/index.md:5:1: warning: a `#` heading is left out of the book: the title comes from front matter\n  hint: use `##` to start a scene, or remove this line",
        ])
        #expect(book?.scenes.map(\.id) == ["start"])
    }

    @Test("GFM extensions render: tables, strikethrough, autolinks, task lists, footnotes")
    func gfm() throws {
        let (book, _) = parseBook("---\ntitle: A\n---\n\n## One\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n~~gone~~ www.example.org\n\n- [x] done\n\nNote.[^1]\n\n[^1]: A footnote.\n")
        let html = try #require(book?.scenes.first).html
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>gone</del>"))
        #expect(html.contains("<a href=\"http://www.example.org\">"))
        #expect(html.contains("type=\"checkbox\""))
        #expect(html.contains("A footnote."))
    }
}
