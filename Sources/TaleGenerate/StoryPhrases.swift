/// The embedded storyteller's sentences, by register, beat and part. Placeholders: `{H}` hero,
/// `{F}` friend, `{M}` mentor, `{S}` setting, `{G}` goal ("find the lantern"), `{Gs}` goal in
/// the third person ("finds the lantern"), `{X}` fear, `{HL}` and `{FL}` looks. A sentence whose
/// placeholder has no value in a book is left out. Each part lists sentences that are different
/// in words, so that scenes of the same beat do not repeat one another.
enum StoryPhrases {
    /// Simple register: short sentences and everyday words, for readers up to 12.
    static let simple: [String: [String]] = [
        "opening.intro": [
            "Once upon a time, in {S}, there lives {H}.",
            "Meet {H}. {H} lives in {S}.",
            "Far away, in {S}, is the home of {H}.",
            "This is {H}, who lives in {S}.",
        ],
        "opening.looks": [
            "{H} is {HL}.",
            "Look, here is {H}: {HL}.",
            "{H} is {HL}, and proud of it.",
        ],
        "opening.life": [
            "{H} likes warm mornings and quiet songs.",
            "Every day, {H} counts the clouds and hums a tune.",
            "{H} loves puddles, pebbles and picnics.",
            "Each morning, {H} says hello to the sun.",
            "{H} has a small home and a big heart.",
            "{H} likes to listen to the wind in the grass.",
        ],
        "opening.friend": [
            "{H}'s best friend is {F}, {FL}.",
            "{F}, {FL}, lives just next door.",
            "{H} and {F} do everything together.",
            "{F} is {FL}, and {H}'s very best friend.",
        ],
        "opening.fear": [
            "But {H} is afraid of {X}.",
            "There is just one thing {H} does not like: {X}.",
            "Only one thing makes {H} shiver: {X}.",
        ],
        "problem.turn": [
            "One morning, something is not right.",
            "Then, one day, everything changes.",
            "But today is not like other days.",
            "One evening, {H} hears some news.",
            "Then one windy day, there is trouble.",
            "But one morning, {H} wakes up to a surprise.",
        ],
        "problem.goal": [
            "{H} must {G}.",
            "Someone has to {G}, and that someone is {H}.",
            "{H} knows it now: it is time to {G}.",
        ],
        "problem.worry": [
            "\"Oh no,\" says {H}. \"What do we do now?\"",
            "{H}'s heart goes thump, thump, thump.",
            "\"I can't do this,\" whispers {H}.",
            "{H} feels very small.",
        ],
        "problem.friend": [
            "\"I will help you,\" says {F}.",
            "{F} stands close to {H}. \"We can do it together.\"",
            "\"Don't worry,\" says {F}. \"I'm right here.\"",
        ],
        "problem.nogoal": [
            "{H} wants to make things right.",
            "Somebody has to fix it, and {H} will try.",
        ],
        "attempt.lead": [
            "{H} tries the easy way first.",
            "So {H} sets off down the path.",
            "Next, {H} tries something new.",
            "The next day, {H} tries again.",
            "{H} thinks and thinks.",
            "Off goes {H}, one step at a time.",
            "This time, {H} has a plan.",
            "Again {H} sets out, a little braver.",
        ],
        "attempt.action": [
            "{H} looks high and low.",
            "{H} climbs up, up, up.",
            "{H} peeks under every stone.",
            "{H} calls out as loud as can be.",
            "{H} hops over roots and tiptoes past puddles.",
            "{H} follows a trail of tiny tracks.",
            "{H} asks everyone along the way.",
            "{H} pushes and pulls and pushes again.",
        ],
        "attempt.setback": [
            "But it is no use.",
            "But the path only goes round in a circle.",
            "Oh dear. That is the wrong way.",
            "But the wind blows the plan away.",
            "But it is too hard to do alone.",
            "Splash! {H} lands in a puddle.",
            "But nothing is there, only shadows.",
            "But the day is almost over.",
        ],
        "attempt.speech": [
            "\"Let's try once more,\" says {F}.",
            "\"Maybe over there,\" says {F}, pointing.",
            "\"Don't give up,\" says {F}.",
            "{F} has an idea too, but it does not work.",
            "\"We are getting close,\" says {F}.",
            "{F} stays close, just in case.",
            "\"Hold on!\" calls {F}.",
            "\"Are we there yet?\" asks {F}.",
        ],
        "attempt.feel": [
            "{H} sits down for a rest.",
            "{H} sighs a big sigh.",
            "{H} is tired, but not ready to stop.",
            "{H} wipes away a tear.",
            "{H} takes a deep breath.",
            "{H} hums a little song to feel brave.",
            "{H} counts to ten, slowly.",
            "{H} looks up at the sky and wonders.",
        ],
        "attempt.fear": [
            "All around, {X} seems bigger than ever.",
        ],
        "turning.idea": [
            "Then {H} has an idea.",
            "Suddenly, {H} stops. \"I know!\"",
            "Then {H} remembers something important.",
            "All at once, {H} understands.",
        ],
        "turning.help": [
            "\"We can do it together,\" says {F}.",
            "{F} shows the way, and {H} is not alone.",
            "With {F} close by, {H} feels braver.",
        ],
        "turning.courage": [
            "{H} is still afraid of {X}, but {H} takes one step, then another.",
            "{X} is still there, but {H} goes on anyway.",
        ],
        "turning.step": [
            "{H} takes one step, then another.",
            "This time, {H} does not give up.",
        ],
        "turning.mentor": [
            "{M} once said, \"Small steps can go a long way.\"",
            "{H} thinks of {M}, who always says, \"Try, and try again.\"",
        ],
        "resolution.success": [
            "At last, {H} {Gs}!",
            "And just like that, {H} {Gs}.",
        ],
        "resolution.nogoal": [
            "At last, everything is all right again.",
            "And just like that, the trouble is over.",
        ],
        "resolution.joy": [
            "Everyone cheers.",
            "{F} gives {H} the biggest hug.",
            "{H} laughs and laughs.",
            "{H} does a happy little dance.",
        ],
        "resolution.moral": [
            "{H} knows now that {moral}.",
            "And {H} learns something new: {moral}.",
        ],
        "resolution.home": [
            "That night, {H} sleeps tight and smiles.",
            "Then it is time to go home.",
            "The stars come out, one by one.",
            "And all is quiet and happy again.",
        ],
        "title.opening": ["Meet {H}", "A Day with {H}", "{H}'s Home"],
        "title.problem": ["Something Is Wrong", "A Big Problem", "Trouble Comes"],
        "title.attempt": ["{H} Tries", "One More Try", "Another Way", "Not Yet", "A New Plan", "The Long Way", "Over and Under", "Keep Going"],
        "title.turning point": ["A Bright Idea", "Together", "The Brave Step"],
        "title.resolution": ["Home at Last", "All Is Well", "The Happy End"],
    ]

