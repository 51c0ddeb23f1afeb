/// The part a scene plays in a story's arc. The embedded storyteller writes to it, and the
/// prompts for services name it, so both keep to one plan.
public enum StoryBeat: String, Sendable, CaseIterable {
    /// Who, where, and what life is like.
    case opening
    /// Something goes wrong, or something is wanted.
    case problem
    /// Tries that do not work yet.
    case attempt
    /// The idea, the help or the courage that changes things.
    case turningPoint = "turning point"
    /// How it ends, and the moral when there is one.
    case resolution

    /// The beat of scene `index` (0-based) in a book of `count` scenes.
    public static func of(scene index: Int, count: Int) -> StoryBeat {
        let last = max(count - 1, 0)
        switch count {
        case ...1: return .opening
        case 2: return index == 0 ? .opening : .resolution
        case 3: return [.opening, .turningPoint, .resolution][min(index, 2)]
        default:
            if index == 0 { return .opening }
            if index == last { return .resolution }
            if index == last - 1 { return .turningPoint }
            if index == 1 { return .problem }
            return .attempt
        }
    }

    /// Which attempt this is (0 for the first), for scenes of the attempt beat.
    public static func attemptNumber(scene index: Int) -> Int { max(0, index - 2) }
}
