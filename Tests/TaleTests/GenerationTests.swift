import Foundation
import Testing
import TaleBuild
import TaleCore
import TaleGenerate
import TaleTestSupport

/// A provider that counts its calls and answers from a script (then from the embedded storyteller).
/// A book's plan always comes from the embedded storyteller: the script is for what is written from it.
final class ScriptedProvider: TextProvider, @unchecked Sendable {
    let name = "scripted"
    let model = "script-1"
    private let calls = Locked<[TextRequest]>([])
    private let answers: Locked<[String]>

    init(answers: [String] = []) { self.answers = Locked(answers) }

    var requests: [TextRequest] { calls.value }

    func write(_ request: TextRequest) async throws(GenerationError) -> String {
        calls.mutate { $0.append(request) }
        if request.kind == .plan { return EmbeddedStoryteller().compose(request) }
        let scripted = answers.mutate { list -> String? in list.isEmpty ? nil : list.removeFirst() }
        return scripted ?? EmbeddedStoryteller().compose(request)
    }
}

/// A book that leaves most of itself to generation: three headings, one with a brief, and `scenes: 5`.
private let gappyBook = """
---
title: The Fox Who Counted Stars
age: 4-6
premise: A young fox wants to count every star in the sky before morning
setting: a hill above a sleeping farm
moral: Some things are for wondering at, not for counting
characters:
  - name: Fen
    role: hero
    looks: small red fox with a white-tipped tail
  - name: Bramble
    role: friend
    looks: round brown hedgehog
scenes: 5
---

## The Hill

## Too Many Stars

<!-- write: Fen counts to one hundred and loses count -->

## Bramble Helps
"""

private func gappyProject() -> URL { Support.project(["content/fen/index.md": gappyBook]) }

private func generatedFiles(_ project: URL, _ slug: String = "fen") -> [String: Data] {
    Support.tree(project.appending(path: "content/\(slug)/generated"))
}

