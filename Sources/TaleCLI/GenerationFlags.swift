import ArgumentParser
import TaleBuild

/// The generation options `tale build` and `tale serve` share.
struct GenerationFlags: ParsableArguments {
    @Flag(inversion: .prefixedNo,
          help: ArgumentHelp("Use only what content/*/generated/ holds; anything missing is an error. The default when CI is set."))
    var frozen: Bool?

    @Flag(help: "Refuse generated text that no person has approved in its generation lock.")
    var requireApproved = false

    /// Sets the options: `--frozen`/`--no-frozen` when given, else frozen exactly when CI is set.
    func apply(to options: inout BuildOptions) {
        options.frozen = frozen ?? BuildOptions.isContinuousIntegration(options.environment)
        options.requireApproved = requireApproved
    }
}
