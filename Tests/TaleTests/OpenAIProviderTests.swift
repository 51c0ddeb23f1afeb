import Foundation
import Testing
import TaleCore
import TaleGenerate
import TaleImage
import TaleTestSupport

/// The OpenAI-compatible stand-in (Fixtures/openai_server.py) on 127.0.0.1, one per test.
final class FakeOpenAIServer {
    let server: FixtureServer
    var port: Int { server.port }

    init() throws { server = try FixtureServer(script: "openai_server.py") }

    /// The base URL for a scenario, as `generate.text.base_url` would hold it.
    func base(_ scenario: String) -> String { "http://127.0.0.1:\(port)/\(scenario)/v1" }

    /// Every request the server saw.
    func requests() throws -> [[String: Any]] {
        let data = try Data(contentsOf: URL(string: "http://127.0.0.1:\(port)/__requests")!)
        return try JSONSerialization.jsonObject(with: data) as? [[String: Any]] ?? []
    }

    func stop() { server.stop() }

    /// A `tale.yaml` that sends text (and, with `images`, pictures) to this server's `scenario`.
    func taleYAML(_ scenario: String, moderation: Bool = false, images: Bool = false) -> String {
        """
        title: Test
        generate:
          text:
            provider: openai
            base_url: \(base(scenario))
            model: test-model
            api_key_env: TALE_TEST_KEY
            timeout: 5
            attempts: 2
            moderation: \(moderation)
          images:
            provider: \(images ? "openai" : "embedded")
            model: test-image-model
        """
    }
}

private let canary = "sk-canary-7f3e1d0c9b"

private func provider(_ server: FakeOpenAIServer, _ scenario: String, timeout: Double = 10, attempts: Int = 3,
                      delays: Locked<[Double]>? = nil) throws -> OpenAIChatProvider {
    var settings = GenerationSettings()
    settings.textProvider = .openai
    settings.baseURL = server.base(scenario)
    settings.model = "test-model"
    settings.apiKeyVariable = "TALE_TEST_KEY"
    settings.timeout = timeout
    settings.attempts = attempts
    if let delays {
        return try OpenAIChatProvider(settings: settings, environment: ["TALE_TEST_KEY": canary]) { seconds in
            delays.mutate { $0.append(seconds) }
        }
    }
    return try OpenAIChatProvider(settings: settings, environment: ["TALE_TEST_KEY": canary])
}

private func sceneRequest() -> TextRequest {
    var matter = FrontMatter(title: "Moss and the Lost Lantern")
    matter.age = "3-5"
    matter.premise = "A small snail must find the lantern"
    matter.characters = [StoryCharacter(name: "Moss", role: "hero", looks: "a green snail")]
    var request = TextRequest(kind: .scene, book: StoryBook(matter, seed: "s"))
    request.sceneIndex = 1
    request.sceneCount = 4
    request.sceneTitle = "The Lantern Is Gone"
    request.brief = "Moss finds the lantern's hook empty"
    return request
}

@Suite("OpenAI-compatible text provider against a local server")
struct OpenAIProviderTests {
    @Test("the request carries the model, the system and user messages, the key as a bearer token, and JSON headers")
    func requestShape() async throws {
        let server = try FakeOpenAIServer()
        defer { server.stop() }
        let text = try await provider(server, "ok").write(sceneRequest())
        #expect(text == "Moss looks up at the quiet sky.\n\nWren sings a small song, and the path feels shorter.")
        let seen = try server.requests()
        #expect(seen.count == 1)
        let request = try #require(seen.first)
        #expect(request["path"] as? String == "/ok/v1/chat/completions")
        let headers = try #require(request["headers"] as? [String: String])
        #expect(headers["authorization"] == "Bearer \(canary)")
        #expect(headers["content-type"] == "application/json")
        #expect(headers["accept"] == "application/json")
        let body = try #require(try JSONSerialization.jsonObject(with: Data((request["body"] as! String).utf8)) as? [String: Any])
        #expect(body["model"] as? String == "test-model")
        let messages = try #require(body["messages"] as? [[String: String]])
        #expect(messages.map { $0["role"] } == ["system", "user"])
        #expect(messages[0]["content"]!.contains("a picture book for ages 3 to 5, read aloud"))
        #expect(messages[1]["content"]!.contains("Write scene 2 of 4. Its part in the story: problem."))
        #expect(messages[1]["content"]!.contains("What happens: Moss finds the lantern's hook empty"))
        #expect(messages[1]["content"]!.contains("- Moss (hero): a green snail"))
    }

