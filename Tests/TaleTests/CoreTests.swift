import Foundation
import Testing
import TaleCore
import TaleImage
import TaleZip

@Suite("Core values")
struct CoreTests {
    @Test("SHA-256 matches FIPS 180-4 test vectors")
    func sha256() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(String(repeating: "a", count: 1_000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test("an Encodable type writes JSONValue's text: keys in the type's order, absent values as null, strings safe in a script")
    func encodableToJSONValue() {
        struct Page: Encodable {
            enum Kind: String, Encodable { case scene }
            struct Picture: Encodable { let src: String, width: Int? }
            let title: String
            let kind: Kind
            let grade: Double
            let ending: Bool
            let summary: String?
            let pictures: [Picture]
            let tags: [String]
            let extra: JSONValue
        }
        let page = Page(title: "</script> & \u{2028}", kind: .scene, grade: 2.5, ending: false, summary: nil,
                        pictures: [Page.Picture(src: "a.svg", width: nil), Page.Picture(src: "b.png", width: 40)], tags: [], extra: .object([("z", .int(1)), ("a", .null)]))
        #expect(JSONValue(encoding: page).text() == #"{"title":"\u003c/script\u003e \u0026 \u2028","kind":"scene","grade":2.5,"ending":false,"#
                + #""summary":null,"pictures":[{"src":"a.svg","width":null},{"src":"b.png","width":40}],"tags":[],"extra":{"z":1,"a":null}}"#)
        #expect(JSONValue(encoding: page).text(indent: 2).hasPrefix("{\n  \"title\": "))
    }

    @Test("libdeflate's gzip reads back, empty or large; a damaged file is refused; CRC-32 matches the check value")
    func deflate() throws {
        #expect(Deflate.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(Deflate.crc32(Array("56789".utf8), continuing: Deflate.crc32(Array("1234".utf8))) == 0xCBF4_3926)
        let large = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 * 7 / 13) }
        for bytes in [[], Array("a".utf8), large] {
            let gzip = try Deflate.gzip(bytes, level: 6)
            #expect(gzip.prefix(2) == [0x1F, 0x8B] && gzip.count < bytes.count + 64)
            #expect(try Deflate.gunzip(gzip) == bytes)
        }
        // A trailer whose size or checksum does not match the contents: refused, not returned.
        var damaged = try Deflate.gzip(large)
        damaged.replaceSubrange((damaged.count - 4)..., with: [1, 0, 0, 0])
        #expect(throws: DeflateError.self) { try Deflate.gunzip(damaged) }
        damaged = try Deflate.gzip(large)
        damaged[damaged.count - 8] ^= 0xFF
        #expect(throws: DeflateError.self) { try Deflate.gunzip(damaged) }
        #expect(throws: DeflateError.self) { try Deflate.gunzip(Array("not gzip".utf8)) }
    }

    @Test("slugs")
    func slugs() {
        #expect(Slug.isValid("pip-and-the-moon"))
        #expect(!Slug.isValid("Pip"))
        #expect(!Slug.isValid("a--b"))
        #expect(!Slug.isValid("-a"))
        #expect(Slug.make(from: "Crème Brûlée & Friends!") == "creme-brulee-friends")
        #expect(Slug.make(from: "Pip's Den") == "pips-den")
    }

    @Test("did-you-mean finds near misses only")
    func suggestions() {
        #expect(Suggestion.closest(to: "forset", among: ["forest", "den"]) == "forest")
        #expect(Suggestion.closest(to: "xyz", among: ["forest", "den"]) == nil)
        #expect(Suggestion.editDistance("ab", "ba") == 1)
    }

    @Test("trimming on the bytes gives what Foundation gives, Unicode spaces included")
    func trimming() {
        let samples = ["", " ", "\n\t \r\n", "Pip", "  Pip sleeps.\n", "\u{00A0}Pip\u{2003}", " \u{0085}Pip ", "Pip\r\n",
                       " é ", "\u{301}a ", "\u{1F98A} fox \u{1F98A}", "a\u{000B}\u{000C}", " \u{3000}"]
        for sample in samples {
            #expect(sample.trimmingWhitespaceAndNewlines() == sample.trimmingCharacters(in: .whitespacesAndNewlines), "\(Array(sample.unicodeScalars))")
        }
    }

    @Test("JSON text is safe inside a script element")
    func jsonEscaping() {
        #expect(JSONValue.string("</script><b>&\u{2028}").text() == "\"\\u003c/script\\u003e\\u003cb\\u003e\\u0026\\u2028\"")
        #expect(JSONValue.object([("a", .int(1)), ("b", .array([.bool(true), .null]))]).text() == "{\"a\":1,\"b\":[true,null]}")
        // Runs between escapes are copied whole; an 0xE2 that does not begin U+2028 or U+2029 stays.
        #expect(JSONValue.quote("Pip \"hid\"\\\n\r\t\u{1}in <p>the</p> den \u{2029}, €5 – ok") ==
                "\"Pip \\\"hid\\\"\\\\\\n\\r\\t\\u0001in \\u003cp\\u003ethe\\u003c/p\\u003e den \\u2029, €5 – ok\"")
    }
}

@Suite("PNG through libpng")
struct PNGTests {
    @Test("encode then decode gives the same pixels")
    func roundTrip() throws {
        var pixels: [UInt8] = []
        for y in 0..<7 { for x in 0..<5 { pixels += [UInt8(x * 50), UInt8(y * 30), 200, UInt8(255 - x * y)] } }
        let image = PNGImage(width: 5, height: 7, pixels: pixels)
        let bytes = try image.encoded()
        #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(try PNGImage(decoding: bytes) == image)
        #expect(try PNGImage.size(of: bytes) == (5, 7))
    }

    @Test("a truncated or non-PNG file is refused")
    func refuses() throws {
        let bytes = try PNGImage(width: 2, height: 2, pixels: [UInt8](repeating: 9, count: 16)).encoded()
        #expect(throws: PNGError.self) { try PNGImage(decoding: Array(bytes.prefix(30))) }
        #expect(throws: PNGError.self) { try PNGImage(decoding: Array("GIF89a".utf8)) }
    }
}

@Suite("UTC time")
struct UTCTimeTests {
    @Test("formats in UTC whatever the time zone")
    func formats() {
        let date = Date(timeIntervalSince1970: 1_369_353_600)
        #expect(UTCTime.rfc3339(date) == "2013-05-24T00:00:00Z")
        #expect(UTCTime.basic(date) == "20130524T000000Z")
    }
}
