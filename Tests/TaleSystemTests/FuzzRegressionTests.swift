import Foundation
import Testing
import TaleFuzz
import TaleTestSupport

/// Every input a fuzz target ever crashed, hung or ran out of memory on, kept in
/// `Tests/Fuzz/regressions/<target>/` and run again through the same target in `tale-fuzz`
/// (a debug build, without libFuzzer), in its own process so a crash or a hang fails the test, not the run.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let regressions = Support.packageRoot.appending(path: "Tests/Fuzz/regressions")
    static let program = Support.taleBinary.deletingLastPathComponent().appending(path: "tale-fuzz")
    /// The targets with saved inputs.
    static let saved = ((try? FileManager.default.contentsOfDirectory(atPath: regressions.path)) ?? []).sorted()

    @Test("each saved input runs through its target to the end", arguments: saved)
    func replay(target: String) throws {
        let folder = Self.regressions.appending(path: target)
        let inputs = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        // Under coreutils' timeout, so an input that hangs again fails the test instead of the run; with
        // SIGKILL, since a test's child inherits SIGTERM ignored.
        let run = Support.run(URL(fileURLWithPath: "/usr/bin/timeout"), ["-s", "KILL", "120", Self.program.path, target, folder.path])
        #expect(run.status == 0, "\(run.status == 137 ? "still running after 120 s" : run.err)")
        #expect(run.out == "\(target): \(inputs.count) inputs ran\n")
    }

    @Test("the saved inputs are for targets that exist, and tale-fuzz names its targets when asked for another")
    func targets() throws {
        #expect(Set(Self.saved).isSubset(of: FuzzTarget.all.map(\.name)), "\(Self.saved)")
        #expect(Self.saved.contains("book") && Self.saved.contains("template"))
        let run = Support.run(Self.program, ["markdown"])
        #expect(run.status == 2)
        #expect(run.err == """
            usage: tale-fuzz <target> [inputs...]
            targets:
              yaml: front matter and tale.yaml
              book: a book's index.md
              template: a theme template
              sanitiser: raw HTML and SVG
              png: a PNG picture

            """)
    }
}
