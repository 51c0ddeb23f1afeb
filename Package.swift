// swift-tools-version:6.0
import PackageDescription

/// One set of Swift settings for every Tale target.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Tale",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tale", targets: ["tale"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // C libraries from Debian, one module map each; each is imported by exactly one Swift wrapper.
        // Every target's dependencies are exactly what its sources import (PackageGraphTests).
        .systemLibrary(name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
                       providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CLibPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CLibDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),
        .systemLibrary(name: "CEspeakNG", pkgConfig: "espeak-ng", providers: [.apt(["libespeak-ng-dev"])]),
        // Not a library: the Linux renameat2 system call, for swapping the output folder atomically.
        .systemLibrary(name: "CAtomicRename"),
        // Not a library: libFuzzer's driver, in the toolchain, linked only by `make fuzz` (Tests/Fuzz/run).
        .systemLibrary(name: "CLibFuzzer"),

        .target(name: "TaleCore", dependencies: [.product(name: "Crypto", package: "swift-crypto")], swiftSettings: swiftSettings),
        .target(name: "TaleMarkdown",
                dependencies: ["TaleCore", "CCmarkGFM", .product(name: "Yams", package: "Yams")],
                swiftSettings: swiftSettings),
        .target(name: "TaleHTML", dependencies: ["CLibXML2"], swiftSettings: swiftSettings),
        .target(name: "TaleImage", dependencies: ["TaleCore", "CLibPNG", "TaleZip"], swiftSettings: swiftSettings),
        .target(name: "TaleHTTP", dependencies: ["CCurl"], swiftSettings: swiftSettings),
        .target(name: "TaleZip", dependencies: ["CLibDeflate"], swiftSettings: swiftSettings),
        .target(name: "TaleFont", dependencies: ["TaleZip"], swiftSettings: swiftSettings),
        .target(name: "TaleGenerate", dependencies: ["TaleCore", "TaleAnalyse", "TaleHTTP", "TaleImage"], swiftSettings: swiftSettings),
        .target(name: "TaleAnalyse", dependencies: ["TaleCore"], swiftSettings: swiftSettings),
        .target(name: "TaleRender",
                dependencies: ["TaleCore"],
                swiftSettings: swiftSettings,
                plugins: ["EmbedTheme"]),
        .target(name: "TaleSpeech", dependencies: ["CEspeakNG"], swiftSettings: swiftSettings),
        .target(name: "TalePDF", dependencies: ["TaleCore", "TaleImage", "TaleZip"], swiftSettings: swiftSettings),
        .target(name: "TalePrint", dependencies: ["TaleCore", "TaleHTML", "TaleImage", "TalePDF", "TaleZip"], swiftSettings: swiftSettings),
        .target(name: "TaleEPUB", dependencies: ["TaleCore", "TaleHTML", "TaleRender", "TaleZip"], swiftSettings: swiftSettings),
        .target(name: "TaleOutput", dependencies: ["TaleCore", "CAtomicRename"], swiftSettings: swiftSettings),
        .target(name: "TaleBuild",
                dependencies: ["TaleCore", "TaleMarkdown", "TaleHTML", "TaleImage", "TaleAnalyse", "TaleRender", "TaleZip", "TaleGenerate", "TaleEPUB",
                               "TaleSpeech", "TalePrint", "TaleFont", "TaleOutput"],
                swiftSettings: swiftSettings),
        .target(name: "TalePublish",
                dependencies: ["TaleCore", "TaleHTTP", "TaleHTML", "TaleOutput", .product(name: "Crypto", package: "swift-crypto")],
                swiftSettings: swiftSettings),
        .target(name: "TaleServe",
                dependencies: ["TaleBuild", "TaleCore", "TaleOutput", "TaleRender", .product(name: "FlyingFox", package: "FlyingFox")],
                swiftSettings: swiftSettings),
        .target(name: "TaleCLI",
                dependencies: ["TaleBuild", "TaleCore", "TaleEPUB", "TaleGenerate", "TaleHTTP", "TaleOutput", "TalePrint", "TalePublish", "TaleRender", "TaleServe",
                               .product(name: "ArgumentParser", package: "swift-argument-parser")],
                swiftSettings: swiftSettings),
        .executableTarget(name: "tale", dependencies: ["TaleCLI"], swiftSettings: swiftSettings),

        // Fuzzing: the targets, and one program that runs them under libFuzzer (make fuzz) or replays inputs.
        .target(name: "TaleFuzz", dependencies: ["TaleCore", "TaleMarkdown", "TaleHTML", "TaleImage", "TaleRender"],
                swiftSettings: swiftSettings),
        .executableTarget(name: "tale-fuzz", dependencies: ["TaleFuzz", "CLibFuzzer"], swiftSettings: swiftSettings),

        // Build-time embedding of the bundled themes in themes/ into TaleRender.
        .executableTarget(name: "ThemeEmbedder", swiftSettings: swiftSettings),
        .plugin(name: "EmbedTheme", capability: .buildTool(), dependencies: ["ThemeEmbedder"]),

        // What every test target shares: paths, fixture copies, in-process builds, running `tale`.
        .target(name: "TaleTestSupport", dependencies: ["TaleBuild", "TaleCore", "TaleImage"], path: "Tests/TaleTestSupport",
                swiftSettings: swiftSettings),
        // Unit, in-process build and CLI tests: the developer's loop (`swift test --filter TaleTests`).
        .testTarget(name: "TaleTests",
                    dependencies: ["TaleTestSupport", "TaleCore", "TaleMarkdown", "TaleHTML", "TaleImage", "TaleHTTP",
                                   "TaleAnalyse", "TaleRender", "TaleBuild", "TaleCLI", "TaleZip", "TalePublish", "TaleServe", "TaleGenerate", "TaleEPUB", "TaleSpeech", "TalePDF", "TalePrint", "TaleFont", "TaleFuzz",
                                   .product(name: "FlyingFox", package: "FlyingFox")],
                    exclude: ["Fixtures"],
                    swiftSettings: swiftSettings),
        // Tests of the whole system: a real browser, `tale serve`, the release build against the debug
        // one, publishing to a real S3 server, and the fuzz regressions through `tale-fuzz`.
        .testTarget(name: "TaleSystemTests",
                    dependencies: ["TaleTestSupport", "TaleCore", "TaleBuild", "TalePublish", "TaleServe", "TaleHTTP", "TaleImage", "TaleFuzz",
                                   .product(name: "FlyingFox", package: "FlyingFox")],
                    exclude: ["browser"],
                    swiftSettings: swiftSettings),
    ]
)
