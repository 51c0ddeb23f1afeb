import CEspeakNG
import Foundation

/// Speech from text, offline, through libespeak-ng: 16-bit mono samples and where each word starts.
public struct SpokenText: Sendable, Equatable {
    /// The samples.
    public var samples: [Int16]
    /// Samples per second.
    public var sampleRate: Int
    /// Each spoken word: its start in the text (0-based, in Unicode scalars) and in the audio (milliseconds).
    public var words: [(textOffset: Int, milliseconds: Int)]

    /// Seconds of audio.
    public var duration: Double { Double(samples.count) / Double(sampleRate) }

    public static func == (lhs: SpokenText, rhs: SpokenText) -> Bool {
        lhs.samples == rhs.samples && lhs.sampleRate == rhs.sampleRate && lhs.words.map(\.textOffset) == rhs.words.map(\.textOffset)
            && lhs.words.map(\.milliseconds) == rhs.words.map(\.milliseconds)
    }
}

/// Why speech failed.
public struct SpeechError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public var description: String

    /// A failure.
    public init(_ description: String) { self.description = description }
}

/// libespeak-ng, the only file that calls it. The library keeps global state, so every call runs
/// under one lock, one text at a time.
public enum Speech {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var sampleRate: Int32 = 0

    /// Collects what espeak hands the callback.
    private final class Sink {
        var samples: [Int16] = []
        var words: [(Int, Int)] = []
    }

    /// `text` spoken with the voice for `language` (a BCP 47 tag; espeak picks the nearest voice).
    public static func speak(_ text: String, language: String) throws(SpeechError) -> SpokenText {
        lock.lock()
        defer { lock.unlock() }
        if sampleRate == 0 {
            sampleRate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 500, nil, 0)
            guard sampleRate > 0 else { throw SpeechError("espeak-ng could not start (is the espeak-ng-data package installed?)") }
            espeak_SetSynthCallback { wav, count, events in
                guard let events else { return 0 }
                var event = events
                while event.pointee.type != espeakEVENT_LIST_TERMINATED {
                    if let data = event.pointee.user_data {
                        let sink = Unmanaged<Sink>.fromOpaque(data).takeUnretainedValue()
                        if event.pointee.type == espeakEVENT_WORD {
                            sink.words.append((Int(event.pointee.text_position) - 1, Int(event.pointee.audio_position)))
                        }
                    }
                    event += 1
                }
                if let wav, count > 0, let data = events.pointee.user_data {
                    let sink = Unmanaged<Sink>.fromOpaque(data).takeUnretainedValue()
                    sink.samples.append(contentsOf: UnsafeBufferPointer(start: wav, count: Int(count)))
                }
                return 0
            }
        }
        let voice = language.split(separator: "-").first.map(String.init) ?? "en"
        if espeak_SetVoiceByName(voice) != EE_OK, espeak_SetVoiceByName("en") != EE_OK {
            throw SpeechError("espeak-ng has no voice for '\(language)'")
        }
        let sink = Sink()
        let context = Unmanaged.passRetained(sink)
        defer { context.release() }
        let status = text.withCString { pointer in
            espeak_Synth(pointer, strlen(pointer) + 1, 0, POS_CHARACTER, 0, UInt32(espeakCHARS_UTF8), nil, context.toOpaque())
        }
        guard status == EE_OK else { throw SpeechError("espeak-ng could not speak the text (error \(status.rawValue))") }
        espeak_Synchronize()
        return SpokenText(samples: sink.samples, sampleRate: Int(sampleRate), words: sink.words.map { ($0.0, $0.1) })
    }
}
