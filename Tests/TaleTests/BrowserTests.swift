import Foundation
import Testing

@Suite("In a real browser")
struct BrowserTests {
    @Test("every page of the sample library renders in headless Chromium, with JavaScript on and off")
    func samplePages() throws {
        let chromium = "/usr/bin/chromium", driver = "/usr/bin/chromedriver"
        try #require(FileManager.default.isExecutableFile(atPath: chromium) && FileManager.default.isExecutableFile(atPath: driver),
                     "Debian's chromium and chromium-driver are needed; `make test` installs them")
        let site = Support.temporaryFolder("browser").appending(path: "public")
        let build = Support.tale(["build", "--quiet", "--source", Support.packageRoot.path, "--output", site.path])
        #expect(build.status == 0, "\(build.err)")
        let artifacts = Support.artifacts.appending(path: "browser")
        let script = Support.fixtures.deletingLastPathComponent().appending(path: "browser/check_pages.py")
        let result = Support.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script.path, site.path, artifacts.path])
        #expect(result.status == 0, "\(result.out)\(result.err)")
        #expect(result.out.hasSuffix("pages: 4 passed, 0 failed\n"), "\(result.out)")
        for name in ["library-js.png", "library-no-js.png", "pip-and-the-paper-moon-scene.png", "which-way-juniper-cover-no-js.png"] {
            #expect(FileManager.default.fileExists(atPath: artifacts.appending(path: name).path), "no screenshot \(name)")
        }
    }

    @Test("soundtrack and effects: consent, crossfades, mute, ducking, canvas effects, flash limit, rendered music")
    func soundtrack() throws {
        let site = Support.temporaryFolder("soundtrack").appending(path: "public")
        let build = Support.tale(["build", "--quiet", "--source", Support.packageRoot.path, "--output", site.path])
        #expect(build.status == 0, "\(build.err)")
        let artifacts = Support.artifacts.appending(path: "soundtrack")
        let script = Support.fixtures.deletingLastPathComponent().appending(path: "browser/soundtrack_checks.py")
        let result = Support.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script.path, site.path, artifacts.path])
        #expect(result.status == 0, "\(result.out)\(result.err)")
        #expect(result.out.range(of: #"soundtrack: [0-9]+ passed, 0 failed\n$"#, options: .regularExpression) != nil, "\(result.out)")
        for name in ["audio/calm.wav", "audio/tense.wav"] {
            #expect(FileManager.default.fileExists(atPath: artifacts.appending(path: name).path), "no \(name)")
        }
    }

    @Test("the reader: page turning, choices and autosave, read-aloud, settings, accessibility, offline")
    func reader() throws {
        let site = Support.temporaryFolder("reader").appending(path: "public")
        let build = Support.tale(["build", "--quiet", "--source", Support.packageRoot.path, "--output", site.path])
        #expect(build.status == 0, "\(build.err)")
        let artifacts = Support.artifacts.appending(path: "reader")
        let script = Support.fixtures.deletingLastPathComponent().appending(path: "browser/reader_checks.py")
        let result = Support.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script.path, site.path, artifacts.path])
        #expect(result.status == 0, "\(result.out)\(result.err)")
        #expect(result.out.range(of: #"reader: [0-9]+ passed, 0 failed\n$"#, options: .regularExpression) != nil, "\(result.out)")
        for name in ["library-phone.png", "library-desktop.png", "reader-scene-phone.png", "reader-scene-desktop.png"] {
            #expect(FileManager.default.fileExists(atPath: artifacts.appending(path: name).path), "no screenshot \(name)")
        }
    }
}
