import Testing
import TaleCore
import TaleMarkdown

/// Parses `text` as `content/fox/index.md` and returns the book and every diagnostic as text.
func parseBook(_ text: String) -> (book: Book?, diagnostics: [String]) {
    var diagnostics = DiagnosticList()
    let book = BookParser.parse(text, slug: "fox", file: "content/fox/index.md", diagnostics: &diagnostics)
    return (book, diagnostics.sorted.map(\.description))
}

@Suite("Front matter")
struct FrontMatterTests {
    @Test("values are kept exactly as written, never coerced")
    func valuesStayAsWritten() throws {
        let (book, diagnostics) = parseBook("---\ntitle: NO\nauthor: 1.10\nsummary: 0x1F\ntags: [yes, off, 3.0]\n---\n\nText.\n")
        #expect(diagnostics == [])
        let matter = try #require(book).frontMatter
        #expect(matter.title == "NO")
        #expect(matter.author == "1.10")
        #expect(matter.summary == "0x1F")
        #expect(matter.tags == ["yes", "off", "3.0"])
    }

    @Test("every key is read into its type")
    func typedKeys() throws {
        let text = """
        ---
        title: "Pip: A Tale"
        date: 2024-02-29
        language: pt-BR
        age: 8-12
        style: ink
        scenes: 10
        soundtrack: off
        effects: auto
        draft: true
        cover: images/cover.png
        characters:
          - name: Pip
            role: hero
            looks: a red fox with a blue scarf
        ---
        """
        let (book, diagnostics) = parseBook(text)
        #expect(diagnostics == [])
        let matter = try #require(book).frontMatter
        #expect(matter.title == "Pip: A Tale")
        #expect(matter.date == "2024-02-29")
        #expect(matter.language == "pt-BR")
        #expect(matter.ageTier == .kids)
        #expect(matter.style == .ink)
        #expect(matter.sceneCount == 10)
        #expect(matter.soundtrack == .off)
        #expect(matter.draft)
        #expect(matter.cover == AssetReference(path: "images/cover.png", location: SourceLocation(file: "content/fox/index.md", line: 11, column: 8)))
        #expect(matter.characters == [StoryCharacter(name: "Pip", role: "hero", looks: "a red fox with a blue scarf")])
    }

    @Test("age tiers follow the upper end of the range", arguments: [
        ("3-5", AgeTier.kids), ("8", .kids), ("10-12", .kids), ("12-15", .teens), ("teen", .teens),
        ("16-18", .adults), ("adult", .adults),
    ])
    func ageTiers(age: String, tier: AgeTier) {
        #expect(FrontMatterDecoder.ageTier(age) == tier)
    }

