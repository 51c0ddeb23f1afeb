/// The grammar's smaller tables: what characters say and think, signs, the hours and titles.
extension StoryGrammar {
    /// Lines of talk the early-reader voice adds, by role.
    static let talk: [String: [String]] = [
        "talk.opening": ["\"Hello, {ownedThing},\" [says|said] {hero}, as {hero} always [does|did].", "\"What a fine day in the {home},\" [says|said] {hero}."],
        "talk.inciting": ["\"What will we do without {ownedThe}?\" [asks|asked] {hero}.", "\"We have to {goal},\" [says|said] {hero}. \"We just have to.\""],
        "talk.first-try": ["\"Maybe it is easy,\" [says|said] {hero}. \"Maybe {lostThing} will be right {spot}.\"", "\"I can {goal} by myself,\" [says|said] {hero}."],
        "talk.helper": ["\"How did you {skill}?\" [asks|asked] {hero}.", "\"I can {skill},\" [says|said] {helper} proudly."],
        "talk.journey": ["\"Is {thing} much further?\" [asks|asked] {hero}.", "\"Look over there,\" [says|said] {helper}, pointing {spot}."],
        "talk.setback": ["\"I want to go back to the {home},\" [whispers|whispered] {hero}.", "\"What now?\" [asks|asked] {hero}, looking at {hazard}."],
        "talk.turn": ["\"I know what to do about {thing}!\" [says|said] {hero}.", "\"Let's try it your way, with {makeshift},\" [says|said] {helper}."],
        "talk.resolution": ["\"Hooray for {thing}!\" [shouts|shouted] {helper}.", "\"We did it, we really did {goal}!\" [says|said] {hero}."],
        "talk.closing": ["\"What a day for a {heroKind},\" [says|said] {hero} with a yawn.", "\"Same time tomorrow, {spot2}?\" [asks|asked] {helper}."],
    ]

    /// Thoughts the chapter voice adds, by role: longer sentences, and what the hero feels inside.
    static let inner: [String: [String]] = [
        "inner.opening": [
            "{hero} sometimes [wonders|wondered] what lay beyond {place}, but mostly {hero} [is|was] content to stay exactly where {hero} [is|was].",
            "If anyone had asked, {hero} would have said that life in {place} was perfectly ordinary, and that ordinary was wonderful.",
        ],
        "inner.inciting": [
            "A cold, heavy feeling [settles|settled] in {hero}'s stomach, the kind that arrives when something as important as {thing} has gone wrong.",
            "{hero} [tries|tried] to think calmly, but every thought kept returning to {thing} and to how much depended on it.",
        ],
        "inner.first-try": [
            "{hero} [tells|told] nobody, but a small, doubtful voice inside [whispers|whispered] that it would not be simple to {goal}.",
            "Perhaps, {hero} [thinks|thought], the answer about {thing} had been obvious all along, and nobody had bothered to look properly.",
        ],
        "inner.helper": [
            "{hero} [feels|felt] a rush of gratitude toward {helper}, and a little embarrassment at having tried to {goal} alone.",
            "It [occurs|occurred] to {hero} that asking a {helperKind} for help was not the same as giving up, whatever {hero} had believed before.",
        ],
        "inner.journey": [
            "The further they [travel|travelled] from the {home}, the more {hero} [notices|noticed] small details that would have been easy to miss.",
            "{hero} [counts|counted] every step toward {thing}, partly to measure the distance and partly to keep the worry from growing.",
        ],
        "inner.setback": [
            "For a long moment, {hero} [believes|believed] that trying to {goal} had been a terrible mistake.",
            "Disappointment [presses|pressed] down on {hero} like a heavy blanket, and the {home} [seems|seemed] impossibly far away.",
        ],
        "inner.turn": [
            "Slowly, almost without noticing, {hero} [begins|began] to understand what had gone wrong with {thing} the first time.",
            "The idea [arrives|arrived] quietly, the way the best ideas about {thing} often do, and {hero} [holds|held] on to it carefully.",
        ],
        "inner.resolution": [
            "Relief [floods|flooded] through {hero}, warm and enormous, and for a moment the only sound [is|was] {sound}.",
            "{hero} [realises|realised] that the hardest part of trying to {goal} had not been the work itself, but deciding to keep going.",
        ],
        "inner.closing": [
            "Later, remembering the day, {hero} [understands|understood] that something inside had changed, even if nothing in {place} looked different.",
            "{hero} [suspects|suspected] that tomorrow in the {home} would bring its own problems, and for the first time that [seems|seemed] perfectly manageable.",
        ],
    ]

