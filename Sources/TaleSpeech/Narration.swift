/// A scene read aloud: the MP3 and when each word starts, for the web reader's highlighting and
/// EPUB Media Overlays. The words are the reader's words: the title's, then the text's, split on
/// white space as the reader splits them.
public struct Narration: Sendable, Equatable {
    /// The MP3 file.
    public var mp3: [UInt8]
    /// The words, in order.
    public var words: [String]
    /// When each word starts, in milliseconds, and last the end of the audio: `words.count + 1` numbers.
    public var timings: [Int]

    /// A narration from its parts (as kept in a cache).
    public init(mp3: [UInt8], words: [String], timings: [Int]) {
        self.mp3 = mp3
        self.words = words
        self.timings = timings
    }

    /// Each word's start and end in seconds.
    public var clips: [(start: Double, end: Double)] {
        words.indices.map { (Double(timings[$0]) / 1000, Double(timings[$0 + 1]) / 1000) }
    }

    /// The words of `title` then `text`, the text to speak, and where each word starts in it
    /// (in Unicode scalars, as espeak counts). A title without a final stop gets one, so the voice pauses.
    public static func script(title: String?, text: String) -> (words: [String], spoken: String, starts: [Int]) {
        let titleWords = (title ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
        let words = titleWords + text.split(whereSeparator: \.isWhitespace).map(String.init)
        var spoken = ""
        var starts: [Int] = []
        var scalars = 0
        for (index, word) in words.enumerated() {
            if index > 0 {
                let endOfTitle = index == titleWords.count && !(titleWords.last?.last.map { ".!?".contains($0) } ?? true)
                let gap = endOfTitle ? ". " : " "
                spoken += gap
                scalars += gap.unicodeScalars.count
            }
            starts.append(scalars)
            spoken += word
            scalars += word.unicodeScalars.count
        }
        return (words, spoken, starts)
    }

    /// Speaks `title` then `text` in `language` with espeak-ng, and encodes the result.
    public static func make(title: String?, text: String, language: String) throws(SpeechError) -> Narration {
        let (words, spoken, starts) = script(title: title, text: text)
        guard !words.isEmpty else { throw SpeechError("there is nothing to read") }
        let speech = try Speech.speak(spoken, language: language)
        let duration = Int((speech.duration * 1000).rounded())
        var timings = [Int?](repeating: nil, count: words.count)
        for event in speech.words {
            // The word whose span holds the event's position.
            var index = 0
            while index + 1 < starts.count, starts[index + 1] <= event.textOffset { index += 1 }
            if timings[index] == nil { timings[index] = min(event.milliseconds, duration) }
        }
        return Narration(mp3: try MP3Encoder.encode(speech), words: words, timings: Narration.complete(timings, duration: duration))
    }

    /// A recording made elsewhere (a speech service gives audio but no word times): each word
    /// gets a share of the recording's length by its letters, with longer pauses after stops and commas.
    public static func estimated(mp3: [UInt8], title: String?, text: String) throws(SpeechError) -> Narration {
        let words = script(title: title, text: text).words
        let duration = Int((try MP3Encoder.duration(of: mp3) * 1000).rounded())
        let weights = words.map { word -> Double in
            Double(word.count + 1) + (".!?".contains(word.last ?? " ") ? 4 : ",;:".contains(word.last ?? " ") ? 2 : 0)
        }
        let total = weights.reduce(0, +)
        var starts: [Int?] = []
        var elapsed = 0.0
        for weight in weights {
            starts.append(Int((elapsed / total * Double(duration)).rounded()))
            elapsed += weight
        }
        return Narration(mp3: mp3, words: words, timings: complete(starts, duration: duration))
    }

    /// Every word's start from the ones espeak announced: words it did not announce (punctuation
    /// alone, say) are placed evenly between their neighbours, every start is later than the one
    /// before it, and the end of the audio comes last.
    static func complete(_ known: [Int?], duration: Int) -> [Int] {
        var starts = known
        if starts.first ?? nil == nil, !starts.isEmpty { starts[0] = 0 }
        var index = 0
        while index < starts.count {
            guard starts[index] == nil else { index += 1; continue }
            let before = index - 1
            var after = index
            while after < starts.count, starts[after] == nil { after += 1 }
            let from = starts[before]!, to = after < starts.count ? starts[after]! : duration
            for gap in index..<after { starts[gap] = from + (to - from) * (gap - before) / (after - before) }
            index = after
        }
        var result = starts.map { $0 ?? 0 }
        for i in result.indices.dropFirst() where result[i] <= result[i - 1] { result[i] = result[i - 1] + 1 }
        return result + [max(duration, (result.last ?? 0) + 1)]
    }
}
