import Testing
import TaleHTML

@Suite("HTML sanitiser")
struct SanitizerTests {
    let sanitizer = HTMLSanitizer()

    static let hostile: [String] = [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<img src=\"javascript:alert(1)\">",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\" \tjavascript:alert(1)\">x</a>",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<a href=\"java\nscript:alert(1)\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
        "<base href=\"https://evil.example/\">",
        "<form action=\"https://evil.example\"><input type=\"text\" name=\"q\"><button>Go</button></form>",
        "<svg><script>alert(1)</script></svg>",
        "<math><mtext><script>alert(1)</script></mtext></math>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<p onclick=\"alert(1)\" onmouseover=\"alert(1)\">x</p>",
        "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
        "<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">",
        "<style>body{background:url(https://evil.example/t.png)}</style>",
        "<img src=\"https://tracker.example/pixel.gif\">",
        "<img src=\"//tracker.example/pixel.gif\">",
        "<template><script>alert(1)</script></template>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<details open ontoggle=alert(1)>x</details>",
        "<a href=\"#ok\" target=\"_blank\" ping=\"https://tracker.example\">x</a>",
        "<video><source onerror=alert(1)></video>",
        "<!--<img src=x onerror=alert(1)>-->",
    ]

    @Test("hostile input leaves nothing that runs or calls another site", arguments: hostile)
    func hostileInput(_ input: String) {
        let output = sanitizer.sanitize(input).html.lowercased()
        for forbidden in ["<script", "javascript:", "vbscript:", "data:text/html", "onerror", "onclick", "onmouseover", "ontoggle",
                          "<iframe", "<object", "<embed", "<base", "<form", "<meta", "<link", "<style", "style=", "evil.example",
                          "tracker.example", "<svg", "<math", "<template", "<video", "ping="] {
            #expect(!output.contains(forbidden), "\(forbidden) survived in \(output)")
        }
        // Comments are dropped without a report; everything else that is taken out is reported.
        if !input.hasPrefix("<!--") { #expect(!sanitizer.sanitize(input).removals.isEmpty) }
    }

    @Test("safe markup passes unchanged")
    func safeMarkup() {
        let input = "<p>Pip <em>ran</em> <a href=\"#den\">home</a> and <a href=\"https://example.org/\">out</a>.</p>"
        let result = sanitizer.sanitize(input)
        #expect(result.html == input)
        #expect(result.removals == [])
    }

    @Test("removals are reported with what and why")
    func removalsReported() {
        let result = sanitizer.sanitize("<p onclick=\"x()\">A<script>y()</script></p>")
        #expect(result.html == "<p>A</p>")
        #expect(result.removals.map(\.description) == ["onclick on <p> (event handlers run scripts)", "<script> (not allowed in a book)"])
    }

    @Test("unknown elements are unwrapped, keeping their text")
    func unknownElements() {
        #expect(sanitizer.sanitize("<p><blink>Hi</blink></p>").html == "<p>Hi</p>")
    }

    @Test("URLs are rewritten through the rewriter")
    func rewriting() {
        let rewriting = HTMLSanitizer { attribute, url in attribute == "src" ? (url == "images/a.png" ? "../../media/1.png" : nil) : url + "#x" }
        let result = rewriting.sanitize("<p><img src=\"images/a.png\" alt=\"A\"><img src=\"images/missing.png\"><a href=\"../b/\">b</a></p>")
        #expect(result.html == "<p><img src=\"../../media/1.png\" alt=\"A\"><a href=\"../b/#x\">b</a></p>")
    }

    @Test("URL schemes are read as a browser reads them")
    func schemes() {
        #expect(URLPolicy.scheme(of: "java\tscript:x") == "javascript")
        #expect(URLPolicy.scheme(of: "images/a:b.png") == nil)
        #expect(URLPolicy.scheme(of: "#a:b") == nil)
        #expect(URLPolicy.isSafeLink("mailto:a@example.org"))
        #expect(!URLPolicy.isLocalResource("//cdn.example/x.png"))
    }
}

@Suite("SVG sanitiser")
struct SVGSanitizerTests {
    @Test("scripts, foreignObject, handlers and outside references are removed")
    func cleans() throws {
        let svg = """
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" onload="alert(1)">
        <script>alert(1)</script>
        <foreignObject><div>x</div></foreignObject>
        <image href="https://evil.example/x.png"/>
        <use xlink:href="#dot"/>
        <a href="javascript:alert(1)"><circle id="dot" r="2" fill="url(#g)"/></a>
        <rect style="fill:url(https://evil.example/p)" width="1" height="1"/>
        </svg>
        """
        let result = try SVGSanitizer.sanitize(svg)
        let output = result.html
        #expect(!output.contains("script"))
        #expect(!output.contains("foreignObject"))
        #expect(!output.contains("onload"))
        #expect(!output.contains("evil.example"))
        #expect(!output.contains("javascript:"))
        #expect(output.contains("xlink:href=\"#dot\""))
        #expect(output.contains("fill=\"url(#g)\""))
        #expect(result.removals.count == 6)
    }

    @Test("outside references are found in any case, and only `url(#` stays")
    func urlsInAnyCase() throws {
        #expect(SVGSanitizer.mentionsURL("fill: URL(x)"))
        #expect(SVGSanitizer.mentionsURL("uRl(#a)"))
        #expect(!SVGSanitizer.mentionsURL("url (x)"))
        #expect(!SVGSanitizer.mentionsURL("curl"))
        #expect(!SVGSanitizer.mentionsURL(""))
        let svg = """
        <svg xmlns="http://www.w3.org/2000/svg"><rect fill="URL(https://evil.example/p)"/><rect fill="Url( #g)"/>\
        <style>circle { fill: uRL(https://evil.example/q) }</style></svg>
        """
        let result = try SVGSanitizer.sanitize(svg)
        #expect(!result.html.contains("evil.example"))
        #expect(result.html.contains("fill=\"Url( #g)\""))
        #expect(result.removals.map(\.what) == ["fill on <rect>", "<style>"])
    }

    @Test("a DOCTYPE, a non-SVG root or broken XML is refused")
    func refuses() {
        #expect(throws: SVGSanitizerError.hasDoctype) {
            try SVGSanitizer.sanitize("<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg xmlns=\"http://www.w3.org/2000/svg\">&x;</svg>")
        }
        #expect(throws: SVGSanitizerError.notSVG(root: "html")) { try SVGSanitizer.sanitize("<html/>") }
        #expect(throws: (any Error).self) { try SVGSanitizer.sanitize("<svg><g></svg>") }
    }
}