@Suite("Generation in the build")
struct GenerationTests {
    @Test("a build fills every gap; a second build asks the provider nothing; one changed brief regenerates exactly that scene")
    func lockKeepsArtifacts() async throws {
        let project = gappyProject()
        let source = try Data(contentsOf: project.appending(path: "content/fen/index.md"))
        let first = ScriptedProvider()
        let built = await Support.build(project) { $0.textProvider = first }
        let context = try #require(built.context, "\(built.diagnostics)")
        let book = try #require(context.books.first)
        #expect(book.scenes.map(\.id) == ["the-hill", "too-many-stars", "bramble-helps", "scene-4", "scene-5"])
        #expect(book.scenes.allSatisfy { !$0.text.isEmpty && $0.isGenerated })
        #expect(book.scenes.allSatisfy { ($0.title ?? "").isEmpty == false })
        #expect(book.frontMatter.summary?.contains("Fen must count every star before morning") == true, "\(book.frontMatter.summary ?? "")")
        #expect(!book.frontMatter.tags.isEmpty)
        // The plan first, then 5 scene texts, 2 titles, a summary and tags, each written from it.
        #expect(first.requests.count == 10)
        #expect(first.requests.first?.kind == .plan)
        #expect(first.requests.dropFirst().allSatisfy { $0.plan != nil })
        // And pictures: a cover and an illustration for each of the 5 scenes.
        #expect(context.generation.generated == 16 && context.generation.cached == 0)
        #expect(book.scenes[1].text.contains("Fen counts to one hundred and loses count."))
        let files = generatedFiles(project)
        #expect(Set(files.keys) == ["lock.json", "plan.json", "scene-the-hill.md", "scene-too-many-stars.md", "scene-bramble-helps.md",
                                    "scene-scene-4.md", "scene-scene-5.md", "title-scene-4.txt", "title-scene-5.txt", "summary.txt", "tags.txt",
                                    "cover.svg", "illustration-the-hill.svg", "illustration-too-many-stars.svg", "illustration-bramble-helps.svg",
                                    "illustration-scene-4.svg", "illustration-scene-5.svg"])
        #expect(try Data(contentsOf: project.appending(path: "content/fen/index.md")) == source, "the writer's file is not edited")
        let html = try String(contentsOf: project.appending(path: "public/books/fen/index.html"), encoding: .utf8)
        #expect(html.contains("Fen counts to one hundred and loses count."))

        let second = ScriptedProvider()
        let again = await Support.build(project) { $0.textProvider = second }
        #expect(again.error == nil)
        #expect(second.requests.isEmpty, "nothing is generated twice")
        #expect(again.context?.generation.cached == 16)
        #expect(generatedFiles(project) == files, "an unchanged lock is not rewritten")

        Support.write(gappyBook.replacingOccurrences(of: "loses count", with: "falls asleep"), to: "content/fen/index.md", in: project)
        let third = ScriptedProvider()
        let edited = await Support.build(project) { $0.textProvider = third }
        #expect(edited.error == nil)
        // A new brief changes what happens, so the book is planned again and what was written from
        // the old plan is written again; nothing else is asked for.
        #expect(third.requests.map(\.kind) == [.plan, .scene, .scene, .scene, .title, .scene, .title, .scene, .summary, .tags])
        #expect(third.requests.first { $0.kind == .scene && $0.sceneIndex == 1 }?.brief == "Fen counts to one hundred and falls asleep")
        let changed = generatedFiles(project).filter { files[$0.key] != $0.value }.keys.sorted()
        #expect(changed.contains("plan.json") && changed.contains("scene-too-many-stars.md") && changed.contains("lock.json"))
        #expect(!changed.contains("cover.svg"))
        func input(_ id: String, _ lock: Data?) -> String? {
            let json = lock.flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
            return (json?["artifacts"] as? [[String: Any]])?.first { $0["id"] as? String == id }?["input"] as? String
        }
        #expect(input("illustration/too-many-stars", files["lock.json"]) != input("illustration/too-many-stars", generatedFiles(project)["lock.json"]))
        #expect(input("illustration/the-hill", files["lock.json"]) == input("illustration/the-hill", generatedFiles(project)["lock.json"]))
    }

    @Test("a scene the writer fills in has its artifact pruned from the lock and the folder")
    func prune() async throws {
        let project = gappyProject()
        #expect(await Support.build(project) { $0.textProvider = ScriptedProvider() }.error == nil)
        Support.write(gappyBook.replacingOccurrences(of: "## The Hill\n", with: "## The Hill\n\nFen sits on the hill.\n"),
                      to: "content/fen/index.md", in: project)
        #expect(await Support.build(project) { $0.textProvider = ScriptedProvider() }.error == nil)
        let files = generatedFiles(project)
        #expect(files["scene-the-hill.md"] == nil)
        let lock = String(decoding: files["lock.json"]!, as: UTF8.self)
        #expect(!lock.contains("scene/the-hill"))
        #expect(lock.contains("scene/too-many-stars"))
    }

    @Test("a frozen build with a missing artifact fails, names it, and generates nothing")
    func frozen() async throws {
        let project = gappyProject()
        let provider = ScriptedProvider()
        let result = await Support.build(project) {
            $0.textProvider = provider
            $0.frozen = true
        }
        #expect(result.error != nil)
        #expect(provider.requests.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: project.appending(path: "content/fen/generated").path))
        #expect(result.diagnostics.contains(
            "content/fen/index.md:19:1: error: the text of scene 'too-many-stars' needs generating (content/fen/generated/scene-too-many-stars.md), but the build is frozen\n"
            + "  hint: run `tale generate fen` and commit content/fen/generated/; builds are frozen with --frozen and whenever CI is set (--no-frozen lets them generate)"))
        #expect(result.diagnostics.filter { $0.contains("needs generating") }.count == 10, "the plan and the text; pictures wait for text")
        #expect(result.diagnostics.contains { $0.hasPrefix("content/fen/index.md:1:1: error: the story plan needs generating (content/fen/generated/plan.json)") })
        // Once generated and committed, a frozen build succeeds without the provider.
        #expect(await Support.build(project) { $0.textProvider = ScriptedProvider() }.error == nil)
        let later = ScriptedProvider()
        #expect(await Support.build(project) { $0.textProvider = later; $0.frozen = true }.error == nil)
        #expect(later.requests.isEmpty)
    }

    @Test("--require-approved refuses unapproved artifacts until a person approves them")
    func approval() async throws {
        let project = gappyProject()
        #expect(await Support.build(project) { $0.textProvider = ScriptedProvider() }.error == nil)
        let refused = await Support.build(project) { $0.textProvider = ScriptedProvider(); $0.requireApproved = true }
        #expect(refused.error != nil)
        #expect(refused.diagnostics.contains(
            "content/fen/generated/summary.txt: error: the generated summary is not approved, and the build requires approval\n"
            + "  hint: read it, then set \"approved\": true for 'summary' in content/fen/generated/lock.json (or run `tale generate fen --approve`)"))
        let folder = project.appending(path: "content/fen/generated")
        #expect(try GenerationLock.approveAll(folder: folder).get() == 16)
        #expect(await Support.build(project) { $0.textProvider = ScriptedProvider(); $0.requireApproved = true }.error == nil)
        // A regenerated artifact needs approving again.
        Support.write(gappyBook.replacingOccurrences(of: "loses count", with: "yawns"), to: "content/fen/index.md", in: project)
        let again = await Support.build(project) { $0.textProvider = ScriptedProvider(); $0.requireApproved = true }
        // The new brief re-plans the book: the plan and the 9 texts written from it are refused, so the
        // build stops before any picture is drawn again.
        #expect(again.diagnostics.filter { $0.contains("not approved") }.count == 10)
    }

    @Test("generated text a kids' book may not hold is made again; text that keeps failing is refused and not kept")
    func moderationOfGeneratedText() async throws {
        let project = Support.project(["content/fen/index.md": "---\ntitle: Fen\nage: 3-5\nsummary: A fox.\ntags: [fox]\n---\n\n## Night\n"])
        let clean = "Fen waves at the moon. Then Fen hums a small song as the stars come out one by one."
        let once = ScriptedProvider(answers: ["Fen wants to kill the moon. Then Fen hums a small song as the stars come out one by one.", clean])
        let fixed = await Support.build(project) { $0.textProvider = once }
        #expect(fixed.error == nil, "\(fixed.diagnostics)")
        #expect(once.requests.map(\.kind) == [.plan, .scene, .scene])
        #expect(once.requests.map(\.attempt) == [0, 0, 1])
        #expect(once.requests.last?.problems == ["'kill' (violence) is too strong for a kids' book"], "the reason goes with the next try")
        #expect(fixed.context?.books.first?.scenes.first?.text == clean)

        let other = Support.project(["content/fen/index.md": "---\ntitle: Fen\nage: 3-5\nsummary: A fox.\ntags: [fox]\n---\n\n## Night\n"])
        let always = ScriptedProvider(answers: Array(repeating: "Blood on the moon. Then Fen hums a small song as the stars come out one by one.", count: 5))
        let refused = await Support.build(other) { $0.textProvider = always }
        #expect(refused.error != nil)
        #expect(always.requests.count == 4, "the plan, and the scene three times")
        #expect(refused.diagnostics.first?.hasPrefix(
            "content/fen/index.md:8:1: error: could not generate the text of scene 'night': 3 replies were refused; the last (for scene-night.md) "
            + "because 'Blood' (violence) is too strong for a kids' book") == true, "\(refused.diagnostics)")
        #expect(!FileManager.default.fileExists(atPath: other.appending(path: "content/fen/generated/scene-night.md").path))
    }

    @Test("the embedded storyteller refuses a brief that would put a banned word in a kids' book")
    func moderationOfBriefs() async {
        let project = Support.project(["content/fen/index.md":
            "---\ntitle: Fen\nage: 3-5\nsummary: A fox.\ntags: [fox]\n---\n\n## Night\n\n<!-- write: Fen and the hunter with a gun -->\n"])
        let result = await Support.build(project)
        #expect(result.error != nil)
        #expect(result.diagnostics.contains {
            $0.contains("could not generate the story plan: 3 replies were refused; the last (for plan.json) because 'gun' (violence) is too strong for a kids' book")
        }, "\(result.diagnostics)")
    }

    @Test("the writer's own strong words get warnings with file:line:column, and stay as written")
    func moderationOfWriterText() async throws {
        let project = Support.project(["content/fen/index.md":
            "---\ntitle: Fen\nage: 3-5\nsummary: A fox.\ntags: [fox]\n---\n\n## Night\n\nThe wolf wanted to kill the fox, the stupid wolf.\n"])
        let result = await Support.build(project)
        #expect(result.error == nil)
        #expect(result.diagnostics == [
            "content/fen/index.md:10:20: warning: 'kill' may be too strong for a kids' book (violence, age 3-5)\n"
                + "  hint: Tale leaves your text as written; reword it, or give the book an older `age:` if that fits",
            "content/fen/index.md:10:38: warning: 'stupid' may be too strong for a kids' book (language, age 3-5)\n"
                + "  hint: Tale leaves your text as written; reword it, or give the book an older `age:` if that fits",
        ])
        let html = try String(contentsOf: project.appending(path: "public/books/fen/index.html"), encoding: .utf8)
        #expect(html.contains("The wolf wanted to kill the fox, the stupid wolf."))
    }

    @Test("a book saved with Windows line ends builds, and its warnings name the same places")
    func windowsLineEnds() async throws {
        let source = "---\ntitle: Fen\nage: 3-5\nsummary: A fox.\ntags: [fox]\n---\n\n## Night {colour=red}\n\nThe wolf wanted to kill the fox.\n"
        let unix = Support.project(["content/fen/index.md": source])
        let windows = Support.project(["content/fen/index.md": "\u{FEFF}" + source.replacingOccurrences(of: "\n", with: "\r\n")])
        let expected = [
            "content/fen/index.md:8:11: warning: unknown scene attribute 'colour'\n"
                + "  hint: scene attributes are #id, .ending, mood, effects, sounds, music, art, next",
            "content/fen/index.md:10:20: warning: 'kill' may be too strong for a kids' book (violence, age 3-5)\n"
                + "  hint: Tale leaves your text as written; reword it, or give the book an older `age:` if that fits",
        ]
        for project in [unix, windows] {
            let result = await Support.build(project)
            #expect(result.error == nil)
            #expect(result.diagnostics == expected)
        }
        #expect(Support.tree(unix.appending(path: "public")) == Support.tree(windows.appending(path: "public")))
    }

    @Test("a broken lock is a located error that says how to recover")
    func brokenLock() async {
        let project = gappyProject()
        Support.write("{\"artifacts\": 3}", to: "content/fen/generated/lock.json", in: project)
        let result = await Support.build(project) { $0.textProvider = ScriptedProvider() }
        #expect(result.diagnostics.contains(
            "content/fen/generated/lock.json: error: the file is not a generation lock (a JSON object with an \"artifacts\" list)\n"
            + "  hint: restore the file from version control, or delete content/fen/generated/ to generate again"))
    }

    @Test("book.json carries word count, reading time, reading grade and band, and which scenes were generated")
    func derivedMetadata() async throws {
        let project = gappyProject()
        #expect(await Support.build(project) { $0.textProvider = ScriptedProvider() }.error == nil)
        let data = try Data(contentsOf: project.appending(path: "public/books/fen/book.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let words = try #require(json["wordCount"] as? Int)
        #expect(words > 100)
        #expect(json["readingMinutes"] as? Int == (words + 119) / 120)
        #expect((json["readingGrade"] as? Double ?? 99) < 5)
        #expect(json["readingBand"] as? String == "middle")
        #expect(json["ageTier"] as? String == "kids")
        let scenes = try #require(json["scenes"] as? [[String: Any]])
        #expect(scenes.allSatisfy { $0["generated"] as? Bool == true })
        let library = try String(contentsOf: project.appending(path: "public/index.html"), encoding: .utf8)
        #expect(library.contains("min read · \(words) words"))
    }

    @Test("CLI: tale generate fills gaps without building and approves on request; CI builds are frozen")
    func cli() throws {
        let project = gappyProject()
        let frozen = Support.tale(["build"], in: project, environment: ["CI": "true"])
        #expect(frozen.status == 1)
        #expect(frozen.err.contains("error: the text of scene 'the-hill' needs generating"))
        #expect(!FileManager.default.fileExists(atPath: project.appending(path: "public").path))

        let generated = Support.tale(["generate", "fen"], in: project, environment: ["CI": ""])
        #expect(generated.status == 0, "\(generated.err)")
        #expect(generated.out.contains("Generated for 1 book: generated 16, 0 from the lock"))
        #expect(!FileManager.default.fileExists(atPath: project.appending(path: "public").path), "generate does not build")

        let built = Support.tale(["build"], in: project, environment: ["CI": "true"])
        #expect(built.status == 0, "\(built.err)")
        #expect(built.out.contains("Built 1 book (5 scenes) into public/"))
        #expect(built.out.contains("generated 0, 16 from the lock"))

        let strict = Support.tale(["build", "--require-approved", "--force"], in: project, environment: ["CI": "true"])
        #expect(strict.status == 1)
        let approved = Support.tale(["generate", "--approve"], in: project, environment: ["CI": ""])
        #expect(approved.out.contains("approved 16 artifacts"))
        #expect(Support.tale(["build", "--require-approved"], in: project, environment: ["CI": "true"]).status == 0)

        let unknown = Support.tale(["generate", "fex"], in: project)
        #expect(unknown.status == 1)
        #expect(unknown.err.contains("error: no book 'fex' in content/; did you mean 'fen'?"))
    }
}

@Suite("Generated scenes in the story")
struct GeneratedSceneOrderTests {
    @Test("scenes added after the last written one continue the story: only the last is an ending")
    func addedScenesAreReachable() async throws {
        let project = Support.project(["content/fen/index.md": gappyBook])
        let built = await Support.build(project) { $0.textProvider = ScriptedProvider() }
        let context = try #require(built.context)
        #expect(context.analyses["fen"]?.graph.endings == ["scene-5"])
        #expect(context.analyses["fen"]?.graph.successors["bramble-helps"] == ["scene-4"])
        let data = try Data(contentsOf: project.appending(path: "public/books/fen/book.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["endings"] as? [String] == ["scene-5"])
    }
}
