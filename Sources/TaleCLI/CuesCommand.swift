import ArgumentParser
import TaleBuild
import TaleCore

/// `tale cues <slug>`: the cue map as a table, with why each cue was chosen.
struct CuesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cues",
        abstract: "Show a book's sound and effect cues, with reasons.",
        discussion: "Change what the analysis chose with heading attributes: mood=, music=, sounds=, effects= (or none)."
    )

    @OptionGroup var project: ProjectOptions

    @Argument(help: ArgumentHelp("The book's slug (its folder in content/).", valueName: "slug"))
    var slug: String

    func run() async throws {
        var options = BuildOptions(project: Console.projectURL(project.source))
        options.checkOnly = true
        options.includeDrafts = true
        let runner = BuildRunner(.check, reporter: Console.reporter(quiet: true, verbose: false))
        let context: BuildContext
        do { context = try await runner.run(options) } catch { throw ExitCode(Console.fail(error)) }
        guard let map = context.analyses[slug]?.cues else {
            let known = context.analyses.keys.sorted()
            Console.err("error: no book '\(slug)' in content/\(Suggestion.didYouMean(slug, among: known)); books: \(known.joined(separator: ", "))")
            throw ExitCode(1)
        }
        for line in CueTable.lines(map) { Console.out(line) }
    }
}

/// The text `tale cues` prints.
enum CueTable {
    static func lines(_ map: CueMap) -> [String] {
        var rows: [[String]] = [["scene", "mood", "music", "sounds", "effects"]]
        for scene in map.scenes {
            let mood = "\(scene.mood.mood.rawValue) \(String(format: "%.2f", scene.mood.intensity))"
            let music = scene.music.map { "\($0.theme) \($0.key) \($0.mode) \($0.tempo) bpm" } ?? "-"
            let sounds = scene.sounds.isEmpty ? "-" : scene.sounds.map { "\($0.name)@\($0.word)" }.joined(separator: " ")
            let effects = scene.effects.isEmpty ? "-" : scene.effects.map { effect in
                "\(effect.effect.rawValue)@\(effect.start)" + (effect.end.map { "-\($0)" } ?? "")
            }.joined(separator: " ")
            rows.append([scene.scene, mood, music, sounds, effects])
        }
        let widths = (0..<5).map { column in rows.map { $0[column].count }.max() ?? 0 }
        var lines = ["Cues for \(map.book) (soundtrack \(map.soundtrack.rawValue), effects \(map.effects.rawValue))", ""]
        for row in rows {
            lines.append(row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index] + 2, withPad: " ", startingAt: 0)
            }.joined())
        }
        lines += ["", "Why:"]
        for scene in map.scenes {
            var reasons = ["mood \(scene.mood.mood.rawValue): \(scene.mood.reason)"]
            reasons += scene.sounds.map { "sound \($0.name): \($0.reason)" }
            reasons += scene.effects.map { "effect \($0.effect.rawValue): \($0.reason)" }
            if scene.music == nil { reasons.append(map.soundtrack == .off ? "no music: soundtrack: off" : "no music: music=none") }
            lines.append("  \(scene.scene): " + reasons.joined(separator: "; "))
        }
        lines += ["", "Hazards: " + (map.hazards.isEmpty ? "none" : map.hazards.joined(separator: ", "))]
        return lines
    }
}
