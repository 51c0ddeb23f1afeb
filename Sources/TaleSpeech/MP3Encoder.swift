import Foundation

/// Encodes speech as MP3 with LAME (Debian's `lame` command), which EPUB reading systems and
/// browsers play: mono, 48 kbit/s, no ID3 tag, so the same samples give the same bytes.
public enum MP3Encoder {
    /// The MP3 bytes for `speech`.
    public static func encode(_ speech: SpokenText) throws(SpeechError) -> [UInt8] {
        let (status, mp3) = try lame(WAV.file(speech), input: "speech.wav", output: "speech.mp3",
                                     arguments: ["--quiet", "--noreplaygain", "-m", "m", "-b", "48", "--cbr"])
        guard status == 0, let mp3 else { throw SpeechError("lame could not encode the narration (exit \(status))") }
        return mp3
    }

    /// Seconds of audio in an MP3, decoded by LAME (`lame --decode`) and counted in samples.
    public static func duration(of mp3: [UInt8]) throws(SpeechError) -> Double {
        let (status, wav) = try lame(mp3, input: "in.mp3", output: "out.wav", arguments: ["--quiet", "--decode"])
        guard status == 0, let bytes = wav, bytes.count > 44 else {
            throw SpeechError("lame cannot decode the recording: it is not a usable MP3")
        }
        func u32(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24 }
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        let channels = u16(22), rate = u32(24), bits = u16(34)
        // Find the data chunk (LAME writes it right after fmt, but do not rely on that).
        var at = 12
        while at + 8 <= bytes.count {
            let size = u32(at + 4)
            if String(decoding: bytes[at..<(at + 4)], as: UTF8.self) == "data" {
                let available = min(size, bytes.count - at - 8)
                return Double(available) / Double(max(1, channels * rate * bits / 8))
            }
            at += 8 + size + (size % 2)
        }
        throw SpeechError("lame decoded the recording, but the WAV holds no data")
    }

    /// Runs LAME on `bytes` in a temporary folder: `lame <arguments> <input> <output>`. Returns its
    /// exit status and the output file's bytes, if it wrote one.
    private static func lame(_ bytes: [UInt8], input: String, output: String, arguments: [String]) throws(SpeechError) -> (Int32, [UInt8]?) {
        guard let lame = ["/usr/bin/lame", "/usr/local/bin/lame"].first(where: FileManager.default.isExecutableFile) else {
            throw SpeechError("narration needs LAME for MP3: install Debian's `lame` package")
        }
        let folder = FileManager.default.temporaryDirectory.appending(path: "tale-mp3-\(UUID().uuidString)")
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            throw SpeechError("cannot make a temporary folder: \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appending(path: input), target = folder.appending(path: output)
        do { try Data(bytes).write(to: source) } catch { throw SpeechError("cannot write \(input): \(error.localizedDescription)") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: lame)
        process.arguments = arguments + [source.path, target.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw SpeechError("cannot run lame: \(error.localizedDescription)") }
        process.waitUntilExit()
        return (process.terminationStatus, (try? Data(contentsOf: target)).map(Array.init))
    }
}

/// A PCM WAV file.
enum WAV {
    static func file(_ speech: SpokenText) -> [UInt8] {
        func u32(_ v: Int) -> [UInt8] { [UInt8(v & 0xff), UInt8((v >> 8) & 0xff), UInt8((v >> 16) & 0xff), UInt8((v >> 24) & 0xff)] }
        func u16(_ v: Int) -> [UInt8] { [UInt8(v & 0xff), UInt8((v >> 8) & 0xff)] }
        let data = speech.samples.flatMap { u16(Int(UInt16(bitPattern: $0))) }
        return Array("RIFF".utf8) + u32(36 + data.count) + Array("WAVEfmt ".utf8) + u32(16) + u16(1) + u16(1)
            + u32(speech.sampleRate) + u32(speech.sampleRate * 2) + u16(2) + u16(16) + Array("data".utf8) + u32(data.count) + data
    }
}
