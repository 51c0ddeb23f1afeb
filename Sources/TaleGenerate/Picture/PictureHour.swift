/// The hour a picture shows: the light, the sky and where the sun or moon is.
public enum PictureHour: String, Sendable, CaseIterable, Comparable {
    /// The hours, earliest first.
    case dawn, morning, noon, afternoon, dusk, night

    /// Earlier hours are smaller.
    public static func < (a: PictureHour, b: PictureHour) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// How a description says it: "at dawn", "in the morning".
    public var phrase: String {
        switch self {
        case .dawn: "at dawn"
        case .morning: "in the morning"
        case .noon: "at midday"
        case .afternoon: "in the afternoon"
        case .dusk: "at dusk"
        case .night: "at night"
        }
    }

    /// The hour of a plan's scene.
    public init(_ time: TimeOfDay) {
        switch time {
        case .dawn: self = .dawn
        case .morning: self = .morning
        case .afternoon: self = .afternoon
        case .evening: self = .dusk
        case .night: self = .night
        }
    }

    /// The hour of a cue map's `time` (`dawn`, `day`, `dusk`, `night`); nil for anything else.
    public init?(cue: String?) {
        switch cue {
        case "dawn": self = .dawn
        case "day": self = .noon
        case "dusk": self = .dusk
        case "night": self = .night
        default: return nil
        }
    }

    /// Words and phrases that say what hour it is now, in lowercase, with the hour each means.
    static let markers: [(String, PictureHour)] = [
        ("dawn", .dawn), ("sunrise", .dawn), ("daybreak", .dawn), ("first light", .dawn), ("sun came up", .dawn),
        ("sun comes up", .dawn), ("sun rose", .dawn), ("sun rises", .dawn),
        ("morning", .morning), ("breakfast", .morning),
        ("noon", .noon), ("midday", .noon), ("lunchtime", .noon), ("lunch", .noon),
        ("afternoon", .afternoon),
        ("dusk", .dusk), ("evening", .dusk), ("sunset", .dusk), ("twilight", .dusk), ("sun set", .dusk), ("sun sets", .dusk),
        ("sun went down", .dusk), ("sun goes down", .dusk), ("sun was low", .dusk), ("sun is low", .dusk), ("sinking sun", .dusk),
        ("day was almost over", .dusk), ("day is almost over", .dusk), ("getting dark", .dusk), ("grew dark", .dusk), ("grows dark", .dusk),
        ("supper", .dusk),
        ("night", .night), ("midnight", .night), ("moonlight", .night), ("moonlit", .night), ("bedtime", .night),
        ("stars came out", .night), ("stars come out", .night), ("was dark", .night), ("is dark", .night), ("in the dark", .night),
    ]

    /// Words that, just before a time word, mean it is not that hour now ("before night", "every morning", "until dark").
    static let notNow: Set<String> = ["before", "until", "till", "tomorrow", "every", "last", "yesterday", "next"]

    /// The hour `text` says it is: the last time word in it that is about now; nil when it names none.
    /// "before night comes", "every morning" and "afraid of the dark" are not about now.
    public static func said(in text: String) -> PictureHour? {
        let page = PageWords.Found(PageWords.of(text))
        let words = page.words
        var found: (at: Int, hour: PictureHour)?
        for (marker, hour) in markers {
            let phrase = marker.contains(" ")
            for start in page.starts(of: marker) {
                // "night" inside "tonight" never matches (words are whole); "the next morning" is morning now.
                let before = start > 0 ? words[start - 1] : ""
                let twoBefore = start > 1 ? words[start - 2] : ""
                if notNow.contains(before), !(before == "next" && (twoBefore == "the" || twoBefore == "")) { continue }
                if before == "the", notNow.contains(twoBefore) { continue }
                if marker == "in the dark", ["afraid", "scared", "frightened"].contains(where: { words[max(0, start - 3)..<start].contains($0) }) { continue }
                if found == nil || start > found!.at || (start == found!.at && phrase) { found = (start, hour) }
            }
        }
        return found?.hour
    }
}
