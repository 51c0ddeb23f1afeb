/// What kind of creature (or person, or thing with a face) a character is, read from its looks,
/// role and name, with what that kind can do that matters in a story.
public struct CreatureKind: Sendable, Equatable {
    /// The kind's name ("snail", "robot", "grandmother").
    public var name: String
    /// Words that mark it in looks, roles and names.
    public var markers: [String]
    /// How it moves, present and past ("slides", "slid").
    public var moves: String
    /// What it can do, after "can" ("fly up high and see far").
    public var skill: String
    /// Doing it, as a clause with tense choices ("[flies|flew] up high and [looks|looked] all around").
    public var act: String
    /// Whether it lives in water.
    public var swims: Bool

    /// The motion verb in the present and the past.
    public var motion: (String, String) {
        let parts = moves.split(separator: "|").map(String.init)
        return (parts[0], parts.count > 1 ? parts[1] : parts[0])
    }
}

/// The kinds the storyteller knows, most specific first.
public enum CreatureKinds {
    /// The kind of a character from its looks, role and name; nil when no word is known.
    public static func of(looks: String?, role: String?, name: String) -> CreatureKind? {
        let words = [looks ?? "", role ?? "", name].joined(separator: " ").lowercased()
            .split { !$0.isLetter && $0 != "-" }.map(String.init)
        let text = " " + words.joined(separator: " ") + " "
        // The first marker in the looks wins ("a robot shaped like a dog" is a robot).
        var best: (kind: CreatureKind, at: String.Index)?
        for kind in all {
            for marker in kind.markers {
                guard let range = text.range(of: " \(marker) ") ?? text.range(of: " \(marker)s ") else { continue }
                if best == nil || range.lowerBound < best!.at { best = (kind, range.lowerBound) }
            }
        }
        return best?.kind
    }

    /// Someone who helps: a person with no kind given.
    public static let someone = CreatureKind(name: "friend", markers: [], moves: "walks|walked", skill: "think of clever ideas",
                                             act: "[thinks|thought] hard and [comes|came] up with a clever idea", swims: false)

