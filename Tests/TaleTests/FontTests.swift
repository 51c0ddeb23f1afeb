import Foundation
import Testing
import TaleFont

@Suite("The literacy font")
struct FontTests {
    static let andika = "/usr/share/fonts/truetype/andika/Andika-Regular.ttf"

    func andika() throws -> [UInt8] {
        let data = try #require(FileManager.default.contents(atPath: Self.andika), "Debian's fonts-sil-andika is needed; `make test` installs it")
        return Array(data)
    }

    @Test("a font packed as WOFF unpacks to every one of its tables, byte for byte, and is smaller")
    func roundTrip() throws {
        let bytes = try andika()
        let font = try SFNTFont(bytes)
        #expect(font.flavor == 0x0001_0000)
        #expect(font.tables.map(\.tag).contains("glyf") && font.tables.map(\.tag).contains("GSUB"))
        let woff = try WOFF.encode(font)
        #expect(Array(woff.prefix(4)) == Array("wOFF".utf8))
        #expect(woff.count < bytes.count * 3 / 5, "\(woff.count) of \(bytes.count)")
        let unpacked = try WOFF.decode(woff)
        #expect(unpacked.map(\.tag) == font.tables.map(\.tag).sorted())
        for table in font.tables {
            #expect(unpacked.first { $0.tag == table.tag } == table, "\(table.tag)")
        }
        // totalSfntSize: the header, the directory and every table padded to four bytes.
        let total = woff[16..<20].reduce(0) { $0 << 8 | Int($1) }
        #expect(total == 12 + 16 * font.tables.count + font.tables.reduce(0) { $0 + ($1.bytes.count + 3) / 4 * 4 })
    }

    @Test("a file that is not a font says what is wrong")
    func notAFont() throws {
        #expect(throws: SFNTFontError(message: "it starts with 0x3c3f786d, not an sfnt version")) {
            try SFNTFont(Array("<?xml version=\"1.0\"?>".utf8))
        }
        var cut = try Array(andika().prefix(400))
        cut[4] = 0
        cut[5] = 18
        #expect(throws: SFNTFontError(message: "table 'GDEF' runs past the end of the file")) { try SFNTFont(cut) }
        #expect(throws: SFNTFontError(message: "the file is 3 bytes long")) { try SFNTFont([0, 1, 0]) }
    }

    @Test("the build publishes Andika with its licence and the @font-face rules, and pages link them first")
    func published() async throws {
        let (_, tree) = await CDNOutputTests.built()
        let css = try #require(tree.first { $0.key.hasPrefix("assets/fonts.") && $0.key.hasSuffix(".css") })
        let rules = String(decoding: css.value, as: UTF8.self)
        let faces = rules.matches(of: /src: url\("(fonts\/andika-(regular|bold)\.[0-9a-f]+\.woff)"\) format\("woff"\); font-weight: (\d+); font-style: normal; font-display: swap;/)
        #expect(faces.map { "\($0.2) \($0.3)" } == ["regular 400", "bold 700"], "\(rules)")
        for face in faces {
            let woff = try #require(tree["assets/" + String(face.1)], "\(face.1)")
            #expect(try WOFF.decode(Array(woff)).contains { $0.tag == "name" })
        }
        let licence = try #require(rules.firstMatch(of: /License 1\.1: (fonts\/andika-licence\.[0-9a-f]+\.txt)/)?.1)
        #expect(String(decoding: tree["assets/" + licence] ?? Data(), as: UTF8.self).contains("SIL Open Font License, Version 1.1"))
        let page = CDNOutputTests.text(tree, "index.html")
        #expect(page.contains("<link rel=\"stylesheet\" href=\"\(css.key)\">\n<link rel=\"stylesheet\" href=\"assets/storybook."))
    }
}
