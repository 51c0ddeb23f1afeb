import ArgumentParser
import Foundation
import TaleBuild
import TaleServe

/// `tale serve`: build in memory, serve on loopback, rebuild and reload on every save.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the library while you write, reloading on save.",
        discussion: """
        Builds the site into memory (public/ is not touched) and serves it at http://127.0.0.1:1313/. \
        Saving a book, an image, a theme file or tale.yaml rebuilds it and reloads the pages open in a \
        browser. When a build fails, the error shows over the page until the file is fixed; the server \
        keeps running. Press Ctrl-C to stop.
        """
    )

    @OptionGroup var project: ProjectOptions

    @Option(name: [.customShort("p"), .long], help: ArgumentHelp("The port (0 picks a free one).", valueName: "port"))
    var port: Int = 1313

    @Option(help: ArgumentHelp("The address to listen on. Loopback by default, so only this computer can see your drafts.", valueName: "address"))
    var bind: String = "127.0.0.1"

    @Flag(help: "Show books marked `draft: true` too.")
    var drafts = false

    @Flag(name: [.customShort("v"), .long], help: "After each rebuild, say how long every stage took.")
    var verbose = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
        let parts = bind.split(separator: ".")
        guard parts.count == 4, parts.allSatisfy({ UInt8($0) != nil }) else {
            throw ValidationError("--bind takes an IPv4 address, like 127.0.0.1; found '\(bind)'")
        }
    }

    func run() async throws {
        var options = BuildOptions(project: Console.projectURL(project.source))
        options.includeDrafts = drafts
        if bind != "127.0.0.1" {
            Console.err("warning: listening on \(bind): other computers on the network can open this site")
        }
        let server = DevServer(options: options, host: bind, port: UInt16(port), verbose: verbose, log: { Console.out($0) })
        let shown = Console.display(options.project)
        do {
            try await server.run { url in
                Console.out("Serving \(shown) at \(url) (Ctrl-C to stop)")
            }
        } catch {
            Console.err("error: cannot serve on \(bind):\(port): \(error)")
            throw ExitCode(1)
        }
    }
}
