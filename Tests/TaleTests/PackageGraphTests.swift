import Foundation
import Testing
import TaleTestSupport

/// Package.swift says what each module may import; the sources say what it does. The two must be
/// the same, so the dependency graph in the manifest is the one a reader can trust.
@Suite("The package graph")
struct PackageGraphTests {
    /// Modules that come with the toolchain or the system, never declared.
    static let system: Set<String> = ["Foundation", "FoundationEssentials", "Glibc", "Dispatch", "Synchronization", "PackagePlugin"]
    /// The modules each package product brings.
    static let productModules: [String: Set<String>] = ["Yams": ["Yams", "CYaml"], "Crypto": ["Crypto"],
                                                        "ArgumentParser": ["ArgumentParser"], "FlyingFox": ["FlyingFox"]]

    /// Each source target's declared dependencies, from `swift package dump-package`: the targets it
    /// names, and for each product it names, the modules that product brings (one of them is enough).
    static func declared() throws -> [String: (targets: Set<String>, products: [Set<String>], path: String)] {
        let swift = URL(fileURLWithPath: "/usr/bin/env")
        // A scratch folder of its own: `swift test` holds the lock on .build while the tests run.
        let scratch = Support.temporaryFolder("dump-package")
        let run = Support.run(swift, ["swift", "package", "--scratch-path", scratch.path, "dump-package"], in: Support.packageRoot)
        try #require(run.status == 0, "\(run.err)")
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        var graph: [String: (targets: Set<String>, products: [Set<String>], path: String)] = [:]
        for target in manifest["targets"] as? [[String: Any]] ?? [] {
            guard let name = target["name"] as? String, ["regular", "executable"].contains(target["type"] as? String) else { continue }
            var targets: Set<String> = [], products: [Set<String>] = []
            for dependency in target["dependencies"] as? [[String: Any]] ?? [] {
                if let byName = dependency["byName"] as? [Any], let module = byName.first as? String { targets.insert(module) }
                if let target = dependency["target"] as? [Any], let module = target.first as? String { targets.insert(module) }
                if let product = dependency["product"] as? [Any], let module = product.first as? String {
                    products.append(productModules[module] ?? [module])
                }
            }
            graph[name] = (targets, products, target["path"] as? String ?? "Sources/\(name)")
        }
        return graph
    }

    /// The modules the sources in `folder` (a target's, from the package root) import: every
    /// `import` line, those under `#if` too.
    static func imported(in folder: String) throws -> Set<String> {
        let folder = Support.packageRoot.appending(path: folder)
        var modules: Set<String> = []
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        for file in files where file.pathExtension == "swift" {
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
                let words = line.split(separator: " ")
                guard let index = words.firstIndex(of: "import"), words[..<index].allSatisfy({ $0.hasPrefix("@") }),
                      index + 1 < words.count else { continue }
                modules.insert(String(words[index + 1]))
            }
        }
        return modules.subtracting(system)
    }

    /// The table under "Which module imports which" in docs/architecture.md: each module's row, to
    /// the names in its second column.
    static func documented() throws -> [String: Set<String>] {
        let text = try String(contentsOf: Support.packageRoot.appending(path: "docs/architecture.md"), encoding: .utf8)
        let section = try #require(text.components(separatedBy: "### Which module imports which").dropFirst().first)
        var graph: [String: Set<String>] = [:]
        for line in section.split(separator: "\n").drop(while: { !$0.hasPrefix("| module") }).dropFirst(2) {
            guard line.hasPrefix("| `") else { break }
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            let names = { (cell: String) in Set(cell.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " `")) }.filter { $0 != "—" }) }
            graph[cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))] = names(cells[1])
        }
        return graph
    }

    @Test("docs/architecture.md lists each module's dependencies as Package.swift declares them")
    func documentedGraph() throws {
        let declared = try Self.declared()
        let documented = try Self.documented()
        #expect(Set(documented.keys) == Set(declared.keys), "modules documented but not declared, or declared but not documented")
        for (target, names) in documented.sorted(by: { $0.key < $1.key }) {
            guard let dependencies = declared[target] else { continue }
            // A product is documented by its name, which the manifest gives as the first of its modules' set.
            let products = Set(dependencies.products.compactMap { modules in Self.productModules.first { $0.value == modules }?.key ?? modules.first })
            #expect(names == dependencies.targets.union(products), "\(target): documented \(names.sorted()), declared \(dependencies.targets.union(products).sorted())")
        }
    }

    @Test("every module imports exactly what Package.swift declares for it")
    func dependenciesMatchImports() throws {
        let graph = try Self.declared()
        #expect(graph.count > 20)
        for (target, declared) in graph.sorted(by: { $0.key < $1.key }) {
            let imported = try Self.imported(in: declared.path)
            let allowed = declared.products.reduce(declared.targets) { $0.union($1) }
            #expect(imported.subtracting(allowed).isEmpty, "\(target) imports \(imported.subtracting(allowed).sorted()) without declaring it")
            #expect(declared.targets.subtracting(imported).isEmpty, "\(target) declares \(declared.targets.subtracting(imported).sorted()) and never imports it")
            for product in declared.products where product.isDisjoint(with: imported) {
                Issue.record("\(target) declares the product of \(product.sorted()) and never imports it")
            }
        }
    }
}
