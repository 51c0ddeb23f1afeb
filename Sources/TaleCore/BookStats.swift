/// Numbers derived from a book's text for readers and libraries: how long, how hard, for whom.
public struct BookStats: Sendable, Equatable {
    /// Words in every scene.
    public var words: Int
    /// Minutes to read it (aloud for kids).
    public var minutes: Int
    /// The Flesch-Kincaid grade of the whole text.
    public var grade: Double
    /// The reading band of the book's age.
    public var band: ReadingBand
    /// How many scenes' text was generated.
    public var generatedScenes: Int

    /// Stats from their parts.
    public init(words: Int, minutes: Int, grade: Double, band: ReadingBand, generatedScenes: Int) {
        self.words = words
        self.minutes = minutes
        self.grade = grade
        self.band = band
        self.generatedScenes = generatedScenes
    }

    /// "5 min read · 420 words".
    public var label: String { "\(minutes) min read · \(words) words" }
}
