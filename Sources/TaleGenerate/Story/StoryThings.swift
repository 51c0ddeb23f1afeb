/// A thing a story can be about (the lantern, the radio, the kite), with what it does once it is
/// where it belongs, so the ending can use it.
public struct StoryThing: Sendable, Equatable {
    /// The noun ("lantern").
    public var noun: String
    /// What it does when all is well, as a clause with tense choices ("[glows|glowed] and [lights|lit] the path").
    public var use: String
    /// How it is when something is wrong with it (for "fix" stories), with tense choices.
    public var trouble: String
}

/// The things the storyteller knows; anything else gets plain words.
public enum StoryThings {
    /// The thing named by `noun` (singular or plural), or a plain one.
    public static func of(_ noun: String) -> StoryThing {
        let lower = noun.lowercased()
        if let known = table.first(where: { $0.noun == lower || $0.noun + "s" == lower }) { return known }
        return StoryThing(noun: lower, use: "[is|was] just where it [belongs|belonged] again", trouble: "[does|did] not work at all")
    }

    /// Whether the noun is one the storyteller knows.
    public static func knows(_ noun: String) -> Bool {
        let lower = noun.lowercased()
        return table.contains { $0.noun == lower || $0.noun + "s" == lower }
    }

    static let table: [StoryThing] = [
        StoryThing(noun: "lantern", use: "[glows|glowed] warm and gold and [lights|lit] the path", trouble: "[is|was] dark and cold"),
        StoryThing(noun: "lamp", use: "[shines|shone] a warm circle of light", trouble: "[will|would] not shine"),
        StoryThing(noun: "torch", use: "[sends|sent] a bright beam ahead", trouble: "[flickers|flickered] and [goes|went] out"),
        StoryThing(noun: "candle", use: "[burns|burned] with a small steady flame", trouble: "[has|had] gone out"),
        StoryThing(noun: "radio", use: "[crackles|crackled], [hums|hummed] and [speaks|spoke] with a voice from far away", trouble: "[gives|gave] only a sad hiss"),
        StoryThing(noun: "telephone", use: "[rings|rang] with a voice from far away", trouble: "[is|was] silent"),
        StoryThing(noun: "clock", use: "[ticks|ticked] and [chimes|chimed] again", trouble: "[has|had] stopped ticking"),
        StoryThing(noun: "music box", use: "[plays|played] its tinkling song", trouble: "[will|would] not play"),
        StoryThing(noun: "umbrella", use: "[opens|opened] wide and [keeps|kept] everyone dry", trouble: "[will|would] not open"),
        StoryThing(noun: "kite", use: "[dances|danced] high on its string", trouble: "[is|was] tangled and torn"),
        StoryThing(noun: "balloon", use: "[bobs|bobbed] up, round and bright", trouble: "[is|was] flat"),
        StoryThing(noun: "net", use: "[is|was] rolled up and carried far away, where it [can|could] catch nobody", trouble: "[is|was] tangled tight"),
        StoryThing(noun: "sock", use: "[is|was] back with its partner, a pair again", trouble: "[has|had] a hole in the toe"),
        StoryThing(noun: "blanket", use: "[wraps|wrapped] everyone up, soft and warm", trouble: "[is|was] torn"),
        StoryThing(noun: "cake", use: "[sits|sat] on the table with every candle lit", trouble: "[is|was] flat and raw"),
        StoryThing(noun: "pie", use: "[steams|steamed] on the table, golden and warm", trouble: "[is|was] burnt"),
        StoryThing(noun: "oven", use: "[glows|glowed] warm again", trouble: "[is|was] cold and will not heat"),
        StoryThing(noun: "bread", use: "[smells|smelled] warm and golden", trouble: "[is|was] flat"),
        StoryThing(noun: "soup", use: "[bubbles|bubbled] in the pot for everyone", trouble: "[is|was] cold"),
        StoryThing(noun: "train", use: "[pulls|pulled] away with a long happy whistle", trouble: "[will|would] not move"),
        StoryThing(noun: "rocket", use: "[roars|roared] up into the sky", trouble: "[will|would] not start"),
        StoryThing(noun: "boat", use: "[sails|sailed] out across the water", trouble: "[has|had] a leak"),
        StoryThing(noun: "bicycle", use: "[rolls|rolled] down the lane with a ring of its bell", trouble: "[has|had] a flat tyre"),
        StoryThing(noun: "bike", use: "[rolls|rolled] down the lane with a ring of its bell", trouble: "[has|had] a flat tyre"),
        StoryThing(noun: "wagon", use: "[rolls|rolled] along, full to the top", trouble: "[has|had] lost a wheel"),
        StoryThing(noun: "map", use: "[shows|showed] the way home", trouble: "[is|was] torn in two"),
        StoryThing(noun: "letter", use: "[is|was] opened and read at last", trouble: "[is|was] crumpled"),
        StoryThing(noun: "key", use: "[turns|turned] in the lock with a click", trouble: "[is|was] bent"),
        StoryThing(noun: "book", use: "[is|was] opened and read out loud", trouble: "[has|had] lost its last page"),
        StoryThing(noun: "basket", use: "[is|was] full to the brim", trouble: "[has|had] a hole in the bottom"),
        StoryThing(noun: "ball", use: "[bounces|bounced] high again", trouble: "[is|was] flat"),
        StoryThing(noun: "drum", use: "[goes|went] boom, boom, boom", trouble: "[has|had] a split skin"),
        StoryThing(noun: "bell", use: "[rings|rang] out loud and clear", trouble: "[has|had] lost its ring"),
        StoryThing(noun: "flute", use: "[plays|played] a soft, sweet tune", trouble: "[will|would] not play"),
        StoryThing(noun: "crown", use: "[sparkles|sparkled] in its place", trouble: "[is|was] bent"),
        StoryThing(noun: "egg", use: "[is|was] safe and warm in the nest", trouble: "[is|was] in danger"),
        StoryThing(noun: "seed", use: "[grows|grew] a tiny green shoot", trouble: "[will|would] not grow"),
        StoryThing(noun: "shell", use: "[shines|shone] pink and pearly in the light", trouble: "[is|was] chipped"),
        StoryThing(noun: "star", use: "[shines|shone] bright in its place", trouble: "[has|had] fallen"),
        StoryThing(noun: "compass", use: "[points|pointed] the way home", trouble: "[spins|spun] round and round"),
        StoryThing(noun: "telescope", use: "[shows|showed] the stars up close", trouble: "[has|had] a cracked lens"),
        StoryThing(noun: "hat", use: "[sits|sat] snug on its owner's head", trouble: "[is|was] squashed"),
        StoryThing(noun: "scarf", use: "[is|was] wrapped warm around a neck", trouble: "[is|was] unravelling"),
        StoryThing(noun: "teddy", use: "[is|was] hugged tight at bedtime", trouble: "[has|had] a torn ear"),
        StoryThing(noun: "toy", use: "[is|was] played with all afternoon", trouble: "[is|was] broken"),
        StoryThing(noun: "bridge", use: "[holds|held] strong for everyone to cross", trouble: "[has|had] a broken plank"),
        StoryThing(noun: "nest", use: "[holds|held] the little ones, safe and snug", trouble: "[has|had] fallen"),
        StoryThing(noun: "garden", use: "[blooms|bloomed] with every colour", trouble: "[is|was] dry and bare"),
        StoryThing(noun: "song", use: "[rings|rang] out for everyone to hear", trouble: "[is|was] forgotten"),
        StoryThing(noun: "light", use: "[shines|shone] again", trouble: "[has|had] gone out"),
        StoryThing(noun: "present", use: "[is|was] opened with a cheer", trouble: "[is|was] lost"),
        StoryThing(noun: "picture", use: "[hangs|hung] on the wall for all to see", trouble: "[is|was] smudged"),
        StoryThing(noun: "pebble", use: "[sits|sat] smooth and lucky in a paw", trouble: "[is|was] lost"),
        StoryThing(noun: "feather", use: "[floats|floated] down, soft as a wish", trouble: "[is|was] bent"),
    ]
}
