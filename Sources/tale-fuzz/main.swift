// tale-fuzz: the fuzz targets in TaleFuzz as one program.
//   tale-fuzz <target> [libFuzzer flags] [corpus folders]   built by `make fuzz` (Tests/Fuzz/run), with libFuzzer
//   tale-fuzz <target> <file or folder>...                   any other build: runs saved inputs once each
import Foundation
import TaleFuzz
#if TALE_FUZZ
import CLibFuzzer
#endif

/// The target named on the command line, or else in `TALE_FUZZ_TARGET` (so that the copies of
/// itself libFuzzer starts, to minimise a crash say, without the name, run the same target); read
/// once by whichever thread first needs it.
enum Chosen {
    static let named = CommandLine.arguments.count > 1 ? FuzzTarget.named(CommandLine.arguments[1]) : nil
    static let target = named ?? ProcessInfo.processInfo.environment["TALE_FUZZ_TARGET"].flatMap(FuzzTarget.named)
}

guard let target = Chosen.target else {
    let names = FuzzTarget.all.map { "  \($0.name): \($0.input)" }.joined(separator: "\n")
    FileHandle.standardError.write(Data("usage: tale-fuzz <target> [inputs...]\ntargets:\n\(names)\n".utf8))
    exit(2)
}

#if TALE_FUZZ
// libFuzzer takes every other argument as a flag or a corpus folder, so the target's name is taken out.
setenv("TALE_FUZZ_TARGET", target.name, 1)
let skipped = Chosen.named == nil ? 1 : 2
var arguments = [CommandLine.unsafeArgv[0]] + (skipped..<Int(CommandLine.argc)).map { CommandLine.unsafeArgv[$0] }
var count = CInt(arguments.count)
let status = arguments.withUnsafeMutableBufferPointer { buffer -> CInt in
    var argv = buffer.baseAddress
    return LLVMFuzzerRunDriver(&count, &argv) { data, size in
        Chosen.target!.run(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
        return 0
    }
}
exit(status)
#else
var inputs: [URL] = []
for path in CommandLine.arguments.dropFirst(2) {
    let url = URL(fileURLWithPath: path)
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue,
          let folder = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey]) else {
        inputs.append(url)
        continue
    }
    let files = folder.compactMap { $0 as? URL }.filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
    inputs += files.sorted { $0.path < $1.path }
}
for input in inputs {
    guard let data = FileManager.default.contents(atPath: input.path) else {
        FileHandle.standardError.write(Data("tale-fuzz: cannot read \(input.path)\n".utf8))
        exit(1)
    }
    target.run(Array(data))
}
print("\(target.name): \(inputs.count) inputs ran")
#endif
