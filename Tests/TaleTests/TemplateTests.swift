import Foundation
import Testing
import TaleCore
import TaleRender
import TaleTestSupport

@Suite("Templates")
struct TemplateTests {
    /// `main` (and the other named templates) rendered over `context`.
    func render(_ main: String, _ context: TemplateObject = [:], partials: [String: String] = [:]) throws -> String {
        var set = TemplateSet()
        try set.add(main, named: "main", file: "main.mustache")
        for (name, text) in partials { try set.add(text, named: name, file: "\(name).mustache") }
        return set.render("main", context)
    }

    /// The error `main` gives, as printed.
    func error(_ main: String, partials: [String: String] = [:]) -> String? {
        var set = TemplateSet()
        do throws(Diagnostic) {
            try set.add(main, named: "main", file: "main.mustache")
            for (name, text) in partials { try set.add(text, named: name, file: "\(name).mustache") }
        } catch {
            return error.description
        }
        return (set.missingPartial() ?? set.endlessPartial())?.description
    }

    @Test("{{name}} escapes & < > \" ' for HTML; {{{name}}} and {{&name}} do not; numbers, flags and missing names")
    func interpolation() throws {
        let context: TemplateObject = ["a": "<b>\"x\" & 'y'</b> ü", "n": 0, "t": true, "f": false, "list": ["x"]]
        #expect(try render("{{a}}|{{{a}}}|{{& a }}", context)
            == "&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt; ü|<b>\"x\" & 'y'</b> ü|<b>\"x\" & 'y'</b> ü")
        #expect(try render("{{n}}|{{t}}|{{f}}|{{missing}}|{{list}}|{{ n }}", context) == "0|true|false|||0")
    }

    @Test("names are looked up from the innermost section out; a dotted name looks for its rest only inside what its first part finds")
    func names() throws {
        let context: TemplateObject = ["site": ["title": "S"], "book": ["title": "B", "cover": ["alt": "C"]], "title": "Top"]
        #expect(try render("{{#book}}{{title}}/{{site.title}}/{{book.cover.alt}}/{{cover.alt}}{{/book}} {{title}}", context) == "B/S/C/C Top")
        // `a` is found in the inner object, which has no `x`: the outer `a.x` is not used.
        #expect(try render("{{#inner}}[{{a.x}}]{{/inner}}", ["a": ["x": "outer"], "inner": ["a": ["y": "1"]]]) == "[]")
        #expect(try render("[{{book.missing.alt}}][{{nothing.at.all}}]", context) == "[][]")
    }

    @Test("sections: once per item of a list, once over an object, text or number (even 0), when true; never when false, missing or empty")
    func sections() throws {
        let context: TemplateObject = ["items": ["a", "b"], "empty": [], "yes": true, "no": false, "zero": 0, "text": "t",
                                       "object": ["k": "v"], "name": "outer"]
        #expect(try render("{{#items}}<{{.}}>{{/items}}", context) == "<a><b>")
        #expect(try render("{{#yes}}{{name}}{{/yes}}{{#no}}x{{/no}}{{#missing}}x{{/missing}}{{#empty}}x{{/empty}}", context) == "outer")
        #expect(try render("{{#zero}}[{{.}}]{{/zero}}{{#text}}[{{.}}]{{/text}}{{#object}}[{{k}}]{{/object}}", context) == "[0][t][v]")
        #expect(try render("{{^no}}1{{/no}}{{^missing}}2{{/missing}}{{^empty}}3{{/empty}}{{^yes}}x{{/yes}}{{^items}}x{{/items}}{{^zero}}x{{/zero}}", context) == "123")
        // Nested lists, each item over the one outside it.
        #expect(try render("{{#rows}}{{#cells}}{{.}}{{sep}}{{/cells}};{{/rows}}", ["sep": ",", "rows": [["cells": ["1", "2"]], ["cells": ["3"]]]]) == "1,2,;3,;")
    }

    @Test("a section, closing, comment or partial tag alone on its line takes the line with it, \\n or \\r\\n; inline tags keep their spaces")
    func standaloneLines() throws {
        let context: TemplateObject = ["items": ["a", "b"]]
        #expect(try render("<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n  {{! a comment }}\n</ul>\n", context)
            == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
        #expect(try render("<ul>\r\n\t{{#items}}\r\n<li>{{.}}</li>\r\n{{/items}}\r\n</ul>", context) == "<ul>\r\n<li>a</li>\r\n<li>b</li>\r\n</ul>")
        #expect(try render(" {{#items}}{{.}}{{/items}} \n", context) == " ab \n")
        #expect(try render("a\n{{^items}}\nnone\n{{/items}}", context) == "a\n")
        #expect(try render("{{! one\nline and another }}x", context) == "x")
    }

    @Test("a partial alone on an indented line is indented line by line; the data it shows is not")
    func partials() throws {
        let partials = ["item": "<p>{{{text}}}</p>\n<p>end</p>\n", "inline": "[{{text}}]"]
        #expect(try render("<div>\n  {{> item}}\n</div>\n", ["text": "x\ny"], partials: partials) == "<div>\n  <p>x\ny</p>\n  <p>end</p>\n</div>\n")
        #expect(try render("a {{>inline}} b", ["text": "t"], partials: partials) == "a [t] b")
        // A partial that includes itself stops, and whatever data it reaches renders.
        let tree: TemplateObject = ["name": "root", "children": [["name": "leaf", "children": []]]]
        #expect(try render("{{> node}}", tree, partials: ["node": "{{name}}({{#children}}{{> node}}{{/children}})"]) == "root(leaf())")
        #expect(try render("{{> loop}}", [:], partials: ["loop": "x{{> loop}}"]).count == 64)
        // Inside a section over data that never runs out (a string is its own `.`), a partial that
        // includes itself twice would double 64 times; the render stops entering partials at 64 MiB.
        let kilobyte = String(repeating: "k", count: 1024)
        let doubling = try render("{{> twice}}", ["s": "x"], partials: ["twice": "{{#s}}\(kilobyte){{> twice}}{{> twice}}{{/s}}"])
        #expect(doubling.utf8.count >= 64 * 1_048_576 && doubling.utf8.count < 65 * 1_048_576)
        // Twice inside a list section, writing nothing: 2^64 renders of nothing, until a million nodes.
        #expect(try render("{{> quiet}}", ["scenes": [1, 2]], partials: ["quiet": "{{#scenes}}{{> quiet}}{{> quiet}}{{/scenes}}"]) == "")
    }

    @Test("{{=<% %>=}} changes the delimiters until the next change")
    func delimiters() throws {
        #expect(try render("{{=<% %>=}}<% a %> {{a}}\n<%={{ }}=%>{{a}}", ["a": "1"]) == "1 {{a}}\n1")
        #expect(try render("[\n{{=| |=}}\n|a|\n|={{ }}=|\n]", ["a": "1"]) == "[\n1\n]")
    }

    @Test("a broken template is an error at its line and column, saying how to fix it")
    func errors() {
        #expect(error("ok\n  {{#scenes}}\n{{title}}\n") == """
            main.mustache:2:3: error: section 'scenes' is never closed
              hint: add {{/scenes}} where it ends
            """)
        #expect(error("{{#a}}\n{{#b}}{{/a}}{{/b}}") == """
            main.mustache:2:7: error: this closes 'a', but the section open here is 'b' (opened at 2:1)
              hint: close 'b' with {{/b}} first
            """)
        #expect(error("x {{/a}}") == """
            main.mustache:1:3: error: 'a' is closed here but no section of that name is open
              hint: remove this tag, or open the section with {{#a}} before it
            """)
        #expect(error("é {{title}\n") == """
            main.mustache:1:3: error: this tag is never closed
              hint: end it with '}}'
            """)
        #expect(error("{{ upper(title) }}") == """
            main.mustache:1:1: error: 'upper(title)' is not a name
              hint: Tale's templates take plain names; transforms such as upper(name) are not supported
            """)
        #expect(error("{{<base}}{{/base}}") == """
            main.mustache:1:1: error: template inheritance ('{{<…') is not supported
              hint: Tale's themes use partials ({{> name}}) to share parts between templates
            """)
        #expect(error("{{}}") == """
            main.mustache:1:1: error: this tag names nothing
              hint: write a name, such as {{title}}, {{book.title}} or {{.}}
            """)
        #expect(error("{{=<%>=}}") == """
            main.mustache:1:1: error: a delimiter tag needs two delimiters apart, such as {{=<% %>=}}
              hint: write the new opening and closing delimiters with a space between them
            """)
        #expect(error("<p>\n{{> fotter}}\n", partials: ["footer": "f"]) == """
            main.mustache:2:1: error: no template named 'fotter' for this partial
              hint: the theme's templates are footer, main; add templates/fotter.mustache or correct the name
            """)
        #expect(error("{{> a}}", partials: ["a": "x{{> b}}", "b": "{{#list}}{{/list}}{{> a}}{{> a}}"]) == """
            a.mustache:1:2: error: the template 'a' includes itself (through 'b') outside any section, so it would never end
              hint: put the partial inside a section whose data runs out, such as {{#children}}{{>b}}{{/children}}
            """)
        #expect(error("<p>{{>main}}</p>") == """
            main.mustache:1:4: error: the template 'main' includes itself outside any section, so it would never end
              hint: put the partial inside a section whose data runs out, such as {{#children}}{{>main}}{{/children}}
            """)
        #expect(error("{{> node}}", partials: ["node": "{{name}}({{#children}}{{> node}}{{/children}})"]) == nil)
    }

    @Test("a theme's template that does not parse stops the build with its place and a hint, and leaves the last output as it was")
    func brokenThemeTemplate() async throws {
        let project = Support.copyFixture("basic")
        let output = project.appending(path: "public")
        #expect(await Support.build(project, output: output).error == nil)
        let before = Support.tree(output)
        Support.write("<footer>\n{{#site}}{{title}}\n</footer>\n", to: "themes/storybook/templates/footer.mustache", in: project)
        let built = await Support.build(project, output: output)
        #expect(built.diagnostics == ["themes/storybook/templates/footer.mustache:2:1: error: section 'site' is never closed\n  hint: add {{/site}} where it ends"])
        #expect(built.error != nil)
        #expect(Support.tree(output) == before)
    }

    @Test("the drawn cover's templates are its own and the partials it reaches, through partials of partials; all of them when one does not parse")
    func coverTemplates() throws {
        var set = TemplateSet()
        try set.add("<svg>{{> badge}}{{#age}}{{> star}}{{/age}}</svg>", named: "cover.svg", file: "cover.svg.mustache")
        try set.add("<g>{{> star}}{{> dot}}</g>", named: "badge", file: "badge.mustache")
        try set.add("<path/>", named: "star", file: "star.mustache")
        try set.add("<circle/>", named: "dot", file: "dot.mustache")
        try set.add("<p>{{> badge}}</p>", named: "book", file: "book.mustache")
        #expect(set.reached(from: "cover.svg") == ["cover.svg", "badge", "star", "dot"])
        #expect(set.reached(from: "dot") == ["dot"])

        let project = Support.project([
            "themes/storybook/templates/cover.svg.mustache": "<svg>{{> badge}}</svg>\n",
            "themes/storybook/templates/badge.mustache": "<g>{{title}}</g>\n",
        ])
        let themes = project.appending(path: "themes")
        #expect(PageRenderer.coverTemplateFiles(of: try Theme.load(named: "storybook", projectThemes: themes))
                == ["templates/cover.svg.mustache", "templates/badge.mustache"])
        let bundled = try Theme.load(named: "storybook", projectThemes: project.appending(path: "no-themes"))
        #expect(PageRenderer.coverTemplateFiles(of: bundled) == ["templates/cover.svg.mustache"])
        Support.write("<g>{{#title}}</g>\n", to: "themes/storybook/templates/badge.mustache", in: project)
        let broken = try Theme.load(named: "storybook", projectThemes: themes)
        #expect(PageRenderer.coverTemplateFiles(of: broken) == Set(broken.files.keys.filter { $0.hasPrefix("templates/") }))
    }
}