    /// Every known kind.
    public static let all: [CreatureKind] = [
        kind("robot", ["robot", "android", "droid", "bot"], "rolls|rolled", "fix anything with wires and a soldering iron",
             "[solders|soldered] the loose wire with a tiny hiss of smoke"),
        kind("astronaut", ["astronaut", "spacewoman", "spaceman", "cosmonaut"], "bounces|bounced", "read the star maps",
             "[checks|checked] the star map and [points|pointed] the way"),
        kind("grandmother", ["grandma", "grandmother", "granny", "nana", "gran"], "walks|walked", "remember how things were done long ago",
             "[remembers|remembered] an old trick from long ago"),
        kind("grandfather", ["grandpa", "grandfather", "granddad", "grandad", "gramps"], "walks|walked", "remember every old path and story",
             "[remembers|remembered] the old way, the one nobody uses now"),
        kind("baker", ["baker", "cook", "chef"], "walks|walked", "bake anything from crumbs", "[rolls|rolled] up both sleeves and [mixes|mixed] a new batter"),
        kind("mother", ["mum", "mom", "mother", "mama"], "walks|walked", "stay calm when things go wrong", "[stays|stayed] calm and [makes|made] a plan"),
        kind("father", ["dad", "father", "papa"], "walks|walked", "lift heavy things", "[lifts|lifted] the heavy things out of the way"),
        kind("teacher", ["teacher"], "walks|walked", "explain how things work", "[explains|explained] how it all works"),
        kind("girl", ["girl", "sister", "daughter"], "runs|ran", "notice small things", "[notices|noticed] something everyone else had missed"),
        kind("boy", ["boy", "brother", "son"], "runs|ran", "climb and run fast", "[runs|ran] ahead to look"),
        kind("child", ["child", "kid", "toddler", "baby"], "toddles|toddled", "ask good questions", "[asks|asked] just the right question"),
        kind("knight", ["knight"], "marches|marched", "be brave and strong", "[holds|held] up a shield and [leads|led] the way"),
        kind("princess", ["princess", "queen"], "walks|walked", "give orders everyone follows", "[calls|called] everyone to help"),
        kind("prince", ["prince", "king"], "walks|walked", "give orders everyone follows", "[calls|called] everyone to help"),
        kind("wizard", ["wizard", "witch", "sorcerer"], "strides|strode", "do small spells", "[waves|waved] a wand and [makes|made] a little light"),
        kind("dragon", ["dragon"], "stomps|stomped", "breathe warm fire", "[breathes|breathed] a warm puff of fire"),
        kind("unicorn", ["unicorn"], "trots|trotted", "make a glowing light with a horn", "[lights|lit] the way with a glowing horn"),
        kind("monster", ["monster", "troll", "giant", "ogre"], "stomps|stomped", "lift very heavy things", "[lifts|lifted] the heaviest thing there"),
        kind("firefly", ["firefly", "glow-worm", "glowworm"], "flits|flitted", "glow in the dark", "[glows|glowed] as bright as a little lamp"),
        kind("bee", ["bee", "bumblebee"], "buzzes|buzzed", "find every flower", "[buzzes|buzzed] off and [comes|came] back with news"),
        kind("butterfly", ["butterfly", "moth"], "flutters|fluttered", "fly softly and see from above", "[flutters|fluttered] up and [looks|looked] from above"),
        kind("ladybird", ["ladybird", "ladybug", "beetle"], "scuttles|scuttled", "crawl into tiny gaps", "[crawls|crawled] into the tiniest gap"),
        kind("ant", ["ant", "ants"], "scurries|scurried", "carry things much bigger than itself", "[carries|carried] a load ten times its size"),
        kind("spider", ["spider"], "scuttles|scuttled", "spin strong silk", "[spins|spun] a strong silk thread"),
        kind("snail", ["snail", "slug"], "slides|slid", "go slowly and notice everything", "[goes|went] slowly and [notices|noticed] what others miss"),
        kind("worm", ["worm", "caterpillar"], "wiggles|wiggled", "wriggle through the soil", "[wriggles|wriggled] down and through"),
        kind("owl", ["owl"], "flies|flew", "see in the dark", "[opens|opened] two big round eyes that see in the dark"),
        kind("bird", ["wren", "robin", "sparrow", "bird", "blackbird", "finch", "crow", "magpie", "parrot", "gull", "seagull", "pigeon", "duck", "goose", "swan", "heron"],
             "hops|hopped", "fly up high and see far", "[flies|flew] up high and [looks|looked] all around"),
        kind("penguin", ["penguin"], "waddles|waddled", "slide on a tummy faster than anyone", "[slides|slid] along on a round tummy like a sledge"),
        kind("bat", ["bat"], "flits|flitted", "hear the smallest echo", "[listens|listened] for the echo and [finds|found] the way"),
        kind("mole", ["mole"], "digs|dug", "dig tunnels fast", "[digs|dug] a tunnel in no time"),
        kind("mouse", ["mouse", "mice", "hamster", "rat", "vole"], "scampers|scampered", "squeeze into tiny spaces", "[squeezes|squeezed] into a tiny space"),
        kind("squirrel", ["squirrel", "chipmunk"], "scampers|scampered", "climb to the very top", "[climbs|climbed] to the very top in a flash"),
        kind("rabbit", ["rabbit", "bunny", "hare"], "hops|hopped", "hop high and run fast", "[hops|hopped] high to look over the top"),
        kind("hedgehog", ["hedgehog"], "trundles|trundled", "curl into a prickly ball", "[curls|curled] into a prickly ball and [rolls|rolled]"),
        kind("fox", ["fox", "vixen"], "trots|trotted", "sniff out any trail", "[sniffs|sniffed] out the trail"),
        kind("badger", ["badger"], "trundles|trundled", "dig and dig", "[digs|dug] with strong front paws"),
        kind("bear", ["bear", "cub", "panda"], "lumbers|lumbered", "lift heavy logs", "[lifts|lifted] the heavy log out of the way"),
        kind("dog", ["dog", "puppy", "pup", "hound", "terrier"], "trots|trotted", "sniff out anything", "[sniffs|sniffed] the ground and [follows|followed] the smell"),
        kind("cat", ["cat", "kitten", "kitty"], "pads|padded", "climb and balance", "[climbs|climbed] up and [balances|balanced] on the edge"),
        kind("otter", ["otter", "beaver"], "scampers|scampered", "swim and dive", "[dives|dove] down and [comes|came] up with it"),
        kind("frog", ["frog", "toad"], "hops|hopped", "jump very far", "[jumps|jumped] across in one big leap"),
        kind("deer", ["deer", "fawn", "reindeer", "moose"], "trots|trotted", "leap over anything", "[leaps|leapt] over with one bound"),
        kind("horse", ["horse", "pony", "donkey"], "trots|trotted", "carry everyone on a strong back", "[carries|carried] everyone on a strong back"),
        kind("goat", ["goat", "sheep", "lamb"], "trots|trotted", "climb steep rocks", "[climbs|climbed] the steep rocks without a slip"),
        kind("cow", ["cow", "bull", "calf"], "plods|plodded", "push hard", "[pushes|pushed] with a big strong head"),
        kind("pig", ["pig", "piglet"], "trots|trotted", "sniff out buried things", "[snuffles|snuffled] and [finds|found] what was buried"),
        kind("hen", ["hen", "chicken", "chick", "rooster"], "struts|strutted", "wake everyone up", "[calls|called] loud enough to wake everyone"),
        kind("elephant", ["elephant"], "plods|plodded", "reach high with a long trunk", "[reaches|reached] up high with a long trunk"),
        kind("giraffe", ["giraffe"], "strides|strode", "reach the tallest branches", "[stretches|stretched] a long neck up to the top"),
        kind("lion", ["lion", "tiger", "leopard"], "pads|padded", "roar very loudly", "[roars|roared] so loudly that everyone [hears|heard]"),
        kind("monkey", ["monkey", "ape", "gorilla", "chimp"], "swings|swung", "swing and climb", "[swings|swung] up from branch to branch"),
        kind("turtle", ["turtle", "tortoise"], "paddles|paddled", "be patient and steady", "[keeps|kept] going, slow and steady"),
        kind("crab", ["crab", "lobster"], "scuttles|scuttled", "snip with strong claws", "[snips|snipped] with two strong claws"),
        kind("octopus", ["octopus", "squid"], "glides|glided", "hold many things at once", "[holds|held] on with eight long arms"),
        kind("fish", ["fish", "goldfish", "clownfish", "seahorse", "shark"], "swims|swam", "swim fast through narrow gaps", "[darts|darted] through the narrow gap"),
        kind("dolphin", ["dolphin", "whale", "seal", "walrus"], "swims|swam", "swim fast and call far", "[calls|called] out, and the call [carries|carried] far"),
        kind("jellyfish", ["jellyfish"], "drifts|drifted", "glow softly", "[glows|glowed] softly in the gloom"),
        kind("sock", ["sock", "stocking", "mitten", "glove"], "wiggles|wiggled", "squeeze into small places", "[squeezes|squeezed] into a small place"),
        kind("teapot", ["teapot", "kettle", "cup", "mug"], "wobbles|wobbled", "keep things warm", "[keeps|kept] everyone warm"),
        kind("toy", ["teddy", "doll", "toy", "puppet"], "toddles|toddled", "cheer everyone up", "[cheers|cheered] everyone up"),
        kind("train", ["train", "engine", "locomotive"], "chugs|chugged", "pull heavy loads", "[pulls|pulled] with all its might"),
        kind("boat", ["boat", "ship", "tugboat"], "sails|sailed", "carry friends across water", "[carries|carried] everyone across"),
    ]

    private static func kind(_ name: String, _ markers: [String], _ moves: String, _ skill: String, _ act: String) -> CreatureKind {
        let swims = ["fish", "dolphin", "jellyfish", "octopus", "crab", "turtle", "otter"].contains(name)
        return CreatureKind(name: name, markers: markers, moves: moves, skill: skill, act: act, swims: swims)
    }
}
