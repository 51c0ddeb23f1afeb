/// One way hostile bytes reach Tale, as a function of those bytes. `make fuzz` runs each under
/// libFuzzer, which looks for a crash, a hang or runaway memory; a thrown error or a diagnostic is
/// the right answer to bad input and passes. The same functions replay saved inputs in the tests.
public struct FuzzTarget: Sendable {
    /// The name `tale-fuzz` and `make fuzz` know the target by.
    public let name: String
    /// What the bytes are taken as.
    public let input: String
    /// Runs the bytes through the target.
    public let run: @Sendable ([UInt8]) -> Void

    /// Every target, in the order `make fuzz` runs them.
    public static let all: [FuzzTarget] = [.yaml, .book, .template, .sanitiser, .png]

    /// The target called `name`, if there is one.
    public static func named(_ name: String) -> FuzzTarget? { all.first { $0.name == name } }
}
