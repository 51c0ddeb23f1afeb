import Foundation
import Testing
import TaleImage
import TaleZip
import TaleTestSupport

/// Hostile and careless projects, made at run time: `tale check` and `tale build` each run under a
/// 1 GiB address-space and 5 s CPU limit (prlimit), exit 1 (never a signal), report the same
/// located errors, and publish nothing.
@Suite("Hostile input")
struct HostileInputTests {
    /// One hostile project: the files to write and the first error both commands must print.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var files: [String: String]
        var error: String
        var binaries: [String: [UInt8]] = [:]
        /// Symbolic links to make: the link's path in the project, and where it points.
        var links: [String: String] = [:]
        var testDescription: String { name }
    }

    static let book = "content/fox/index.md"

    static func bomb(levels: Int, indent: String = "") -> String {
        var lines = ["\(indent)a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...levels {
            lines.append("\(indent)a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n")
    }

    /// A whole 64x64 PNG, made by Tale's own encoder.
    static let png: [UInt8] = try! PNGImage(width: 64, height: 64, pixels: (0..<(64 * 64 * 4)).map { UInt8($0 % 251) }).encoded()

    /// A PNG whose header says 60000x60000 (10.8 GB decoded) before a few bytes of data.
    static var bombPNG: [UInt8] {
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            let body = Array(type.utf8) + data
            let length = UInt32(data.count), crc = Deflate.crc32(body)
            return [24, 16, 8, 0].map { UInt8((length >> $0) & 0xFF) } + body + [24, 16, 8, 0].map { UInt8((crc >> $0) & 0xFF) }
        }
        let side: [UInt8] = [0, 0, 0xEA, 0x60]
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", side + side + [8, 6, 0, 0, 0])
            + chunk("IDAT", [0x78, 0x9C, 0x03, 0x00]) + chunk("IEND", [])
    }

    static let pictureBook = "---\ntitle: Fox\ncover: images/t.png\n---\n\n## Fox\n\n![A fox](images/t.png)\n\nText.\n"

    static let cases: [Case] = [
        Case(name: "a truncated PNG as cover and picture",
             files: [book: pictureBook],
             error: "content/fox/images/t.png: error: the picture is cut short or damaged: not a valid PNG: ",
             binaries: ["content/fox/images/t.png": Array(png.prefix(png.count / 2))]),
        Case(name: "a 60000x60000 PNG",
             files: [book: pictureBook],
             error: "content/fox/images/t.png: error: the picture is 60000x60000 pixels; Tale takes pictures of at most 40 megapixels (used at content/fox/index.md:3:8)",
             binaries: ["content/fox/images/t.png": bombPNG]),
        Case(name: "an alias bomb in front matter",
             files: [book: "---\ntitle: Fox\n" + bomb(levels: 9) + "\n---\n\nText.\n"],
             error: "content/fox/index.md:3:5: error: YAML anchors and aliases (`&a0`, `*a0`) are not allowed in front matter"),
        Case(name: "an alias bomb in tale.yaml",
             files: ["tale.yaml": "title: Site\n" + bomb(levels: 9), book: "---\ntitle: Fox\n---\n\nText.\n"],
             error: "tale.yaml:2:5: error: YAML anchors and aliases (`&a0`, `*a0`) are not allowed in tale.yaml"),
        Case(name: "YAML nested 10,000 deep",
             files: [book: "---\ntitle: Fox\ntags: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n---\n"],
             error: "content/fox/index.md:3:8: error: YAML nested more than 16 levels deep in front matter"),
        Case(name: "a 70,000-character heading",
             files: [book: "---\ntitle: Fox\n---\n\n## " + String(repeating: "Long ", count: 14_000) + "\n\nText.\n"],
             error: "content/fox/index.md:5:1: error: this heading is 69999 characters; a scene heading holds at most 200"),
        Case(name: "quotes nested 5,000 deep",
             files: [book: "---\ntitle: Fox\n---\n\n## Deep\n\n" + String(repeating: ">", count: 5_000) + " hello\n"],
             error: "content/fox/index.md:7:5002: error: the Markdown here nests 5002 levels deep; Tale reads at most 32"),
        Case(name: "raw HTML nested 300 deep, past libxml2's limit for the EPUB",
             files: [book: "---\ntitle: Fox\n---\n\n## Deep\n\n" + String(repeating: "<div>", count: 300) + "deep" + String(repeating: "</div>", count: 300) + "\n"],
             error: "content/fox/index.md:5:1: error: this scene's HTML nests 255 elements deep; a scene holds at most 128"),
        Case(name: "a NUL byte, which cut the book short there",
             files: [book: "---\ntitle: Fox\n---\n\n## One\n\nÜber \u{0}\n\n## Two {#t!}\n"],
             error: "content/fox/index.md:7:6: error: the file holds a NUL character here, which is not text"),
        Case(name: "a sound that is a link out of the project",
             files: [book: "---\ntitle: Fox\n---\n\n## Storm {sounds=thunder}\n\nThunder rolled.\n"],
             error: "content/fox/sounds/thunder.mp3: error: the sound file is a link out of the book's folder",
             links: ["content/fox/sounds/thunder.mp3": "/etc/hostname"]),
        Case(name: "a 3 MB scene",
             files: [book: "---\ntitle: Fox\n---\n\n## Long\n\n" + String(repeating: String(repeating: "The fox ran. ", count: 50) + "\n\n", count: 4_600)],
             error: "content/fox/index.md:5:1: error: this scene is 2999210 bytes; a scene holds at most 524288 (512 KiB)"),
        Case(name: "10,000 scenes",
             files: [book: "---\ntitle: Fox\n---\n\n" + (1...10_000).map { "## Scene \($0)\n\nText.\n" }.joined(separator: "\n")],
             error: "content/fox/index.md:4005:1: error: a book holds at most 1000 scenes; this heading starts scene 1001 of 10000"),
    ]

    @Test("check and build refuse it alike, within limits, and publish nothing", arguments: cases)
    func refused(_ hostile: Case) throws {
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/prlimit"), "prlimit comes with util-linux")
        let project = Support.project(hostile.files)
        for (path, bytes) in hostile.binaries {
            let url = project.appending(path: path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        for (path, target) in hostile.links {
            let url = project.appending(path: path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
        }
        let output = project.appending(path: "public")
        var firsts: [String] = []
        for command in ["check", "build"] {
            let run = Support.run(URL(fileURLWithPath: "/usr/bin/prlimit"),
                                  ["--as=1073741824", "--cpu=5", Support.taleBinary.path, command, "--source", project.path],
                                  environment: ["CI": ""])
            #expect(run.status == 1, "tale \(command) exited \(run.status): \(run.err.prefix(400))")
            let errors = run.err.split(separator: "\n").filter { $0.contains(": error: ") }
            #expect(errors.first?.hasPrefix(hostile.error) == true, "tale \(command): \(run.err.prefix(600))")
            firsts.append(errors.joined(separator: "\n"))
        }
        #expect(firsts[0] == firsts[1], "check and build disagree")
        #expect(!FileManager.default.fileExists(atPath: output.path), "a refused build wrote public/")
    }
}