    /// The youngest voice: board-book sentences of six words or fewer, and the refrain.
    static let board: [String: [String]] = [
        "board.opening": ["{hero} lives in the {home}.", "{hero} is a little {heroKind}.", "{hero} loves the {thingNoun}.", "{soundWord}"],
        "board.inciting": ["Oh no! The {thingNoun}!", "The {thingNoun} {boardTrouble}.", "{hero} is sad about the {thingNoun}.", "{soundWord}"],
        "board.first-try": ["{hero} looks {searchShort}.", "No {thingNoun} yet!", "{hero} tries. The {thingNoun} {boardTrouble}.", "{soundWord}"],
        "board.helper": ["Here comes {helper} the {helperKind}!", "{helper} helps the {heroKind}.", "{helper} {boardAct}.", "{soundWord}"],
        "board.journey": ["{hero} looks {searchShort}.", "No {thingNoun} here!", "{soundWord}", "On and on, {hero} the {heroKind}."],
        "board.setback": ["Oh dear, {hazardShort}!", "{hero} feels small and far from home.", "{soundWord}"],
        "board.turn": ["{hero} has a {thingNoun} idea!", "Try again, little {heroKind}!", "{soundWord}"],
        "board.resolution": ["Look! The {thingNoun}!", "Hooray for the {thingNoun}!", "{hero} the {heroKind} did it!", "{soundWord}"],
        "board.closing": ["Night night, {thingNoun}.", "Night night, little {heroKind}.", "Sleep tight in the {home}."],
    ]

    /// Sentences for the hour, when it changes (and at the start), for places with a sky and without.
    static let hours: [String: [String]] = [
        "dawn.out": ["The first light [creeps|crept] over {place}.", "It [is|was] very early, and the sky over the {home} [is|was] pink."],
        "dawn.in": ["It [is|was] very early, and everyone else in the {home} [is|was] still asleep.", "The day [begins|began] early and quiet, with {sound}."],
        "morning.out": ["It [is|was] a bright new morning at the {home}.", "The morning sun [is|was] warm on the {home}."],
        "morning.in": ["It [is|was] morning in the {home}, and the day [is|was] new.", "Morning [comes|came] to the {home}, bright and busy."],
        "afternoon.out": ["The afternoon [wears|wore] on, and the {home} [is|was] quiet.", "By now the afternoon sun [is|was] high above the {home}."],
        "afternoon.in": ["The afternoon [goes|went] by, full of {sound}.", "It [is|was] afternoon now, and {sound} [fills|filled] the air."],
        "evening.out": ["The evening sun [sinks|sank] low behind the {home}, and the light [turns|turned] gold.", "Evening [comes|came] to the {home}, soft and orange."],
        "evening.in": ["Evening [comes|came], and the lights of the {home} [go|went] on.", "It [is|was] getting late, nearly evening, and {sound} [grows|grew] softer."],
        "night.out": ["Night [falls|fell] over the {home}, and the stars [come|came] out.", "It [is|was] night now, and the moon [is|was] up over the {home}."],
        "night.in": ["It [is|was] night now, and all around the {home} [is|was] hushed.", "Night [comes|came] to the {home}, quiet and deep."],
    ]

    /// Titles by role; `{Hero}` and `{Thing}` are title-cased.
    static let titles: [String: [String]] = [
        "opening": ["{Hero}'s {Home}", "A Day Like Any Other", "Meet {Hero}", "At Home With {Hero}"],
        "inciting.find": ["Where Is the {Thing}?", "The {Thing} Is Gone", "No {Thing} Anywhere"],
        "inciting.fix": ["The {Thing} Stops", "Something Wrong With the {Thing}", "The Broken {Thing}"],
        "inciting.free": ["Caught in the {Thing}", "Trouble in the {Thing}", "Help!"],
        "inciting.make": ["No Way to Bake", "A Big Problem", "What Now?"],
        "inciting.reach": ["Time to Go", "The Journey Begins", "A Long Way"],
        "inciting.retrieve": ["The {Thing} Gets Stuck", "Out of Reach", "Whoops!"],
        "inciting.share": ["One {Thing}, Two Friends", "Just One {Thing}"],
        "inciting.win": ["The Big Day Is Coming", "Who Will Win?"],
        "inciting.overcome": ["The Hard Thing", "Too Big to Face"],
        "first-try": ["The First Try", "{Hero} Tries Alone", "Not So Easy"],
        "helper": ["{Helper} Helps", "A Clever Friend", "Two Heads Are Better"],
        "journey": ["On and On", "Further Still", "A Clue", "The Search Goes On", "Another Place to Look"],
        "setback": ["Things Go Wrong", "Almost Giving Up", "The Worst Moment"],
        "turn": ["{Hero} Has an Idea", "A New Way", "One More Try"],
        "resolution.find": ["The {Thing} Is Found", "There It Is!"],
        "resolution.fix": ["The {Thing} Works Again", "Fixed!"],
        "resolution.free": ["Free at Last", "The Last Knot"],
        "resolution.make": ["Ready at Last", "Just in Time"],
        "resolution.reach": ["Just in Time", "There at Last"],
        "resolution.retrieve": ["The {Thing} Comes Down", "Got It!"],
        "resolution.share": ["Room for Two", "Together Under One"],
        "resolution.win": ["{Hero}'s Own Way", "The Winner"],
        "resolution.overcome": ["{Hero} Does It", "Brave After All"],
        "closing": ["Home Again", "A Good Night", "The End of the Day"],
    ]
}