    @Test("429 with retry-after is waited out, then the request succeeds")
    func retryAfter() async throws {
        let server = try FakeOpenAIServer()
        defer { server.stop() }
        _ = try await provider(server, "slow-429").write(sceneRequest())
        let times = try server.requests().compactMap { $0["time"] as? Double }
        #expect(times.count == 2)
        #expect(times[1] - times[0] >= 0.95, "waited \(times[1] - times[0]) s for retry-after: 1")
        let delays = Locked<[Double]>([])
        _ = try await provider(server, "ms-429", delays: delays).write(sceneRequest())
        #expect(delays.value == [0.3], "retry-after-ms: 300 is 0.3 s")
    }

    @Test("500 and 409 are tried again; the second answer is used")
    func retryServerErrors() async throws {
        let server = try FakeOpenAIServer()
        defer { server.stop() }
        let delays = Locked<[Double]>([])
        #expect(try await provider(server, "flaky-500", delays: delays).write(sceneRequest()).hasPrefix("Moss looks up"))
        #expect(try await provider(server, "conflict-409", delays: delays).write(sceneRequest()).hasPrefix("Moss looks up"))
        #expect(delays.value.count == 2)
        #expect(delays.value.allSatisfy { $0 >= 0 && $0 <= 0.5 }, "backoff with jitter under the first ceiling: \(delays.value)")
        #expect(try server.requests().count == 4)
    }

    @Test("401 fails at once with a clear message that does not repeat the key")
    func unauthorized() async throws {
        let server = try FakeOpenAIServer()
        defer { server.stop() }
        do {
            _ = try await provider(server, "unauthorized").write(sceneRequest())
            Issue.record("401 must fail")
        } catch let error as GenerationError {
            guard case .refused(let status, let reason) = error else { Issue.record("\(error)"); return }
            #expect(status == 401)
            #expect(reason.hasPrefix("the key in the environment variable was not accepted"))
            #expect(!error.description.contains(canary))
            #expect(error.description.contains("[key]"), "the echoed key is redacted: \(error.description)")
        }
        #expect(try server.requests().count == 1, "no retry on 401")
        for scenario in ["forbidden", "bad-request"] {
            await #expect(throws: GenerationError.self) { try await provider(server, scenario).write(sceneRequest()) }
        }
        #expect(try server.requests().count == 3, "no retry on 403 or 400")
    }

    @Test("a server that never answers times out")
    func hang() async throws {
        let server = try FakeOpenAIServer()
        defer { server.stop() }
        let delays = Locked<[Double]>([])
        do {
            _ = try await provider(server, "hang", timeout: 1, attempts: 2, delays: delays).write(sceneRequest())
            Issue.record("a hung server must fail")
        } catch let error as GenerationError {
            guard case .unavailable(let reason) = error else { Issue.record("\(error)"); return }
            #expect(reason.contains("after 2 tries"))
        }
        #expect(try server.requests().count == 2)
    }

    @Test("malformed JSON, no choices and an HTML page are errors that say what is wrong", arguments: [
        ("malformed", "the body is not a JSON object"),
        ("empty", "the answer has no choices"),
        ("html", "the server answered with an HTML page, not JSON; check that generate.text.base_url is the API root (often ending in /v1)"),
    ])
    func badAnswers(scenario: String, reason: String) async throws {
        let server = try FakeOpenAIServer()
        defer { server.stop() }
        await #expect(throws: GenerationError.badAnswer(reason)) { try await provider(server, scenario).write(sceneRequest()) }
    }

    @Test("no key in the environment is a configuration error naming the variable")
    func missingKey() {
        var settings = GenerationSettings()
        settings.textProvider = .openai
        #expect(throws: GenerationError.self) { try OpenAIChatProvider(settings: settings, environment: [:]) }
    }
}

@Suite("OpenAI-compatible generation through tale build")
struct OpenAIBuildTests {
    private func project(_ server: FakeOpenAIServer, _ scenario: String, moderation: Bool = false, images: Bool = false) -> URL {
        Support.project([
            "tale.yaml": server.taleYAML(scenario, moderation: moderation, images: images),
            "content/moss/index.md": "---\ntitle: Moss\nage: 3-5\npremise: A snail must find a lantern\ntags: [snails]\n---\n\n## The Dark\n\n## The Light\n",
        ])
    }

