import Foundation
import Testing
import TaleAnalyse
import TaleCore
import TaleTestSupport

@Suite("Cue analysis")
struct CueTests {
    /// The cues of a one-scene book with `body` under `heading`.
    func cues(_ body: String, heading: String = "## Scene", frontMatter: String = "") throws -> SceneCues {
        let (book, diagnostics) = parseBook("---\ntitle: T\n\(frontMatter)---\n\n\(heading)\n\n\(body)\n")
        #expect(diagnostics == [])
        let parsed = try #require(book)
        return try #require(CueAnalyser.analyse(parsed).scenes.first)
    }

    @Test("every mood is found from the words", arguments: [
        ("The pond was quiet and still. A gentle, soft light lay on the water.", Mood.calm),
        ("Everyone laughed and smiled at the birthday cake.", .joyful),
        ("They played and giggled and jumped and splashed in the puddles.", .playful),
        ("Hurry! She was worried. The path was steep and the warning bell rang.", .tense),
        ("A shadow moved. She was afraid and screamed at the growl.", .scary),
        ("He cried alone. His kite was broken and gone.", .sad),
        ("A strange whisper came from a hidden door, a secret glimmer.", .mysterious),
        ("They won! Everyone cheered the hero who saved the day.", .triumphant),
        ("Pip yawned, curled up in bed and began to dream.", .sleepy),
    ])
    func moods(text: String, mood: Mood) throws {
        let scene = try cues(text)
        #expect(scene.mood.mood == mood, "\(scene.mood)")
        #expect(scene.mood.source == .analysis)
        #expect(scene.mood.reason.hasPrefix("words: "))
    }