    @Test("missing front matter says how to add it")
    func missingFrontMatter() {
        #expect(parseBook("# Just a story\n").diagnostics == [
            "content/fox/index.md:1:1: error: missing front matter: a book starts with a line `---`, its settings, and another `---`\n"
                + "  hint: put these three lines at the top:\n  ---\n  title: \"Your Title\"\n  ---",
        ])
    }

    @Test("an unclosed block asks about the closing ---")
    func unclosed() {
        #expect(parseBook("---\ntitle: A\n\nText\n").diagnostics == [
            "content/fox/index.md:1:1: error: front matter is never closed\n"
                + "  hint: did you forget the closing `---`? Add a line `---` after the last setting.",
        ])
    }

    @Test("title is required")
    func titleRequired() {
        #expect(parseBook("---\nauthor: A\n---\n").diagnostics == [
            "content/fox/index.md:2:1: error: front matter has no title\n  hint: add a line `title: \"Your Title\"` between the `---` lines",
        ])
    }

    @Test("a duplicate key is an error at the second one")
    func duplicateKey() {
        #expect(parseBook("---\ntitle: A\nauthor: B\ntitle: C\n---\n").diagnostics == [
            "content/fox/index.md:4:1: error: duplicate key 'title' (first set on line 2)\n  hint: keep one `title:` line and delete the other",
        ])
    }

    @Test("anchors and aliases are errors")
    func anchors() {
        #expect(parseBook("---\ntitle: &t A\nsummary: *t\n---\n").diagnostics == [
            "content/fox/index.md:2:8: error: YAML anchors and aliases (`&t`, `*t`) are not allowed in front matter\n"
                + "  hint: write each value out in full where it is used",
        ])
    }

    @Test("an alias bomb stops at its first anchor, unexpanded, with one error")
    func aliasBomb() {
        var lines = ["---", "title: Fox", "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...9 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        lines.append("---")
        #expect(parseBook(lines.joined(separator: "\n")).diagnostics == [
            "content/fox/index.md:3:5: error: YAML anchors and aliases (`&a0`, `*a0`) are not allowed in front matter\n"
                + "  hint: write each value out in full where it is used",
        ])
    }

    @Test("an alias is refused where it is written, even with no anchor")
    func aliasAlone() {
        #expect(parseBook("---\ntitle: A\nsummary: *nowhere\n---\n").diagnostics == [
            "content/fox/index.md:3:10: error: YAML aliases (`*nowhere`) are not allowed in front matter\n  hint: write the value out in full",
        ])
    }

    @Test("a merge key is an error, and reading goes on")
    func mergeKey() {
        let diagnostics = parseBook("---\ntitle: A\n<<: {author: B}\nscenes: lots\n---\n").diagnostics
        #expect(diagnostics.count == 2)
        #expect(diagnostics.first == "content/fox/index.md:3:1: error: YAML merge keys (`<<`) are not allowed in front matter\n  hint: write each setting out in full")
        #expect(diagnostics.last?.hasPrefix("content/fox/index.md:4:9: error: scenes") == true)
    }

    @Test("a duplicate key no longer hides the other problems")
    func duplicateKeyAndMore() {
        let diagnostics = parseBook("---\ntitle: A\ntitle: B\nscenes: lots\n---\n").diagnostics
        #expect(diagnostics.count == 2)
        #expect(diagnostics.first == "content/fox/index.md:3:1: error: duplicate key 'title' (first set on line 2)\n  hint: keep one `title:` line and delete the other")
        #expect(diagnostics.last?.hasPrefix("content/fox/index.md:4:9: error: scenes") == true)
    }

    @Test("nesting deeper than sixteen levels is a located error")
    func tooDeep() {
        let nested = String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
        #expect(parseBook("---\ntitle: A\ntags: \(nested)\n---\n").diagnostics == [
            "content/fox/index.md:3:22: error: YAML nested more than 16 levels deep in front matter\n"
                + "  hint: front matter holds settings a few levels deep; write the lists flatter",
        ])
    }

    @Test("front matter over 64 KiB is refused at the line where it passes the limit")
    func tooLarge() {
        let summary = String(repeating: "A fox went far. ", count: 5_000)
        #expect(parseBook("---\ntitle: A\nauthor: B\nsummary: \(summary)\n---\n").diagnostics == [
            "content/fox/index.md:4:1: error: front matter is 80028 bytes; Tale reads at most 65536\n"
                + "  hint: keep front matter to settings and short text; the story belongs in the scenes",
        ])
    }

    @Test("a control character is located, whatever the file's line ends")
    func controlCharacter() {
        for end in ["\n", "\r\n", "\r"] {
            #expect(parseBook(["---", "title: A", "author: B\u{7}C", "---", ""].joined(separator: end)).diagnostics == [
                "content/fox/index.md:3:10: error: invalid YAML: control characters are not allowed\n"
                    + "  hint: delete the invisible character here; it may have come from a copy and paste",
            ], "line ends \(end.debugDescription)")
        }
    }

    @Test("a book saved with an old Mac's line ends (a CR alone) is read as one saved with LF")
    func carriageReturnLineEnds() {
        let lines = ["---", "title: Fox", "---", "", "## Start {#start}", "", "The fox ran.", "", "## Home {#start}", "", "Home."]
        let plain = parseBook(lines.joined(separator: "\n") + "\n")
        let mac = parseBook(lines.joined(separator: "\r") + "\r")
        #expect(mac.diagnostics == plain.diagnostics)
        #expect(mac.diagnostics.first?.hasPrefix("content/fox/index.md:9:") == true)
        #expect(mac.book?.scenes.map(\.text) == plain.book?.scenes.map(\.text))
        #expect(mac.book?.frontMatter.title == "Fox")
    }

    @Test("custom tags are errors")
    func customTags() {
        #expect(parseBook("---\ntitle: !shout A\n---\n").diagnostics == [
            "content/fox/index.md:2:8: error: YAML tag `!shout` is not allowed in front matter\n  hint: remove the tag; values are read as written",
        ])
        #expect(parseBook("---\ntitle: A\nscenes: !!int 3\n---\n").diagnostics.first?.hasPrefix(
            "content/fox/index.md:3:9: error: YAML tag `!!int` is not allowed in front matter") == true)
    }

    @Test("a second YAML document is an error")
    func secondDocument() {
        #expect(parseBook("---\ntitle: A\n...\nauthor: B\n---\n").diagnostics == [
            "content/fox/index.md:4:1: error: front matter holds more than one YAML document\n"
                + "  hint: remove the `---` or `...` line inside the front matter; it must be one block of settings",
        ])
    }

    @Test("wrong types are located errors with an example")
    func wrongTypes() {
        let text = "---\ntitle: A\ndraft: yes\nscenes: \"12\"\ntags: fox\ndate: 2026-02-30\nage: baby\nstyle: watercolour\nlanguage: english!\n---\n"
        #expect(parseBook(text).diagnostics == [
            "content/fox/index.md:3:8: error: draft must be true or false; found 'yes'\n  hint: write it like `draft: true`",
            "content/fox/index.md:4:9: error: scenes must be a whole number; found the quoted text \"12\"\n  hint: write it like `scenes: 10`",
            "content/fox/index.md:5:7: error: tags must be a list; found 'fox'\n  hint: write it like `tags: [one, two]`",
            "content/fox/index.md:6:7: error: date must be a real date written YYYY-MM-DD; found '2026-02-30'\n  hint: write it like `date: 2026-11-21`",
            "content/fox/index.md:7:6: error: age must be a range like `3-5`, a number like `8`, `teen` or `adult`; found 'baby'",
            "content/fox/index.md:8:8: error: style must be one of flat, watercolor, crayon, ink, coloring; found 'watercolour'; did you mean 'watercolor'?",
            "content/fox/index.md:9:11: error: language must be a BCP 47 tag like `en`, `en-GB` or `pt-BR`; found 'english!'",
        ])
    }

    @Test("an unknown key is a warning with a did-you-mean")
    func unknownKey() {
        let (book, diagnostics) = parseBook("---\ntitle: A\nauthr: B\n---\n")
        #expect(book != nil)
        #expect(diagnostics == [
            "content/fox/index.md:3:1: warning: unknown front matter key 'authr'; did you mean 'author'?\n"
                + "  hint: Tale ignores it. Known keys: title, author, date, language, age, summary, tags, premise, setting, moral, style, characters, scenes, cover, soundtrack, effects, draft, seed, layout, narration, print",
        ])
    }

    @Test("a character needs a name")
    func characterName() {
        #expect(parseBook("---\ntitle: A\ncharacters:\n  - role: hero\n---\n").diagnostics == [
            "content/fox/index.md:4:5: error: this character has no name\n  hint: add `name: ...` to it",
        ])
    }

    @Test("invalid YAML explains quoting")
    func invalidYAML() {
        #expect(parseBook("---\ntitle: Pip: A Tale\n---\n").diagnostics == [
            "content/fox/index.md:2:11: error: invalid YAML: mapping values are not allowed in this context\n"
                + "  hint: a value that contains `: ` must be in quotes, like `title: \"Pip: A Tale\"`",
        ])
    }
}

