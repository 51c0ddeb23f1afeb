import Testing
import TaleAnalyse
import TaleCore

@Suite("Branch graph")
struct BranchGraphTests {
    func analyse(_ text: String) throws -> (graph: BranchGraph, diagnostics: [String]) {
        let (book, parseDiagnostics) = parseBook(text)
        #expect(parseDiagnostics == [])
        var diagnostics = DiagnosticList()
        let graph = BranchGraph.analyse(try #require(book), diagnostics: &diagnostics)
        return (graph, diagnostics.sorted.map(\.description))
    }

    @Test("branches that rejoin, with two endings")
    func branchAndRejoin() throws {
        let (graph, diagnostics) = try analyse("""
        ---
        title: A
        ---

        ## Start

        - [River](#river)
        - [Hill](#hill)

        ## River {next=gate}

        R

        ## Hill

        H

        ## Gate

        - [Door](#door)
        - [Garden](#garden)

        ## Door {.ending}

        D

        ## Garden {.ending}

        G
        """)
        #expect(diagnostics == [])
        #expect(graph.successors["start"] == ["river", "hill"])
        #expect(graph.successors["river"] == ["gate"])
        #expect(graph.successors["hill"] == ["gate"])
        #expect(graph.endings == ["door", "garden"])
        #expect(graph.reachable == ["start", "river", "hill", "gate", "door", "garden"])
    }

    @Test("an unknown choice target is an error with a did-you-mean")
    func unknownChoice() throws {
        let (_, diagnostics) = try analyse("---\ntitle: A\n---\n\n## Den\n\n- [Go](#forset)\n- [Stay](#den)\n\n## Forest\n\nF\n")
        #expect(diagnostics == [
            "content/fox/index.md:7:8: error: unknown scene 'forset' in choice; did you mean 'forest'?\n"
                + "  hint: a choice must link to a scene id in this book: den, forest",
            "content/fox/index.md:10:1: warning: scene 'forest' is never reached: no scene leads to it\n"
                + "  hint: add a choice that links to #forest, or set next=forest on the scene before it",
        ])
    }

    @Test("an unknown next is an error")
    func unknownNext() throws {
        let (_, diagnostics) = try analyse("---\ntitle: A\n---\n\n## Den {next=nowhere}\n\nD\n")
        #expect(diagnostics == [
            "content/fox/index.md:5:14: error: unknown scene 'nowhere' in next\n  hint: `next=` must name a scene id in this book: den",
        ])
    }

    @Test("a plain link to an unknown scene is a warning")
    func unknownLink() throws {
        let (_, diagnostics) = try analyse("---\ntitle: A\n---\n\n## Den\n\nSee [the den](#dne).\n")
        #expect(diagnostics == [
            "content/fox/index.md:7:15: warning: link to unknown scene 'dne'; did you mean 'den'?\n  hint: link to one of: den",
        ])
    }

    @Test("a scene after an ending is unreachable")
    func unreachableAfterEnding() throws {
        let (graph, diagnostics) = try analyse("---\ntitle: A\n---\n\n## One {.ending}\n\nA\n\n## Two\n\nB\n")
        #expect(graph.reachable == ["one"])
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasPrefix("content/fox/index.md:9:1: warning: scene 'two' is never reached") == true)
    }
}
