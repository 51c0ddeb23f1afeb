import Foundation
import Testing
import TaleCore
import TaleGenerate
import TaleTestSupport

/// The model path writes like the storyteller: a plan first, then each scene in order with the
/// story so far, every reply checked before it is kept. Against the stand-in service
/// (Fixtures/openai_server.py) on 127.0.0.1.
@Suite("OpenAI-compatible storytelling from a plan")
struct OpenAIStoryTests {
    static let key = "sk-story-canary-31a9"

    private func project(_ server: FakeOpenAIServer, _ scenario: String) -> URL {
        Support.project([
            "tale.yaml": server.taleYAML(scenario),
            "content/moss/index.md": """
            ---
            title: Moss and the Lantern
            age: 3-5
            premise: A small snail must find the lantern before night comes
            tags: [snails]
            characters:
              - name: Moss
                role: hero
                looks: a small green snail
            scenes: 4
            ---

            ## The Dark

            """,
        ])
    }

    /// The chat requests the server saw, in order, with their user message and body.
    private func chats(_ server: FakeOpenAIServer) throws -> [(user: String, body: [String: Any])] {
        try server.requests().filter { ($0["path"] as? String)?.hasSuffix("/chat/completions") == true }.map { request in
            let body = try JSONSerialization.jsonObject(with: Data((request["body"] as! String).utf8)) as! [String: Any]
            let messages = body["messages"] as! [[String: Any]]
            return (messages.last!["content"] as! String, body)
        }
    }

    @Test("the plan is asked for first, as JSON with a schema; scene N's request holds the text of scenes 1 to N-1; titles come from the plan")
    func planThenScenesInOrder() throws {
        let server = try FakeOpenAIServer()
        defer { server.stop() }
        let root = project(server, "story")
        let run = Support.tale(["build", "--no-frozen"], in: root, environment: ["TALE_TEST_KEY": Self.key])
        #expect(run.status == 0, "\(run.err)")
        let requests = try chats(server)
        #expect(requests.count == 5, "one plan and four scenes: \(requests.map(\.user))")
        #expect(requests[0].user.contains("Plan the story"))
        let format = try #require(requests[0].body["response_format"] as? [String: Any])
        #expect(format["type"] as? String == "json_schema")
        // The bodies as sent: fields in the order Tale writes them, nothing absent written as null.
        let sent = try server.requests().filter { ($0["path"] as? String)?.hasSuffix("/chat/completions") == true }.map { $0["body"] as! String }
        #expect(sent[0].hasPrefix("{\"model\":\"test-model\",\"messages\":[{\"role\":\"system\",\"content\":"), "\(sent[0].prefix(80))")
        #expect(sent[0].contains("\"temperature\":0.3,\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"story_plan\",\"schema\":{"))
        #expect(sent[1].hasSuffix("\"temperature\":0.8}"), "\(sent[1].suffix(60))")
        #expect(!sent.contains { $0.contains("null") })
        for scene in 1...4 {
            let user = requests[scene].user
            #expect(user.contains("Write scene \(scene) of 4"), "\(user)")
            #expect(user.contains("\"key_thing\" : \"lantern\""), "the plan goes with every scene")
            #expect(user.contains("- Moss (hero): a small green snail"), "and the character bible")
            for earlier in 1..<scene { #expect(user.contains("clue number \(earlier) under"), "scene \(scene) is told scene \(earlier)") }
            #expect(!user.contains("clue number \(scene) under"))
        }
        let generated = root.appending(path: "content/moss/generated")
        #expect(try String(contentsOf: generated.appending(path: "title-scene-2.txt"), encoding: .utf8) == "Part 2\n")
        let plan = try String(contentsOf: generated.appending(path: "plan.json"), encoding: .utf8)
        #expect(try StoryPlan.decode(plan).get().scenes.count == 4)
        let lock = try String(contentsOf: generated.appending(path: "lock.json"), encoding: .utf8)
        #expect(lock.contains("\"id\": \"plan\""))
        // A second build asks nothing.
        let again = Support.tale(["build", "--no-frozen", "--force"], in: root, environment: ["TALE_TEST_KEY": Self.key])
        #expect(again.status == 0)
        #expect(try chats(server).count == 5)
    }

    @Test("a reply that names a stranger is asked for again, with the reason")
    func strangerAskedAgain() throws {
        let server = try FakeOpenAIServer()
        defer { server.stop() }
        let root = project(server, "stranger-once")
        let run = Support.tale(["build", "--no-frozen"], in: root, environment: ["TALE_TEST_KEY": Self.key])
        #expect(run.status == 0, "\(run.err)")
        let requests = try chats(server)
        #expect(requests.count == 6, "the plan, the refused scene, and four scenes")
        #expect(requests[2].user.contains("Your last reply was refused, because it names 'Bartholomew', who is not in the book; use only these characters: Moss"))
        let scene = try String(contentsOf: root.appending(path: "content/moss/generated/scene-the-dark.md"), encoding: .utf8)
        #expect(!scene.contains("Bartholomew"))
    }

    @Test("a service that keeps breaking the rules fails the build with a located error naming each reason, and the lock stays as it was",
          arguments: [
              ("stranger", "content/moss/index.md:13:1: error: could not generate the text of scene 'the-dark': 3 replies were refused; the last (for scene-the-dark.md) because it names 'Bartholomew', who is not in the book; use only these characters: Moss"),
              ("long", "content/moss/index.md:13:1: error: could not generate the text of scene 'the-dark': 3 replies were refused; the last (for scene-the-dark.md) because it has 480 words, and a scene for this age has at most 150"),
              ("title-paragraph", "content/moss/index.md:1:1: error: could not generate the story plan: 3 replies were refused; the last (for plan.json) because scene 2: the title has 20 words, and a title has at most five; scene 2: the title has 91 characters, and a title has at most 60"),
          ])
    func keepsFailing(scenario: String, error: String) throws {
        let server = try FakeOpenAIServer()
        defer { server.stop() }
        let root = project(server, scenario)
        let lock = root.appending(path: "content/moss/generated/lock.json")
        try FileManager.default.createDirectory(at: lock.deletingLastPathComponent(), withIntermediateDirectories: true)
        let before = "{\n  \"artifacts\": []\n}\n"
        try before.write(to: lock, atomically: true, encoding: .utf8)
        let run = Support.tale(["build", "--no-frozen"], in: root, environment: ["TALE_TEST_KEY": Self.key])
        #expect(run.status == 1)
        #expect(run.err.contains(error), "\(run.err)")
        #expect(try String(contentsOf: lock, encoding: .utf8) == before, "nothing failed is written to the lock")
        #expect(try FileManager.default.contentsOfDirectory(atPath: lock.deletingLastPathComponent().path) == ["lock.json"])
        #expect(!FileManager.default.fileExists(atPath: root.appending(path: "public").path))
    }

    @Test("a service without response_format is asked for the plan again without it, and the reply parsed strictly")
    func noSchema() throws {
        let server = try FakeOpenAIServer()
        defer { server.stop() }
        let root = project(server, "no-schema")
        let run = Support.tale(["build", "--no-frozen"], in: root, environment: ["TALE_TEST_KEY": Self.key])
        #expect(run.status == 0, "\(run.err)")
        let requests = try chats(server)
        #expect(requests[0].body["response_format"] != nil)
        #expect(requests[1].body["response_format"] == nil)
        #expect(requests[1].user.contains("Plan the story"))
    }
}