    /// Rich register: longer sentences and a wider vocabulary, for teens and adults.
    static let rich: [String: [String]] = [
        "opening.intro": [
            "In {S}, where the days move slowly and everyone knows everyone, {H} has always felt a little out of place.",
            "Nobody in {S} expects much of {H}, and for a long time {H} expects even less.",
            "{H} has grown up in {S}, memorising its quiet routines and its unspoken rules.",
            "Life in {S} follows careful patterns, and {H} knows every one of them by heart.",
        ],
        "opening.life": [
            "{H} spends most evenings alone, sketching ideas in a battered notebook and wondering what lies beyond the horizon.",
            "Curiosity is {H}'s constant companion: persistent, restless and occasionally inconvenient.",
            "{H} collects questions the way other people collect souvenirs, carefully and without apology.",
        ],
        "opening.friend": [
            "{F}, {FL}, is the only person who never laughs at {H}'s questions.",
            "{H} and {F} have been inseparable since childhood, despite disagreeing about almost everything.",
            "{F} is {FL}, practical where {H} is imaginative, and loyal beyond reason.",
        ],
        "opening.fear": [
            "What {H} never admits, though, is a deep and stubborn fear of {X}.",
            "Beneath the confidence, {H} carries a private, persistent fear of {X}.",
        ],
        "problem.turn": [
            "Everything changes on an ordinary afternoon, with a discovery nobody anticipated.",
            "The trouble begins quietly, as serious trouble often does.",
            "Then an unexpected message arrives, and the familiar world suddenly feels unreliable.",
        ],
        "problem.goal": [
            "Someone has to {G}, and to everyone's surprise, including {H}'s own, {H} volunteers.",
            "The responsibility settles on {H}, heavy and unavoidable: {H} must {G}.",
        ],
        "problem.worry": [
            "{H} considers every reason to refuse, and there are many.",
            "Doubt arrives immediately, uninvited and extremely persuasive.",
        ],
        "problem.friend": [
            "\"You realise this is a terrible idea,\" says {F}, already gathering supplies.",
            "{F} listens to the whole plan, sighs dramatically, and agrees to help.",
        ],
        "problem.nogoal": [
            "Somebody needs to respond, and {H} reluctantly accepts that it will be {H}.",
        ],
        "attempt.lead": [
            "The first attempt relies on careful calculation and considerable optimism.",
            "{H} approaches the problem methodically, testing one possibility after another.",
            "Determined to succeed independently, {H} sets out before sunrise.",
            "Another plan takes shape, more ambitious than the last.",
            "This time, {H} studies every detail before committing to anything.",
            "With renewed determination, {H} returns to the beginning.",
            "Against all advice, {H} tries the most dangerous approach available.",
            "Patiently, almost stubbornly, {H} begins again.",
        ],
        "attempt.action": [
            "Hours disappear into measurements, diagrams and increasingly creative guesses.",
            "{H} follows every rumour, however unlikely, across the length of the region.",
            "{H} interviews anyone willing to talk, collecting contradictory stories.",
            "{H} experiments with every available material, documenting each result.",
            "{H} retraces the original route, searching for anything previously overlooked.",
            "{H} negotiates, persuades and eventually bargains for information.",
            "{H} climbs higher than is sensible, hoping for a clearer perspective.",
            "{H} works through the night, ignoring exhaustion and common sense.",
        ],
        "attempt.setback": [
            "Unfortunately, reality refuses to cooperate.",
            "The result is an instructive and thoroughly humbling failure.",
            "Halfway through, the entire strategy collapses.",
            "Every promising direction eventually leads back to the beginning.",
            "The evidence, examined honestly, contradicts everything {H} believed.",
            "A sudden complication undoes several days of progress.",
            "The answer remains frustratingly, infuriatingly out of reach.",
            "Nothing works, although several things fail in genuinely interesting ways.",
        ],
        "attempt.speech": [
            "\"Perhaps we are asking the wrong question,\" {F} suggests.",
            "{F} offers encouragement, along with several unhelpful observations.",
            "\"Again?\" asks {F}, and {H} simply nods.",
            "{F} notices a detail that {H} overlooked.",
            "\"We could always give up,\" {F} says, not meaning it.",
            "{F} keeps careful records, quietly correcting {H}'s calculations.",
            "\"Tell me what you actually saw,\" says {F}, patiently.",
            "{F} argues, listens, and finally agrees to one more attempt.",
        ],
        "attempt.feel": [
            "{H} begins to suspect that determination alone is not enough.",
            "Frustration gives way to something quieter and more useful: attention.",
            "{H} records every mistake, because mistakes, at least, are honest.",
            "Exhausted, {H} reconsiders everything.",
            "For a moment, {H} imagines abandoning the whole enterprise.",
            "{H} walks for hours, letting the problem settle.",
            "Disappointment is familiar by now, almost comfortable.",
            "{H} sleeps badly, dreaming of impossible solutions.",
        ],
        "attempt.fear": [
            "Everywhere {H} turns, {X} seems closer than before.",
        ],
        "turning.idea": [
            "Then, unexpectedly, the pieces rearrange themselves into a pattern {H} finally recognises.",
            "The answer, it turns out, was never hidden; {H} simply needed to look differently.",
            "For the first time, {H} stops trying to control everything and starts listening.",
        ],
        "turning.help": [
            "Together, {H} and {F} attempt what neither could manage alone.",
            "{F} steadies the plan while {H} takes the final, necessary risk.",
        ],
        "turning.courage": [
            "{X} has not disappeared, but it no longer decides what {H} does.",
            "Still afraid of {X}, {H} continues anyway, which is what courage actually means.",
        ],
        "turning.step": [
            "{H} commits completely, without a second plan to fall back on.",
            "Carefully, deliberately, {H} takes the first irreversible step.",
        ],
        "turning.mentor": [
            "{H} remembers {M}'s advice, offered years ago and ignored until now.",
        ],
        "resolution.success": [
            "At last, {H} {Gs}, though not in the way anyone imagined.",
            "Against every expectation, {H} {Gs}.",
        ],
        "resolution.nogoal": [
            "At last, the crisis passes, leaving everyone slightly astonished.",
        ],
        "resolution.joy": [
            "{F} never lets {H} forget who volunteered first.",
            "The celebration is brief, noisy and entirely deserved.",
            "Relief arrives slowly, then all at once.",
        ],
        "resolution.moral": [
            "{H} understands now that {moral}.",
            "If there is a lesson, {H} decides, it is this: {moral}.",
        ],
        "resolution.home": [
            "When it is finished, everything looks the same, yet everything feels different.",
            "{H} returns home tired, changed, and quietly proud.",
        ],
        "title.opening": ["Beginnings", "Ordinary Days", "Before Everything Changed"],
        "title.problem": ["The Discovery", "An Unwelcome Message", "The Question"],
        "title.attempt": ["First Attempt", "Reconsidering", "Another Approach", "Dead Ends", "The Long Night",
                          "Contradictions", "Evidence", "Starting Over"],
        "title.turning point": ["The Breakthrough", "Together", "The Irreversible Step"],
        "title.resolution": ["Afterwards", "What Remains", "Homecoming"],
    ]
}
