import Foundation
import Testing
import TaleImage
import TaleRender

@Suite("Home-screen icons and the web app manifest")
struct AppIconTests {
    @Test("the manifest lists the SVG and PNG icons Tale painted, and the pages name the apple-touch-icon")
    func icons() async throws {
        let (_, tree) = await CDNOutputTests.built()
        let manifest = try #require(try JSONSerialization.jsonObject(with: tree["manifest.webmanifest"]!) as? [String: Any])
        let icons = try #require(manifest["icons"] as? [[String: String]])
        #expect(icons.map { [$0["sizes"]!, $0["type"]!, $0["purpose"] ?? "any"] } == [
            ["any", "image/svg+xml", "any"], ["192x192", "image/png", "any"], ["512x512", "image/png", "any"],
            ["512x512", "image/png", "maskable"],
        ])
        let page = CDNOutputTests.text(tree, "index.html")
        let touch = try #require(page.firstMatch(of: /<link rel="apple-touch-icon" href="(assets\/icon180\.[0-9a-f]+\.png)">/)?.1)
        var files = icons.dropFirst().map { ($0["src"]!, Int($0["sizes"]!.prefix(3))!) }
        files.append((String(touch), 180))
        for (path, size) in files {
            let image = try PNGImage(decoding: Array(try #require(tree[path], "\(path) is published")))
            #expect(image.width == size && image.height == size, "\(path)")
            // The theme colour in the corner, the book's cream page near the middle.
            #expect(Array(image.pixels[0..<3]) == [0xb4, 0x44, 0x1c], "\(path) corner")
            let middle = ((size / 2) * size + size * 2 / 5) * 4
            #expect(Array(image.pixels[middle..<middle + 3]) == [0xfb, 0xf6, 0xec], "\(path) middle")
        }
    }

    @Test("the name under the icon fits in 12 characters and ends on a whole word", arguments: [
        ("Tale Sample Library", "Tale Sample"), ("Bedtime", "Bedtime"), ("  Stories  ", "Stories"),
        ("Supercalifragilistic Tales", "Supercalifra"), ("Our Twelve C", "Our Twelve C"),
    ])
    func shortName(title: String, expected: String) {
        #expect(WebAppFiles.shortName(title) == expected)
    }
}
