import TaleCore

/// The story's shape: which scene can follow which. Built from `next=`, choices, `.ending` and
/// file order, and checked: an unknown target is an error (a warning for a plain `#` link in the
/// text), a scene nothing reaches is a warning.
public struct BranchGraph: Sendable, Equatable {
    /// For each scene id, the ids that can follow it, in order.
    public var successors: [String: [String]]
    /// Scene ids reachable from the first scene, in file order.
    public var reachable: [String]
    /// Ids of scenes that end the story (`.ending`, or the last scene with nowhere to go).
    public var endings: [String]

    /// Builds and checks the graph of `book`.
    public static func analyse(_ book: Book, diagnostics: inout DiagnosticList) -> BranchGraph {
        let ids = book.scenes.map(\.id)
        let known = Set(ids)
        var successors: [String: [String]] = [:]
        for (index, scene) in book.scenes.enumerated() {
            var next: [String] = []
            for choice in scene.choices {
                if known.contains(choice.target) {
                    next.append(choice.target)
                } else {
                    diagnostics.error(choice.location, "unknown scene '\(choice.target)' in choice\(Suggestion.didYouMean(choice.target, among: ids))",
                                      hint: "a choice must link to a scene id in this book: \(ids.joined(separator: ", "))")
                }
            }
            if let target = scene.next {
                if !known.contains(target) {
                    diagnostics.error(scene.nextLocation ?? scene.location,
                                      "unknown scene '\(target)' in next\(Suggestion.didYouMean(target, among: ids))",
                                      hint: "`next=` must name a scene id in this book: \(ids.joined(separator: ", "))")
                } else if scene.choices.isEmpty && !scene.isEnding {
                    next.append(target)
                }
            } else if scene.choices.isEmpty, !scene.isEnding, index + 1 < book.scenes.count {
                next.append(book.scenes[index + 1].id)
            }
            if scene.isEnding { next = [] }
            successors[scene.id] = next
            for link in scene.links where link.destination.hasPrefix("#") {
                let target = String(link.destination.dropFirst())
                if !known.contains(target) {
                    diagnostics.warning(link.location, "link to unknown scene '\(target)'\(Suggestion.didYouMean(target, among: ids))",
                                        hint: "link to one of: \(ids.joined(separator: ", "))")
                }
            }
        }
        var seen: Set<String> = []
        var stack = ids.first.map { [$0] } ?? []
        while let id = stack.popLast() {
            guard seen.insert(id).inserted else { continue }
            stack.append(contentsOf: (successors[id] ?? []).reversed())
        }
        for scene in book.scenes where !seen.contains(scene.id) {
            diagnostics.warning(scene.location, "scene '\(scene.id)' is never reached: no scene leads to it",
                                hint: "add a choice that links to #\(scene.id), or set next=\(scene.id) on the scene before it")
        }
        let endings = book.scenes.filter { (successors[$0.id] ?? []).isEmpty }.map(\.id)
        return BranchGraph(successors: successors, reachable: ids.filter(seen.contains), endings: endings)
    }
}
