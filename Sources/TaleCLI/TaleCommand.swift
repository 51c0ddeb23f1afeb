import ArgumentParser

/// `tale`: the root command; each job is a subcommand.
public struct TaleCommand: ParsableCommand {
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
        """,
        version: TaleVersion.current,
        subcommands: [BuildCommand.self, CheckCommand.self, NewCommand.self]
    )

    /// Required by ArgumentParser.
    public init() {}
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
}
