import Foundation
import TaleCore
import TaleHTML
import TaleRender
import TaleZip

/// How an EPUB lays out its pages.
public enum EPUBLayout: String, Sendable, CaseIterable {
    /// Text that flows to fit the screen (the default).
    case reflowable
    /// One scene per fixed page, picture and words placed as in the web reader.
    case fixed
}

/// Why a book could not be made into an EPUB.
public struct EPUBError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public var description: String

    /// A failure.
    public init(description: String) { self.description = description }
}

/// Makes an EPUB 3 from a rendered book: one XHTML content document per scene (checked as XML
/// with libxml2 before it is zipped), a navigation document, the cover, the pictures, metadata
/// with a stable identifier and schema.org accessibility properties, and choices as links
/// between scene documents. The same book always gives the same bytes.
public struct EPUBBuilder: Sendable {
    /// The book as rendered for the web.
    public var view: BookView
    /// Bytes of the site's files by path (`media/<hash>.svg`), for the pictures.
    public var files: @Sendable (String) -> [UInt8]?
    /// The site's base URL, for links to other books.
    public var baseURL: String
    /// Reflowable or fixed.
    public var layout: EPUBLayout
    /// `dcterms:modified`: the book's date, else SOURCE_DATE_EPOCH, as `CCYY-MM-DDThh:mm:ssZ`.
    public var modified: String

    /// A builder.
    public init(view: BookView, files: @escaping @Sendable (String) -> [UInt8]?, baseURL: String, layout: EPUBLayout, modified: String) {
        self.view = view
        self.files = files
        self.baseURL = baseURL
        self.layout = layout
        self.modified = modified
    }

