import Foundation
import Testing
import TaleTestSupport

@Suite("The release build")
struct ReleaseBuildTests {
    /// The optimised build that `make test` makes before the tests.
    static let releaseBinary = Support.packageRoot.appending(path: ".build/release/tale")

    @Test("tale built with optimisations, as it ships, writes the sample library byte for byte as the debug build does")
    func sameAsDebug() throws {
        // An optimised build may end an array's life right after its last use. A pointer kept by a C
        // library past that (libpng reading a cover) then reads freed memory, which a debug build never shows.
        try #require(FileManager.default.isExecutableFile(atPath: ReleaseBuildTests.releaseBinary.path),
                     "no \(ReleaseBuildTests.releaseBinary.path): make test builds it first (swift build -c release --product tale)")
        var trees: [[String: Data]] = []
        for binary in [Support.taleBinary, ReleaseBuildTests.releaseBinary] {
            let project = Support.temporaryFolder("release-build")
            for item in ["content", "tale.yaml"] {
                try FileManager.default.copyItem(at: Support.packageRoot.appending(path: item), to: project.appending(path: item))
            }
            let result = Support.run(binary, ["build", "--quiet", "--frozen"], in: project)
            #expect(result.status == 0, "\(binary.path) failed: \(result.err)")
            trees.append(Support.tree(project.appending(path: "public")))
        }
        let (debug, release) = (trees[0], trees[1])
        #expect(debug.count > 100)
        let onlyOne = Set(debug.keys).symmetricDifference(release.keys).sorted()
        #expect(onlyOne.isEmpty, "files only one of the builds wrote: \(onlyOne)")
        let differing = debug.keys.filter { release[$0] != nil && release[$0] != debug[$0] }.sorted()
        #expect(differing.isEmpty, "files that differ between the debug and the release build: \(differing)")
    }
}