    @Test("no mood words: calm by default")
    func fallback() throws {
        #expect(try cues("The table had four legs.").mood == MoodCue(mood: .calm, intensity: 0.3, source: .fallback,
                                                                        reason: "no mood words; calm by default"))
    }

    @Test("negation removes a mood word, an intensifier strengthens it")
    func negationAndIntensifiers() throws {
        #expect(try cues("She was not sad. She laughed.").mood.mood == .joyful)
        let plain = try cues("She was happy.").mood.intensity
        let very = try cues("She was very happy.").mood.intensity
        #expect(very > plain)
    }

    @Test("effects and sounds are tied to the words that cause them")
    func wordCues() throws {
        let scene = try cues("It rained all night. Then the owl hooted in the fog.")
        // Words: Scene It rained all night. Then the owl hooted in the fog.
        #expect(scene.effects.map(\.effect) == [.rain, .fog])
        #expect(scene.effects.first?.start == 2)
        #expect(scene.effects.first?.reason == "the word 'rained'")
        #expect(scene.sounds.map { [$0.name, "\($0.word)"] } == [["rain", "2"], ["owl", "7"]])
        #expect(scene.time == "night")
        #expect(scene.weather == ["rain", "fog"])
    }

    @Test("\"it was not raining\" makes no rain")
    func negatedRain() throws {
        let scene = try cues("It was not raining. The sun was out.")
        #expect(scene.effects == [])
        #expect(!scene.weather.contains("rain"))
        #expect(scene.sounds.allSatisfy { $0.name != "rain" })
    }

    @Test("weather that names a place or is about another time brings no effect, sound or weather", arguments: [
        // A setting: the adjective describes a place, or is part of its name.
        "The other way went up the windy hill.",
        "They sailed home past Misty Point before tea.",
        // Past: "had" with a participle, "last" with a time, "ago", "used to", remembering.
        "The little bridge had washed away in the spring rain, and the water was too wide to jump.",
        "Last winter the snow was as deep as a door.",
        "A long time ago, fog covered the whole valley.",
        "Gran remembered the fog that hid the boats.",
        "The old mill used to creak in the wind.",
        // A maybe or a later: "if", "unless", "in case", modals, dreams.
        "If the rain comes, we can stay at home.",
        "Take your coat in case of snow.",
        "Perhaps it might snow.",
        "Tomorrow there would be a storm with thunder and lightning.",
        "Pip dreamed of stars over the sea.",
    ])
    func notNow(text: String) throws {
        let scene = try cues(text)
        #expect(scene.effects == [], "\(scene.effects)")
        #expect(scene.weather == [], "\(scene.weather)")
        #expect(scene.sounds.allSatisfy { !["wind", "rain", "thunder"].contains($0.name) }, "\(scene.sounds)")
    }

    @Test("weather happening now still brings its effect", arguments: [
        ("It was a windy day, and the kite pulled hard.", Effect.wind),
        ("Long ago the hill was green. But now the rain poured down.", .rain),
        ("She could hear the rain on the roof.", .rain),
        ("Juniper wished the rain would stop.", .rain),
        ("\"Snow!\" shouted Mo, and it was.", .snow),
        ("The wind was strong on the hill path.", .wind),
    ])
    func now(text: String, effect: Effect) throws {
        #expect(try cues(text).effects.map(\.effect) == [effect])
    }

    @Test("a heading's capitals are not a name: \"The Storm\" brings lightning")
    func headingWords() throws {
        #expect(try cues("Everyone ran inside.", heading: "## The Thunderstorm").effects.map(\.effect) == [.lightning])
        #expect(try cues("The wind blew.", heading: "## Up the Windy Hill").effects.map(\.effect) == [.wind])
        #expect(try cues("They climbed.", heading: "## Up the Windy Hill").effects == [])
    }

    @Test("an effect stops where the words say so")
    func effectEnds() throws {
        let scene = try cues("The snow fell and fell. At last the snow stopped and the children ran out.")
        #expect(scene.effects.first?.effect == .snow)
        #expect(scene.effects.first?.end == 9)
    }

    @Test("every effect word is recognised", arguments: [
        ("rain", Effect.rain), ("snowflakes", .snow), ("mist", .fog), ("fireflies", .fireflies), ("stars", .stars),
        ("sparkled", .sparkles), ("leaves", .leaves), ("bubbles", .bubbles), ("lightning", .lightning), ("windy", .wind),
    ])
    func effectWords(word: String, effect: Effect) throws {
        #expect(try cues("Look: \(word) everywhere.").effects.map(\.effect) == [effect])
    }

    @Test("the writer's attributes win")
    func authorOverrides() throws {
        let scene = try cues("Everyone laughed in the rain.", heading: "## Outside {mood=scary effects=\"snow lightning\" sounds=thunder music=sad}")
        #expect(scene.mood == MoodCue(mood: .scary, intensity: 0.6, source: .author, reason: "author: mood=scary"))
        #expect(scene.effects.map(\.effect) == [.snow, .lightning])
        #expect(scene.effects.allSatisfy { $0.source == .author && $0.reason == "author: effects=snow lightning" })
        #expect(scene.sounds == [SoundCue(name: "thunder", word: 0, source: .author, reason: "author: sounds=thunder")])
        #expect(scene.music?.theme == "sad")
        #expect(scene.music?.key == "E")
        #expect(scene.music?.source == .author)
        let quiet = try cues("It rained and the owl hooted.", heading: "## Quiet {effects=none sounds=none music=none}")
        #expect(quiet.effects == [] && quiet.sounds == [] && quiet.music == nil)
    }

    @Test("soundtrack: off and effects: off give empty maps")
    func off() throws {
        let scene = try cues("It rained and the owl hooted.", frontMatter: "soundtrack: off\neffects: off\n")
        #expect(scene.music == nil)
        #expect(scene.sounds == [])
        #expect(scene.effects == [])
    }

    @Test("music follows the mood and crossfades between themes")
    func music() throws {
        let (book, _) = parseBook("---\ntitle: T\n---\n\n## A {mood=calm}\n\nA.\n\n## B {mood=calm}\n\nB.\n\n## C {mood=tense}\n\nC.\n\n## D {mood=joyful}\n\nD.\n")
        let parsed = try #require(book)
        let map = CueAnalyser.analyse(parsed)
        #expect(map.scenes.map { $0.music?.theme } == ["calm", "calm", "tense", "joyful"])
        #expect(map.scenes.map { $0.music?.crossfade } == [2.5, 0, 1.5, 1.5])
        #expect(map.scenes[2].music?.mode == "minor")
        #expect(map.hazards == ["sound"])
    }

    @Test("hazards come from the cues actually used")
    func hazards() throws {
        let (book, _) = parseBook("---\ntitle: T\nsoundtrack: off\n---\n\n## A {effects=lightning}\n\nFlash.\n")
        let parsed = try #require(book)
        #expect(CueAnalyser.analyse(parsed).hazards == ["flashing", "motionSimulation"])
    }

    @Test("every sample book's cues.json validates against docs/cues.schema.json, and a broken one does not")
    func schema() throws {
        let site = Support.temporaryFolder("cues").appending(path: "public")
        #expect(Support.tale(["build", "--quiet", "--frozen", "--source", Support.packageRoot.path, "--output", site.path]).status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: site.appending(path: "books").path).sorted()
            .map { site.appending(path: "books/\($0)/cues.json").path }
        #expect(files.count >= 3)
        let script = Support.fixtures.appending(path: "validate_json_schema.py").path
        let schema = Support.packageRoot.appending(path: "docs/cues.schema.json").path
        let valid = Support.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script, schema] + files)
        #expect(valid.status == 0, "\(valid.out)\(valid.err)")
        #expect(valid.out.hasSuffix("\(files.count) passed, 0 failed\n"))
        let broken = Support.temporaryFolder("broken").appending(path: "cues.json")
        let text = try String(contentsOfFile: files[0], encoding: .utf8).replacingOccurrences(of: "\"mode\": \"major\"", with: "\"mode\": \"lydian\"")
        try Data(text.utf8).write(to: broken)
        #expect(Support.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script, schema, broken.path]).status == 1)
    }

    @Test("recorded sounds: the book's own over the theme's, published by content hash")
    func soundFiles() async throws {
        let project = Support.project([
            "content/owl/index.md": "---\ntitle: Owl\n---\n\n## Night\n\nThe owl hooted at the door.\n",
            "content/owl/sounds/owl.wav": "RIFF-book-owl",
            "content/owl/sounds/notes.txt": "not a sound",
            "themes/storybook/assets/sounds/owl.ogg": "OggS-theme-owl",
            "themes/storybook/assets/sounds/door.ogg": "OggS-theme-door",
        ])
        #expect(await Support.build(project).error == nil)
        let book = project.appending(path: "public/books/owl")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: book.appending(path: "cues.json"))) as? [String: Any])
        let files = try #require(json["files"] as? [String: String])
        #expect(Set(files.keys) == ["owl", "door"])
        #expect(files["owl"] == "../../media/\(SHA256.hex(Array("RIFF-book-owl".utf8)).prefix(16)).wav")
        #expect(files["door"]?.hasPrefix("../../assets/sounds/door.") == true)
        for path in files.values {
            #expect(FileManager.default.fileExists(atPath: book.appending(path: path).standardizedFileURL.path), "\(path) is not published")
        }
        let page = try String(contentsOf: book.appending(path: "index.html"), encoding: .utf8)
        #expect(page.contains("\"files\":{\"door\":\"../../assets/sounds/door."))
    }

    @Test("tale cues prints the map with its reasons")
    func command() {
        let project = Support.project(["content/storm/index.md": "---\ntitle: Storm\n---\n\n## Night {#night}\n\nThe owl hooted. It was not raining.\n\n## Lights {#lights mood=scary effects=lightning}\n\nFlash!\n"])
        let result = Support.tale(["cues", "storm"], in: project)
        #expect(result.status == 0)
        #expect(result.out == """
        Cues for storm (soundtrack auto, effects auto)

        scene   mood        music                 sounds  effects
        night   calm 0.30   calm C major 69 bpm   owl@2   -
        lights  scary 0.60  scary D minor 82 bpm  -       lightning@0

        Why:
          night: mood calm: no mood words; calm by default; sound owl: the word 'owl'
          lights: mood scary: author: mood=scary; effect lightning: author: effects=lightning

        Hazards: flashing, motionSimulation, sound

        """)
        let missing = Support.tale(["cues", "strom"], in: project)
        #expect(missing.status == 1)
        #expect(missing.err == "error: no book 'strom' in content/; did you mean 'storm'?; books: storm\n")
    }
}