    /// The stable identifier of a book: a name-based UUID from the site and the slug.
    public static func identifier(baseURL: String, slug: String) -> String {
        var bytes = Array(SHA256.hex("tale-epub\u{0}\(baseURL)\u{0}\(slug)").utf8.prefix(32))
        // Version 5 and the RFC 4122 variant, in hex digits.
        bytes[12] = UInt8(ascii: "5")
        let variant = "89ab"
        let nibble = Int(String(UnicodeScalar(bytes[16])), radix: 16) ?? 0
        bytes[16] = Array(variant.utf8)[nibble % 4]
        let hex = String(decoding: bytes, as: UTF8.self)
        let parts = [hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4), hex.dropFirst(16).prefix(4), hex.dropFirst(20)]
        return "urn:uuid:" + parts.joined(separator: "-")
    }

    /// The EPUB's bytes.
    public func make() throws(EPUBError) -> [UInt8] {
        var documents: [(name: String, text: String)] = []
        var images: [String: String] = [:]  // site path -> path in the EPUB
        var audio: [String: String] = [:]  // site path -> path in the EPUB
        var overlays: [(scene: String, smil: String)] = []
        func imagePath(_ sitePath: String) -> String {
            if let known = images[sitePath] { return known }
            let name = "images/" + (sitePath as NSString).lastPathComponent
            images[sitePath] = name
            return name
        }
        let book = view.book
        let matter = book.frontMatter
        documents.append(("cover.xhtml", page(title: matter.title, body: """
            <section epub:type="cover" class="cover" aria-label="\(XMLEscape.string(matter.title))">
            <img src="\(imagePath(view.cover.path))" alt="\(XMLEscape.string(view.cover.alt))"/>
            <h1>\(XMLEscape.string(matter.title))</h1>
            \(matter.author.map { "<p class=\"byline\">by \(XMLEscape.string($0))</p>" } ?? "")
            </section>
            """)))
        for (index, sceneView) in view.scenes.enumerated() {
            let scene = sceneView.scene
            let narration = sceneView.narration
            let title = scene.title ?? matter.title
            let titleWords = title.split(whereSeparator: \.isWhitespace).count
            var body = "<section epub:type=\"chapter\" id=\"\(scene.id)\" aria-labelledby=\"\(scene.id)-title\">\n"
            body += "<h2 id=\"\(scene.id)-title\">\(narration == nil ? XMLEscape.string(title) : EPUBBuilder.spans(title, from: 0))</h2>\n"
            if let picture = sceneView.illustration {
                body += "<figure class=\"art\"><img src=\"\(imagePath(picture.path))\" alt=\"\(XMLEscape.string(picture.alt))\"/></figure>\n"
            }
            if narration != nil {
                // Read-along: the text as the narration reads it, every word an element the overlay can point at.
                var next = titleWords
                body += "<div class=\"words\">\n"
                for paragraph in scene.text.components(separatedBy: "\n\n") where !paragraph.isEmpty {
                    body += "<p>\(EPUBBuilder.spans(paragraph, from: next))</p>\n"
                    next += paragraph.split(whereSeparator: \.isWhitespace).count
                }
            } else {
                body += "<div class=\"words\">\n" + rewriteLinks(XHTML.fragment(sceneView.html), image: imagePath) + "\n"
            }
            if !scene.choices.isEmpty {
                body += "<ul class=\"choices\">\n" + scene.choices.map {
                    "<li><a href=\"\(EPUBBuilder.document(for: $0.target))\">\(XMLEscape.string($0.label))</a></li>"
                }.joined(separator: "\n") + "\n</ul>\n"
            } else if let next = sceneView.next {
                let following = index + 1 < view.scenes.count ? view.scenes[index + 1].scene.id : nil
                if next != following {
                    body += "<p class=\"turn\"><a href=\"\(EPUBBuilder.document(for: next))\">Turn the page</a></p>\n"
                }
            }
            if view.endings.contains(scene.id) { body += "<p class=\"the-end\">The End</p>\n" }
            body += "</div>\n</section>"
            documents.append((EPUBBuilder.document(for: scene.id), page(title: scene.title ?? matter.title, body: body)))
            if let narration {
                audio[narration.audio] = "audio/" + (narration.audio as NSString).lastPathComponent
                overlays.append((scene.id, overlay(scene.id, narration: narration, audio: audio[narration.audio]!)))
            }
        }
        documents.append(("nav.xhtml", navigation()))
        for document in documents + overlays.map({ (EPUBBuilder.overlayName($0.scene), $0.smil) }) {
            if let problem = XHTML.problem(in: document.text) {
                throw EPUBError(description: "\(document.name) is not well-formed XML: \(problem)")
            }
        }
        var zip = ZipWriter()
        do {
            try zip.add("mimetype", Array("application/epub+zip".utf8), compress: false)
            try zip.add("META-INF/container.xml", Array(EPUBBuilder.container.utf8))
            try zip.add("EPUB/package.opf", Array(package(documents: documents.map(\.name), images: images, audio: audio).utf8))
            try zip.add("EPUB/style.css", Array(style.utf8))
            for document in documents { try zip.add("EPUB/" + document.name, Array(document.text.utf8)) }
            for overlay in overlays { try zip.add("EPUB/" + EPUBBuilder.overlayName(overlay.scene), Array(overlay.smil.utf8)) }
            for (sitePath, name) in audio.sorted(by: { $0.value < $1.value }) {
                guard let bytes = files(sitePath) else { throw EPUBError(description: "the narration \(sitePath) was not made") }
                try zip.add("EPUB/" + name, bytes, compress: false)
            }
            for (sitePath, name) in images.sorted(by: { $0.value < $1.value }) {
                guard let bytes = files(sitePath) else { throw EPUBError(description: "the picture \(sitePath) was not rendered") }
                try zip.add("EPUB/" + name, bytes, compress: !name.hasSuffix(".png"))
            }
        } catch let failure as EPUBError {
            throw failure
        } catch {
            throw EPUBError(description: "zip: \(error)")
        }
        return zip.finished()
    }

    /// `text`'s words as `<span id="w<n>">`, numbered from `first`.
    static func spans(_ text: String, from first: Int) -> String {
        text.split(whereSeparator: \.isWhitespace).enumerated().map { "<span id=\"w\(first + $0.offset)\">\(XMLEscape.string(String($0.element)))</span>" }
            .joined(separator: " ")
    }

    /// The Media Overlay document of scene `id`.
    static func overlayName(_ id: String) -> String { "s-\(id).smil" }

    /// A clock value: `0:00:18.306`.
    static func clock(_ milliseconds: Int) -> String {
        let seconds = milliseconds / 1000
        return String(format: "%d:%02d:%02d.%03d", seconds / 3600, (seconds / 60) % 60, seconds % 60, milliseconds % 1000)
    }

    /// The SMIL that reads scene `id` word by word.
    func overlay(_ id: String, narration: NarrationView, audio: String) -> String {
        let document = EPUBBuilder.document(for: id)
        let pars = narration.words.indices.map { index in
            "<par id=\"p\(index)\"><text src=\"\(document)#w\(index)\"/><audio src=\"\(audio)\" "
                + "clipBegin=\"\(EPUBBuilder.clock(narration.timings[index]))\" clipEnd=\"\(EPUBBuilder.clock(narration.timings[index + 1]))\"/></par>"
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <smil xmlns="http://www.w3.org/ns/SMIL" xmlns:epub="http://www.idpf.org/2007/ops" version="3.0">
            <body>
            <seq id="seq-\(id)" epub:textref="\(document)#\(id)" epub:type="chapter">
            \(pars.joined(separator: "\n"))
            </seq>
            </body>
            </smil>

            """
    }

    /// The content document of scene `id`.
    static func document(for id: String) -> String { "s-\(id).xhtml" }

    /// Links inside the book point at scene documents; links to other books at their pages on the
    /// site (or lose their link when the site's URL is not absolute); inline pictures into `images/`.
    /// One pass over the bytes, for `href="…"` and `src="../../media/…"` (Swift's regular
    /// expressions made this most of an EPUB's cost).
    func rewriteLinks(_ xhtml: String, image: (String) -> String) -> String {
        let bytes = Array(xhtml.utf8)
        let href = Array("href=\"".utf8), media = Array("src=\"../../media/".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 256)
        var copied = 0, index = 0
        let sceneIDs = Set(view.scenes.map(\.scene.id))
        /// The index of the quote that ends a value starting at `start`.
        func closingQuote(from start: Int) -> Int? { bytes[start...].firstIndex(of: UInt8(ascii: "\"")) }
        func starts(_ prefix: [UInt8], at index: Int) -> Bool {
            index + prefix.count <= bytes.count && bytes[index..<index + prefix.count].elementsEqual(prefix)
        }
        while index < bytes.count {
            let first = bytes[index]
            if first == UInt8(ascii: "h"), starts(href, at: index), let close = closingQuote(from: index + href.count) {
                let target = String(decoding: bytes[(index + href.count)..<close], as: UTF8.self)
                var replacement: String?
                if target.hasPrefix("#"), sceneIDs.contains(String(target.dropFirst())) {
                    // A scene; other fragments (footnotes) stay in their document.
                    replacement = EPUBBuilder.document(for: String(target.dropFirst()))
                } else if target.hasPrefix("../") {
                    let absolute = baseURL.hasPrefix("http") ? baseURL + "books/" + target.dropFirst(3) : nil
                    replacement = absolute.map { XMLEscape.string($0) } ?? "#"
                }
                if let replacement {
                    out.append(contentsOf: bytes[copied..<index])
                    out.append(contentsOf: "href=\"\(replacement)\"".utf8)
                    copied = close + 1
                }
                index = close + 1
            } else if first == UInt8(ascii: "s"), starts(media, at: index), let close = closingQuote(from: index + media.count) {
                let path = "media/" + String(decoding: bytes[(index + media.count)..<close], as: UTF8.self)
                out.append(contentsOf: bytes[copied..<index])
                out.append(contentsOf: "src=\"\(image(path))\"".utf8)
                copied = close + 1
                index = close + 1
            } else {
                index += 1
            }
        }
        out.append(contentsOf: bytes[copied...])
        return String(decoding: out, as: UTF8.self)
    }

    func page(title: String, body: String) -> String {
        let language = view.book.frontMatter.language
        let viewport = layout == .fixed ? "\n<meta name=\"viewport\" content=\"width=1200, height=800\"/>" : ""
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="\(language)" lang="\(language)">
            <head>
            <meta charset="utf-8"/>\(viewport)
            <title>\(XMLEscape.string(title))</title>
            <link rel="stylesheet" type="text/css" href="style.css"/>
            </head>
            <body class="\(layout.rawValue)">
            \(body)
            </body>
            </html>

            """
    }

    func navigation() -> String {
        let items = view.scenes.map { scene in
            "<li><a href=\"\(EPUBBuilder.document(for: scene.scene.id))\">\(XMLEscape.string(scene.scene.title ?? view.book.frontMatter.title))</a></li>"
        }.joined(separator: "\n")
        return page(title: "Contents", body: """
            <nav epub:type="toc" id="toc" role="doc-toc" aria-labelledby="toc-title">
            <h1 id="toc-title">Contents</h1>
            <ol>
            <li><a href="cover.xhtml">Cover</a></li>
            \(items)
            </ol>
            </nav>
            <nav epub:type="landmarks" hidden="hidden">
            <ol>
            <li><a epub:type="cover" href="cover.xhtml">Cover</a></li>
            <li><a epub:type="bodymatter" href="\(EPUBBuilder.document(for: view.scenes.first?.scene.id ?? ""))">Start reading</a></li>
            </ol>
            </nav>
            """)
    }

    static let container = """
        <?xml version="1.0" encoding="UTF-8"?>
        <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
        <rootfiles>
        <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
        </rootfiles>
        </container>

        """

    func package(documents: [String], images: [String: String], audio: [String: String]) -> String {
        let matter = view.book.frontMatter
        var metadata = [
            "<dc:identifier id=\"pub-id\">\(EPUBBuilder.identifier(baseURL: baseURL, slug: view.book.slug))</dc:identifier>",
            "<dc:title>\(XMLEscape.string(matter.title))</dc:title>",
            "<dc:language>\(matter.language)</dc:language>",
        ]
        if let author = matter.author { metadata.append("<dc:creator>\(XMLEscape.string(author))</dc:creator>") }
        if let date = matter.date { metadata.append("<dc:date>\(date)</dc:date>") }
        if let summary = matter.summary { metadata.append("<dc:description>\(XMLEscape.string(summary))</dc:description>") }
        for tag in matter.tags { metadata.append("<dc:subject>\(XMLEscape.string(tag))</dc:subject>") }
        metadata.append("<meta property=\"dcterms:modified\">\(modified)</meta>")
        metadata += ["textual", "visual"].map { "<meta property=\"schema:accessMode\">\($0)</meta>" }
        metadata.append("<meta property=\"schema:accessModeSufficient\">textual</meta>")
        metadata += ["alternativeText", "structuralNavigation", "tableOfContents", "readingOrder"].map {
            "<meta property=\"schema:accessibilityFeature\">\($0)</meta>"
        }
        let narrated = view.scenes.compactMap { scene in scene.narration.map { (scene.scene.id, $0) } }
        if !narrated.isEmpty {
            metadata.append("<meta property=\"schema:accessMode\">auditory</meta>")
            metadata.append("<meta property=\"schema:accessibilityFeature\">synchronizedAudioText</meta>")
            for (id, narration) in narrated {
                metadata.append("<meta property=\"media:duration\" refines=\"#mo-\(id)\">\(EPUBBuilder.clock(narration.timings.last ?? 0))</meta>")
            }
            metadata.append("<meta property=\"media:duration\">\(EPUBBuilder.clock(narrated.reduce(0) { $0 + ($1.1.timings.last ?? 0) }))</meta>")
            metadata.append("<meta property=\"media:active-class\">-epub-media-overlay-active</meta>")
        }
        // The EPUB holds still pictures, text and at most a voice reading it: none of the web reader's effects or sounds.
        metadata.append("<meta property=\"schema:accessibilityHazard\">none</meta>")
        let pictures = view.scenes.filter { $0.illustration != nil }.count
        metadata.append("<meta property=\"schema:accessibilitySummary\">\(XMLEscape.string("A picture book of \(view.scenes.count) scenes; every one of its \(pictures) pictures has a text description, and every page's words are text."))</meta>")
        if layout == .fixed {
            metadata += ["<meta property=\"rendition:layout\">pre-paginated</meta>", "<meta property=\"rendition:spread\">none</meta>"]
        }
        var manifest = ["<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>",
                        "<item id=\"style\" href=\"style.css\" media-type=\"text/css\"/>"]
        var spine: [String] = []
        let overlaid = Dictionary(uniqueKeysWithValues: narrated.map { (EPUBBuilder.document(for: $0.0), $0.0) })
        for (index, name) in documents.enumerated() where name != "nav.xhtml" {
            let overlay = overlaid[name].map { " media-overlay=\"mo-\($0)\"" } ?? ""
            manifest.append("<item id=\"page-\(index)\" href=\"\(name)\" media-type=\"application/xhtml+xml\"\(overlay)/>")
            spine.append("<itemref idref=\"page-\(index)\"/>")
        }
        for (id, _) in narrated {
            manifest.append("<item id=\"mo-\(id)\" href=\"\(EPUBBuilder.overlayName(id))\" media-type=\"application/smil+xml\"/>")
        }
        for (index, name) in audio.values.sorted().enumerated() {
            manifest.append("<item id=\"audio-\(index)\" href=\"\(name)\" media-type=\"audio/mpeg\"/>")
        }
        let coverImage = images[view.cover.path]
        for (index, name) in images.values.sorted().enumerated() {
            let type = name.hasSuffix(".svg") ? "image/svg+xml" : name.hasSuffix(".png") ? "image/png" : name.hasSuffix(".gif") ? "image/gif" : "image/jpeg"
            manifest.append("<item id=\"image-\(index)\" href=\"\(name)\" media-type=\"\(type)\"\(name == coverImage ? " properties=\"cover-image\"" : "")/>")
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="pub-id" xml:lang="\(matter.language)">
            <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
            \(metadata.joined(separator: "\n"))
            </metadata>
            <manifest>
            \(manifest.joined(separator: "\n"))
            </manifest>
            <spine>
            \(spine.joined(separator: "\n"))
            </spine>
            </package>

            """
    }

    var style: String {
        let base = """
            body { font-family: Georgia, "DejaVu Serif", serif; line-height: 1.5; margin: 0 5%; }
            h1, h2 { line-height: 1.2; }
            figure.art { margin: 1em 0; text-align: center; }
            figure.art img, .cover img { max-width: 100%; max-height: 60vh; }
            .cover { text-align: center; }
            .choices { list-style: none; padding: 0; }
            .choices li { margin: 0.6em 0; }
            .the-end { font-style: italic; font-size: 1.4em; text-align: center; }
            .-epub-media-overlay-active { background: #ffe08a; border-radius: 0.2em; }

            """
        guard layout == .fixed else { return base }
        return base + """
            body.fixed { width: 1200px; height: 800px; margin: 0; overflow: hidden; }
            body.fixed section { display: block; width: 1200px; height: 800px; }
            body.fixed h2 { float: right; width: 500px; margin: 40px 40px 0 0; }
            body.fixed figure.art { float: left; width: 600px; height: 760px; margin: 20px; }
            body.fixed figure.art img { width: 600px; max-height: 760px; }
            body.fixed .words { margin-left: 660px; padding: 40px 40px 0 0; font-size: 26px; }

            """
    }
}