    @Test("the key reaches neither public/, generated/, the output nor the errors; a second build asks nothing")
    func canaryStaysSecret() throws {
        let server = try FakeOpenAIServer()
        defer { server.stop() }
        let root = project(server, "ok")
        let run = Support.tale(["build", "--no-frozen", "--verbose"], in: root, environment: ["TALE_TEST_KEY": canary])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("generated 7, 0 from the lock"), "a plan, 2 scenes and the summary (from the plan); a cover and 2 pictures drawn offline")
        #expect(try server.requests().count == 3, "the plan and 2 scenes")
        let lock = try String(contentsOf: root.appending(path: "content/moss/generated/lock.json"), encoding: .utf8)
        #expect(lock.contains("\"provider\": \"openai\""))
        #expect(lock.contains("\"model\": \"test-model\""))
        for folder in ["public", "content", ".tale-cache"] {
            for (path, data) in Support.tree(root.appending(path: folder)) {
                #expect(!String(decoding: data, as: UTF8.self).contains(canary), "\(folder)/\(path) holds the key")
            }
        }
        #expect(!run.out.contains(canary) && !run.err.contains(canary))

        let again = Support.tale(["build", "--force", "--no-frozen"], in: root, environment: ["TALE_TEST_KEY": canary])
        #expect(again.status == 0)
        #expect(try server.requests().count == 3, "the second build makes no request")
        // Without the key, a build that needs nothing new still works.
        let keyless = Support.tale(["build", "--force", "--no-frozen"], in: root, environment: ["TALE_TEST_KEY": ""])
        #expect(keyless.status == 0, "\(keyless.err)")
    }

    @Test("a refused key fails the build with the status and no key; nothing is written to the lock", arguments: ["unauthorized", "malformed", "html"])
    func failuresWriteNothing(scenario: String) throws {
        let server = try FakeOpenAIServer()
        defer { server.stop() }
        let root = project(server, scenario)
        let run = Support.tale(["build", "--no-frozen"], in: root, environment: ["TALE_TEST_KEY": canary])
        #expect(run.status == 1)
        #expect(run.err.contains("error: could not generate the text of scene 'the-dark': the service"))
        #expect(!run.err.contains(canary) && !run.out.contains(canary))
        #expect(!FileManager.default.fileExists(atPath: root.appending(path: "content/moss/generated/scene-the-dark.md").path))
        #expect(!FileManager.default.fileExists(atPath: root.appending(path: "public").path))
        let lock = root.appending(path: "content/moss/generated/lock.json")
        if let text = try? String(contentsOf: lock, encoding: .utf8) { #expect(!text.contains("scene/the-dark")) }
    }

    @Test("with moderation: true, text the service's moderation endpoint flags is asked for again")
    func remoteModeration() throws {
        let server = try FakeOpenAIServer()
        defer { server.stop() }
        let root = project(server, "remote-flag", moderation: true)
        let run = Support.tale(["build", "--no-frozen", "--force"], in: root, environment: ["TALE_TEST_KEY": canary])
        #expect(run.status == 0, "\(run.err)")
        let seen = try server.requests().compactMap { $0["path"] as? String }
        #expect(seen.filter { $0.hasSuffix("/moderations") }.count == 4, "every answer is checked: \(seen)")
        #expect(seen.filter { $0.hasSuffix("/chat/completions") }.count == 4, "the flagged answer is asked for again")
        let folder = root.appending(path: "content/moss/generated")
        for (_, data) in Support.tree(folder) { #expect(!String(decoding: data, as: UTF8.self).contains("sneaky")) }
    }

    @Test("pictures from an OpenAI-compatible images service: a character sheet first, then each page sent with the sheets of who is on it and its reading")
    func images() throws {
        let server = try FakeOpenAIServer()
        defer { server.stop() }
        let root = project(server, "ok", images: true)
        Support.write("---\ntitle: Moss\nage: 3-5\nsummary: A snail.\ntags: [snails]\nstyle: watercolor\ncharacters:\n  - name: Moss\n    looks: small green snail with an orange shell\n  - name: Wren\n    looks: a brown wren\n---\n\n## The Dark {art=\"Moss peers into the dark\"}\n\nMoss peers into the dark at night.\n",
                      to: "content/moss/index.md", in: root)
        let run = Support.tale(["build", "--no-frozen"], in: root, environment: ["TALE_TEST_KEY": canary])
        #expect(run.status == 0, "\(run.err)")
        let all = try server.requests().filter { ($0["path"] as? String)?.contains("/images/") == true }
        let generations = all.filter { ($0["path"] as! String).hasSuffix("/images/generations") }
        let edits = all.filter { ($0["path"] as! String).hasSuffix("/images/edits") }
        // Two character sheets, each asked for with the character's looks, before any page.
        #expect(generations.count == 2 && edits.count == 2, "two sheets, then a cover and one illustration: \(all.map { $0["path"]! })")
        let sheets = generations.compactMap { try? JSONSerialization.jsonObject(with: Data(($0["body"] as! String).utf8)) as? [String: Any] }
        #expect(sheets.allSatisfy { $0["model"] as? String == "test-image-model" && $0["response_format"] as? String == "b64_json" })
        let sheetPrompts = sheets.compactMap { $0["prompt"] as? String }
        #expect(sheetPrompts.contains { $0.contains("A character sheet for a picture book: Moss, small green snail with an orange shell.") })
        #expect(sheetPrompts.contains { $0.contains("A character sheet for a picture book: Wren, a brown wren.") })
        let lastSheet = generations.compactMap { $0["time"] as? Double }.max()!
        #expect(edits.allSatisfy { ($0["time"] as! Double) > lastSheet }, "pages are drawn after the sheets")
        // Each page goes to images/edits as a form: the model, the prompt, and one PNG per character on the page.
        for edit in edits {
            let parts = try #require(edit["parts"] as? [[String: Any]])
            func field(_ name: String) -> String? { parts.first { $0["name"] as? String == name }?["text"] as? String }
            #expect(field("model") == "test-image-model" && field("n") == "1")
            let images = parts.filter { $0["name"] as? String == "image[]" }
            #expect(!images.isEmpty && images.allSatisfy { $0["type"] as? String == "image/png" && ($0["size"] as? Int ?? 0) > 50 })
            let prompt = try #require(field("prompt"))
            #expect(prompt.contains("watercolour") && prompt.contains("drawn exactly as in the reference pictures"))
            #expect(prompt.contains("- Moss: small green snail with an orange shell"))
            #expect(prompt.contains("The picture shows: ") && prompt.contains("Framing: ") && prompt.contains("The characters look "))
            #expect(images.map { $0["filename"] as? String } == (prompt.contains("- Wren:") ? ["moss.png", "wren.png"] : ["moss.png"]),
                    "the sheets of the characters on the page, in the prompt's order")
        }
        let pagePrompt = try #require(edits.compactMap { ($0["parts"] as? [[String: Any]])?.first { $0["name"] as? String == "prompt" }?["text"] as? String }
            .first { $0.contains("The writer asks for: Moss peers into the dark") })
        #expect(pagePrompt.contains("The picture shows: Moss the snail ") && pagePrompt.contains("at night"), "\(pagePrompt)")
        #expect(!all.contains { ($0["body"] as? String ?? "").contains(canary) || "\($0["headers"] ?? "")".contains("x" + canary) })
        let folder = root.appending(path: "content/moss/generated")
        let cover = try PNGImage(decoding: Array(try Data(contentsOf: folder.appending(path: "cover.png"))))
        #expect(cover.width == 96 && cover.height == 64)
        let lock = try String(contentsOf: folder.appending(path: "lock.json"), encoding: .utf8)
        #expect(lock.contains("\"file\": \"illustration-the-dark.png\"") && lock.contains("\"model\": \"test-image-model\""))
        #expect(lock.contains("\"file\": \"character-moss.png\"") && lock.contains("\"kind\": \"character\""))
        let page = try String(contentsOf: root.appending(path: "public/books/moss/index.html"), encoding: .utf8)
        #expect(page.contains("<meta property=\"og:image:width\" content=\"1200\">"), "the card is cut from the service's cover")
        let again = Support.tale(["build", "--force", "--frozen"], in: root, environment: ["TALE_TEST_KEY": ""])
        #expect(again.status == 0, "the PNGs in the lock serve a frozen build without a key: \(again.err)")

        let bad = project(server, "not-png", images: true)
        try FileManager.default.copyItem(at: root.appending(path: "content/moss/index.md"), to: bad.appending(path: "content/moss/index.md.new"))
        try FileManager.default.removeItem(at: bad.appending(path: "content/moss/index.md"))
        try FileManager.default.moveItem(at: bad.appending(path: "content/moss/index.md.new"), to: bad.appending(path: "content/moss/index.md"))
        let refused = Support.tale(["build", "--no-frozen"], in: bad, environment: ["TALE_TEST_KEY": canary])
        #expect(refused.status == 1)
        #expect(refused.err.contains("could not generate the cover: the service gave an unusable answer: the image is not a PNG"))
        #expect(!FileManager.default.fileExists(atPath: bad.appending(path: "content/moss/generated/cover.png").path))
    }

    @Test("a service without an images/edits endpoint gets each page's prompt at images/generations; once refused, edits are not asked again")
    func imagesWithoutEdits() throws {
        let server = try FakeOpenAIServer()
        defer { server.stop() }
        let root = project(server, "no-edits", images: true)
        Support.write("---\ntitle: Moss\nage: 3-5\nsummary: A snail.\ntags: [snails]\ncharacters:\n  - name: Moss\n    looks: small green snail\n---\n\n## One\n\nMoss wakes.\n\n## Two\n\nMoss sleeps.\n",
                      to: "content/moss/index.md", in: root)
        let run = Support.tale(["build", "--no-frozen"], in: root, environment: ["TALE_TEST_KEY": canary])
        #expect(run.status == 0, "\(run.err)")
        let paths = try server.requests().compactMap { $0["path"] as? String }.filter { $0.contains("/images/") }
        let edits = paths.enumerated().filter { $0.element.hasSuffix("/edits") }.map(\.offset)
        #expect((1...3).contains(edits.count), "pages asked at the same time may each be refused once: \(paths)")
        #expect(paths.filter { $0.hasSuffix("/generations") }.count == 4, "the sheet, then the cover and both pages, once each: \(paths)")
        #expect(paths.suffix(from: 1).first { $0.hasSuffix("/edits") } != nil && !paths.suffix(from: (edits.last ?? 0) + 1).contains { $0.hasSuffix("/edits") })
        for file in ["cover.png", "illustration-one.png", "illustration-two.png", "character-moss.png"] {
            #expect(FileManager.default.fileExists(atPath: root.appending(path: "content/moss/generated/\(file)").path), "\(file)")
        }
    }

    @Test("narration from an OpenAI-compatible speech endpoint: recordings go into the lock, word times are shared out, a rebuild asks nothing")
    func speech() throws {
        let server = try FakeOpenAIServer()
        defer { server.stop() }
        let root = project(server, "ok")
        Support.write(try String(contentsOf: root.appending(path: "tale.yaml"), encoding: .utf8)
                      + "\n  speech:\n    provider: openai\n    model: test-tts\n    voice: fable\n", to: "tale.yaml", in: root)
        Support.write("---\ntitle: Moss\nage: 3-5\nsummary: A snail.\ntags: [snails]\nnarration: auto\n---\n\n## The Dark {art=none}\n\nMoss peers into the dark, and waits.\n",
                      to: "content/moss/index.md", in: root)
        let run = Support.tale(["build", "--no-frozen"], in: root, environment: ["TALE_TEST_KEY": canary])
        #expect(run.status == 0, "\(run.err)")
        let speech = try server.requests().filter { ($0["path"] as? String)?.hasSuffix("/audio/speech") == true }
        try #require(speech.count == 1)
        let body = try #require(try JSONSerialization.jsonObject(with: Data((speech[0]["body"] as! String).utf8)) as? [String: Any])
        #expect(body["model"] as? String == "test-tts" && body["voice"] as? String == "fable")
        #expect(body["input"] as? String == "The Dark. Moss peers into the dark, and waits.")
        let lock = try String(contentsOf: root.appending(path: "content/moss/generated/lock.json"), encoding: .utf8)
        #expect(lock.contains("\"file\": \"narration-the-dark.mp3\"") && lock.contains("\"model\": \"test-tts fable\""))
        let page = try String(contentsOf: root.appending(path: "public/books/moss/index.html"), encoding: .utf8)
        let timings = try #require(page.firstMatch(of: /data-timings="([0-9 ]+)"/).map { $0.1.split(separator: " ").compactMap { Int($0) } })
        #expect(timings.count == 10, "8 words and the end: \(timings)")
        #expect(timings == timings.sorted() && timings.last! > 2000, "a third of a second a word: \(timings)")
        let again = Support.tale(["build", "--force", "--frozen"], in: root, environment: ["TALE_TEST_KEY": ""])
        #expect(again.status == 0, "\(again.err)")
        #expect(try server.requests().filter { ($0["path"] as? String)?.hasSuffix("/audio/speech") == true }.count == 1)
    }
}
