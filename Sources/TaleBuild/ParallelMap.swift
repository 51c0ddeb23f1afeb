import Foundation
import TaleCore
import TaleRender

/// Runs independent work on every core and returns the results in the input's order, so output
/// stays deterministic however the work is scheduled.
enum ParallelMap {
    static func map<Input, Output>(_ items: [Input], _ body: (Input) -> Output) -> [Output] {
        guard items.count > 1 else { return items.map(body) }
        var results = [Output?](repeating: nil, count: items.count)
        results.withUnsafeMutableBufferPointer { slots in
            // Each iteration writes only its own slot, and the inputs are only read.
            nonisolated(unsafe) let base = slots.baseAddress!
            nonisolated(unsafe) let work = body
            nonisolated(unsafe) let inputs = items
            DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
                (base + index).pointee = work(inputs[index])
            }
        }
        return results.map { $0! }
    }
}

/// What one book's work produced, merged into the context afterwards in book order.
final class BookOutputs {
    var outputs: [(String, [UInt8])] = []
    var copies: [(String, SourceCopy)] = []
    var diagnostics = DiagnosticList()

    func emit(_ path: String, copy: SourceCopy) {
        PathPolicy.checkOutputPath(path)
        copies.append((path, copy))
    }

    /// A derived image under its content-hashed media path (returned), copied from its cache file
    /// when that file holds exactly these bytes.
    func emit(derived: DerivedFile) -> String {
        let hash = SHA256.hex(derived.bytes)
        let path = AssetNames.media(sha256: hash, fileExtension: derived.fileExtension)
        if let copy = SourceCopy(derived.file, bytes: derived.bytes, sha256: hash) { emit(path, copy: copy) } else { emit(path, derived.bytes) }
        return path
    }

    func emit(_ path: String, _ bytes: [UInt8]) {
        PathPolicy.checkOutputPath(path)
        outputs.append((path, bytes))
    }

    func emit(_ path: String, text: String) { emit(path, Array(text.utf8)) }
}