@Suite("tale.yaml")
struct SiteConfigTests {
    @Test("defaults, values and unknown keys")
    func decode() {
        var diagnostics = DiagnosticList()
        let config = SiteConfigDecoder.decode("title: My Shelf\nbase_url: https://books.example.org\nthem: dark\n", file: "tale.yaml",
                                              diagnostics: &diagnostics)
        #expect(config.title == "My Shelf")
        #expect(config.baseURL == "https://books.example.org/")
        #expect(config.theme == "storybook")
        #expect(diagnostics.all.map(\.description) == [
            "tale.yaml:3:1: warning: unknown tale.yaml key 'them'; did you mean 'theme'?\n"
                + "  hint: Tale ignores it. Known keys: title, description, base_url, language, theme, generate, cache",
        ])
    }

    @Test("a file saved with Windows line ends is read the same, a duplicate key located as well")
    func windowsLineEnds() {
        for end in ["\n", "\r\n", "\r"] {
            var diagnostics = DiagnosticList()
            let config = SiteConfigDecoder.decode(["title: My Shelf", "language: en", "title: Other", ""].joined(separator: end),
                                                  file: "tale.yaml", diagnostics: &diagnostics)
            #expect(config.language == "en")
            #expect(diagnostics.all.map(\.description) == [
                "tale.yaml:3:1: error: duplicate key 'title' (first set on line 1)\n  hint: keep one `title:` line and delete the other",
            ])
        }
    }

    @Test("wrong types are located errors")
    func wrongTypes() {
        var diagnostics = DiagnosticList()
        _ = SiteConfigDecoder.decode("title: [a, b]\nbase_url: books.example.org\n", file: "tale.yaml", diagnostics: &diagnostics)
        #expect(diagnostics.all.map(\.description) == [
            "tale.yaml:1:8: error: title must be text; found a list\n  hint: write it like `title: \"...\"`",
            "tale.yaml:2:11: error: base_url must start with https://, http:// or /; found 'books.example.org'\n"
                + "  hint: write it like `base_url: https://books.example.org/`",
        ])
    }

    @Test("generate: picks the provider and how to reach it; the key's variable must be a name, never the key")
    func generation() {
        var diagnostics = DiagnosticList()
        let config = SiteConfigDecoder.decode("""
            generate:
              seed: moon
              text:
                provider: openai
                base_url: http://127.0.0.1:8080/v1/
                model: llama-3
                api_key_env: LOCAL_KEY
                timeout: 30
                concurrency: 2
            """, file: "tale.yaml", diagnostics: &diagnostics)
        #expect(diagnostics.all.isEmpty)
        let settings = config.generation
        #expect(settings.textProvider == .openai)
        #expect(settings.seed == "moon")
        #expect(settings.baseURL == "http://127.0.0.1:8080/v1")
        #expect(settings.model == "llama-3" && settings.apiKeyVariable == "LOCAL_KEY")
        #expect(settings.timeout == 30 && settings.concurrency == 2)
        #expect(SiteConfig().generation.textProvider == .embedded, "offline by default")

        var bad = DiagnosticList()
        _ = SiteConfigDecoder.decode("generate:\n  text:\n    provider: openia\n    api_key_env: sk-123\n", file: "tale.yaml", diagnostics: &bad)
        #expect(bad.all.map(\.description) == [
            "tale.yaml:3:15: error: provider must be one of embedded, openai; found 'openia'; did you mean 'openai'?",
            "tale.yaml:4:18: error: generate.text.api_key_env must name an environment variable, like OPENAI_API_KEY\n"
                + "  hint: put the key itself in that variable, never in a file in the project",
        ])
    }
}
