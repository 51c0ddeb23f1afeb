import ArgumentParser
import TaleBuild

/// `tale`: the root command; each job is a subcommand.
@available(macOS 10.15, macCatalyst 13, iOS 13, tvOS 13, watchOS 6, *)
public struct TaleCommand: AsyncParsableCommand {
    /// Describes the command tree for `--help`.
    public static let configuration = CommandConfiguration(
        commandName: "tale",
        abstract: "Build illustrated, interactive storybooks from Markdown.",
        discussion: """
        A project holds books in content/<slug>/index.md (Markdown with YAML front matter), an \
        optional tale.yaml, and optional theme overrides in themes/. `tale build` writes the site \
        into public/, ready for any static host or object storage behind a CDN.

        Start a book:   tale new the-brave-fox --title "The Brave Fox"
        Check it:       tale check
        Build the site: tale build
        Publish it:     tale publish s3://my-bucket/books --region eu-west-1
        """,
        version: TaleVersion.current,
        subcommands: [BuildCommand.self, CheckCommand.self, NewCommand.self, GenerateCommand.self, ExportCommand.self, ServeCommand.self, CuesCommand.self, PublishCommand.self]
    )

    /// Required by ArgumentParser.
    public init() {}

    /// Parses the command line and runs the chosen command, awaiting it when it is asynchronous.
    /// (From a `main.swift`, `main()` resolves to ArgumentParser's synchronous entry point.)
    public static func runFromCommandLine() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}

/// The version `tale --version` prints.
public enum TaleVersion {
    /// Semantic version of this build of Tale.
    public static let current = "0.1.0"
}

/// Options every command that reads a project shares.
struct ProjectOptions: ParsableArguments {
    @Option(name: [.customShort("s"), .long], help: ArgumentHelp("The project folder (holding content/).", valueName: "dir"))
    var source: String = "."

    /// Options for a command that builds in memory and writes only its own file (`export`,
    /// `check --print`): nothing goes to public/, and nothing is prepared for publishing.
    func inMemoryBuild(drafts: Bool) -> BuildOptions {
        var options = BuildOptions(project: Console.projectURL(source))
        options.includeDrafts = drafts
        options.checkOnly = true
        options.forPublishing = false
        return options
    }
}
