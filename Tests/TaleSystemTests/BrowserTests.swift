import Foundation
import Testing
import TaleTestSupport

@Suite("In a real browser")
struct BrowserTests {
    /// Builds the sample library into a temporary folder, runs `Tests/TaleSystemTests/browser/<script>` on it, and
    /// expects it to pass with its closing line `<summary>: N passed, 0 failed` and to leave `artifacts` behind.
    func runBrowserChecks(_ script: String, summary: String, artifacts folder: String, expecting files: [String]) throws {
        let chromium = "/usr/bin/chromium", driver = "/usr/bin/chromedriver"
        try #require(FileManager.default.isExecutableFile(atPath: chromium) && FileManager.default.isExecutableFile(atPath: driver),
                     "Debian's chromium and chromium-driver are needed; `make test` installs them")
        let site = Support.temporaryFolder(folder).appending(path: "public")
        let build = Support.tale(["build", "--quiet", "--frozen", "--source", Support.packageRoot.path, "--output", site.path])
        #expect(build.status == 0, "\(build.err)")
        let artifacts = Support.artifacts.appending(path: folder)
        let path = Support.browserScripts.appending(path: "\(script)")
        let result = Support.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", path.path, site.path, artifacts.path])
        #expect(result.status == 0, "\(result.out)\(result.err)")
        #expect(result.out.range(of: "\(summary): [0-9]+ passed, 0 failed\n$", options: .regularExpression) != nil, "\(result.out)")
        for name in files {
            #expect(FileManager.default.fileExists(atPath: artifacts.appending(path: name).path), "no \(name) in \(artifacts.path)")
        }
    }

    @Test("every page of the sample library renders in headless Chromium, with JavaScript on and off")
    func samplePages() throws {
        try runBrowserChecks("check_pages.py", summary: "pages", artifacts: "browser",
                             expecting: ["library-js.png", "library-no-js.png", "pip-and-the-paper-moon-scene.png", "which-way-juniper-cover-no-js.png"])
    }

    @Test("soundtrack and effects: consent, crossfades, mute, ducking, recordings, canvas effects, flash limit, rendered music")
    func soundtrack() throws {
        try runBrowserChecks("soundtrack_checks.py", summary: "soundtrack", artifacts: "soundtrack",
                             expecting: ["audio/calm.wav", "audio/tense.wav"])
    }

    @Test("the reader on a phone: the picture fills the screen, effects fit it, progress lasts, endings lead on, read-aloud speaks")
    func phone() throws {
        try runBrowserChecks("phone_checks.py", summary: "phone", artifacts: "phone",
                             expecting: ["phone-scene.png", "phone-choice-bottom.png", "phone-ending.png", "effects-first-visit-phone.png"])
    }

    @Test("the reader: page turning, choices and autosave, read-aloud, settings, accessibility, offline")
    func reader() throws {
        try runBrowserChecks("reader_checks.py", summary: "reader", artifacts: "reader",
                             expecting: ["library-phone.png", "library-desktop.png", "reader-scene-phone.png", "reader-scene-desktop.png"])
    }
}
