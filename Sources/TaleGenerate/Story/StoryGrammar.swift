/// The storyteller's sentences, by part. A part is `<role>.<what>`; goal-specific parts end in
/// the goal kind (`inciting.fix`). `[present|past]` is a tense choice. Placeholders name the
/// plan's pieces:
///
/// - people: `{hero}`, `{helper}`, `{mentor}`, `{heroKind}`, `{helperKind}`, `{beneficiary}`
/// - the key thing: `{thing}` ("the radio"), `{thingNoun}`, `{use}`, `{trouble}`
/// - the goal: `{goal}` ("fix the radio"), `{goals}` ("[fixes|fixed] the radio"), `{obstacle}`, `{deadline}`, `{fear}`, `{flaw}`
/// - the place: `{place}`, `{home}`, `{spot}`, `{spot2}`, `{sight}`, `{sound}`, `{hazard}`, `{makeshift}`, `{soundWord}`
/// - doing: `{moves}`, `{helperMoves}`, `{skill}`, `{skillAct}`, `{heroSkill}`, `{heroAct}`, `{refrain}`
///
/// A sentence whose placeholder has no value in a book is not used. No sentence here names
/// anything that belongs to one kind of place only: that is what the setting lexicons are for.
enum StoryGrammar {
    /// Sentences of the picture-book, early-reader and chapter voices.
    static let parts: [String: [String]] = [
        // Opening: who, where, the key thing in its place, the flaw.
        "opening.place": [
            "In {place}, {sight}.",
            "{place} [is|was] a fine place to live, and {sight}.",
            "Every day in {place}, {sight}.",
            "Over in {place}, {sight}, just as always.",
            "This [is|was] {place}, where {sight}.",
        ],
        "opening.hero": [
            "{hero} [lives|lived] in the {home}, and {hero} [is|was] {heroLooks}.",
            "{hero}, {heroLooks}, [lives|lived] there too.",
            "That [is|was] where {hero} [lives|lived]: {heroLooks}.",
            "{hero} [is|was] {heroLooks}, and the {home} [is|was] {hero}'s favourite place.",
        ],
        "opening.thing": [
            "Every day, {ownedThe} {use}.",
            "Everyone [knows|knew] {ownedThe}: it {use}.",
            "{hero} [loves|loved] {ownedThe}, because it {use}.",
            "Nothing [is|was] more important to {hero} than {ownedThe}.",
        ],
        "opening.flaw": [
            "But {hero} {flaw}, even in the {home}.",
            "There [is|was] one thing nobody in the {home} [knows|knew]: {hero} {flaw}.",
            "Only, {hero} {flaw}, and nobody in {place} [knows|knew] it.",
            "The trouble [is|was] that {hero} {flaw}, more than any {heroKind} should.",
        ],
        "opening.friend": [
            "{helper}, {helperLooks}, [is|was] {hero}'s best friend.",
            "Next door [lives|lived] {helper}, {helperLooks}, who [can|could] {skill}.",
            "{hero}'s friend {helper} [can|could] {skill}.",
            "{helper} [is|was] {helperLooks}, and always ready to help.",
        ],
        // The trouble, by goal.
        "inciting.find": [
            "Then one day, {thing} [is|was] gone!",
            "{hero} [looks|looked] for {thing}, but it [is|was] not there.",
            "But where {thing} always [sits|sat], there [is|was] nothing at all.",
        ],
        "inciting.fix": [
            "Then {thing} {trouble}.",
            "One day, {thing} {trouble}, and nobody [knows|knew] why.",
            "But today {thing} {trouble}.",
        ],
        "inciting.free": [
            "Then {hero} [sees|saw] {beneficiary}, caught fast in a {thingNoun}!",
            "Suddenly, there [is|was] {beneficiary}, all tangled up in a {thingNoun}.",
            "{beneficiary} [is|was] stuck in a {thingNoun} and cannot get out.",
        ],
        "inciting.make": [
            "Today {hero} [wants|wanted] to {goal}, but {obstacle}.",
            "It [is|was] the day to {goal}. Then {hero} [finds|found] out that {obstacle}.",
            "{hero} [has|had] everything ready to {goal}, until {obstacle}.",
        ],
        "inciting.reach": [
            "Today {hero} [has|had] to {goal}.",
            "Then news [comes|came]: {hero} [must|had to] {goal}.",
            "It [is|was] time to {goal}, and {hero} [is|was] the one to do it.",
        ],
        "inciting.retrieve": [
            "Then, whoops! {thing} [flies|flew] up and [gets|got] stuck {spot}.",
            "All at once, {thing} [is|was] stuck {spot}.",
            "But {thing} [slips|slipped] away and [lands|landed] {spot}, stuck fast.",
        ],
        "inciting.share": [
            "Then {hero} and {helper} both [want|wanted] {thing} at once.",
            "But there [is|was] only one {thingNoun}, and two friends who [need|needed] it.",
            "{hero} [has|had] {thing}, and {helper} [has|had] nothing at all.",
        ],
        "inciting.win": [
            "Then a poster [goes|went] up: everyone [can|could] try to {goal}.",
            "The day to {goal} [is|was] coming, and {hero} [wants|wanted] it more than anything.",
            "Everyone [is|was] getting ready to {goal}, and so [is|was] {hero}.",
        ],
        "inciting.overcome": [
            "Then {hero} [has|had] to {goal}.",
            "Today there [is|was] no way around it: {hero} [must|had to] {goal}.",
            "But now {hero} [needs|needed] to {goal}.",
        ],
        "inciting.stakes": [
            "{hero} [has|had] to {goal} before {deadline}.",
            "It [must|had to] be done before {deadline}.",
            "And it [has|had] to happen before {deadline}.",
            "Without {ownedThe}, nothing [is|was] quite right in the {home}.",
            "{hero} [knows|knew] what to do: {goal}.",
        ],
        "inciting.feel": [
            "{hero}'s heart [goes|went] thump, thump at the thought of {thing}.",
            "{hero} [feels|felt] a wobble inside, thinking about {thing}.",
            "\"Oh no, {thing}!\" [says|said] {hero}.",
            "{hero} [stands|stood] very still {spot} and [thinks|thought] about {thing}.",
        ],
        "inciting.friend": [
            "\"I will help you {goal},\" [says|said] {helper}.",
            "{helper} [comes|came] running. \"We can {goal} together!\"",
            "\"Let's {goal},\" [says|said] {helper}, and [takes|took] {hero}'s hand.",
        ],
        // A first try that fails because of the obstacle.
        "try.go": [
            "So {hero} [sets|set] off, and {moves} {searchSpot}.",
            "First {hero} {moves} off {searchSpot}.",
            "Off {hero} [goes|went], {searchSpot}.",
            "First, {hero} [goes|went] straight to {thing}.",
            "{hero} [hurries|hurried] over to {thing}.",
        ],
        "try.attempt": [
            "{hero} [tries|tried] to {goal} the quick way.",
            "{hero} [does|did] the first thing anyone would: try to {goal} at once.",
            "There, {hero} [tries|tried] hard to {goal}.",
        ],
        "try.fail": [
            "But {obstacle}.",
            "It [is|was] no use, because {obstacle}.",
            "But it [does|did] not work: {obstacle}.",
        ],
        "try.feel": [
            "{hero} [sits|sat] down {spot} with a sigh.",
            "{hero} [feels|felt] small {spot}, and a little silly.",
            "\"That did not work,\" [says|said] {hero} quietly, looking at {thing}.",
        ],
        // The helper's skill moves things on.
        "helper.idea": [
            "Then {helper} [has|had] an idea about {thing}.",
            "\"Wait,\" [says|said] {helper}. \"I can {skill}!\"",
            "{helper} [looks|looked] at {thing} and [smiles|smiled]. \"Leave this part to me. I can {skill}.\"",
        ],
        "helper.act": [
            "{helper} {skillAct}.",
            "So {helper} {skillAct}, right there and then.",
            "Quick as a wink, {helper} {skillAct}.",
        ],
        "helper.self": [
            "Then {hero} [remembers|remembered] something: {hero} [can|could] {heroSkill}.",
            "{hero} [takes|took] a deep breath and {heroAct}.",
        ],
        "helper.progress": [
            "Now {hero} [knows|knew] a little more about {thing}.",
            "It [is|was] a start, and {thing} [seems|seemed] a little closer.",
            "That [helps|helped]: {hero} [can|could] see the way to {goal} now.",
        ],
        // The journey goes on.
        "journey.go": [
            "On they [go|went], {spot}.",
            "Then they [try|tried] {spot}, where nobody [has|had] looked.",
            "Further on, {hero} {moves} {spot}.",
            "{hero} {moves} on, {spot}.",
            "Next they [look|looked] {spot}.",
            "They [go|went] on and on, {spot}.",
            "Step by step, {hero} {moves} {spot}.",
        ],
        "journey.sight": [
            "All around, {sight}.",
            "Far off, {sight}, and {hero} [feels|felt] a little braver.",
            "On the way, {sight}.",
            "{hero} [hears|heard] {sound}.",
            "Nearby, {sight}, and {hero} [stops|stopped] to look.",
            "They [listen|listened] to {sound} as they [go|went].",
        ],
        "journey.search": [
            "But {lostThing} [is|was] not there either.",
            "Still no {lostNoun}, {spot2} or anywhere else.",
            "{hero} [thinks|thought] about {thing} the whole way.",
            "They [find|found] a clue: {lostThing} [has|had] been this way.",
            "Every step [brings|brought] them closer to being able to {goal}.",
            "{hero} [stops|stopped] to listen {spot}: only {sound}.",
            "There [is|was] no sign of {thing} {spot}, so on they [go|went].",
        ],
        // Something goes wrong.
        "setback.hazard": [
            "Then, oh no! The way [ends|ended] at {hazard}.",
            "Suddenly {hero} [slips|slipped] near {hazard}.",
            "But then they [come|came] to {hazard}.",
            "{hazard} [blocks|blocked] the way.",
        ],
        // What goes wrong when the goal is not a search: a cause, not bad luck.
        "setback.cause.fix": [
            "Then, with a fizz, the mended part [comes|came] loose again, and {thing} [goes|went] quiet.",
            "But one more part of {thing} [is|was] broken too, deep inside where nobody [can|could] reach.",
        ],
        "setback.cause.make": [
            "Then, oh no! The bowl [tips|tipped], and half of everything [spills|spilled] across the {home}.",
            "But the first try at {thing} [comes|came] out flat and sad, and they [have|had] to start again.",
        ],
        "setback.cause.free": [
            "Then {beneficiary} [wriggles|wriggled], and the {thingNoun} [pulls|pulled] tighter than before.",
            "But every knot they [loosen|loosened] [seems|seemed] to tie another in the {thingNoun}.",
        ],
        "setback.cause.share": [
            "Then {hero} and {helper} both [tug|tugged] at {thing}, and neither of them [is|was] happy.",
            "But {thing} [is|was] too small for two, and someone [is|was] always left out.",
        ],
        "setback.cause.win": [
            "Then {hero} [slips|slipped] at the very start, and the others [rush|rushed] ahead.",
            "But in the practice run {hero} [comes|came] last, far behind everyone else.",
        ],
        "setback.cause.overcome": [
            "Then {fear} [seems|seemed] to grow bigger and bigger.",
            "But the closer {hero} [gets|got], the bigger {fear} [feels|felt].",
        ],
        "setback.loss": [
            "And it [is|was] getting late, and {hero} still [has|had] not managed to {goal}.",
            "Time [is|was] running out: it all [has|had] to be done before {deadline}.",
            "Worst of all, {hero} [is|was] no closer to being able to {goal}.",
        ],
        "setback.doubt": [
            "\"I can't do it,\" [says|said] {hero}. \"I can't {goal}.\"",
            "{hero} [wants|wanted] to give up and go back to the {home}.",
            "{hero} [thinks|thought] about the {home} and [wishes|wished] to be there.",
        ],
        "setback.comfort": [
            "{helper} [sits|sat] close to {hero}. \"Don't give up on {thing}.\"",
            "{helper} [holds|held] {hero}'s hand tight {spot}.",
            "\"We have come so far from the {home},\" [says|said] {helper}.",
        ],
        // The turn.
        "turn.remember": [
            "Then {hero} [remembers|remembered] what {mentor} always [says|said] in the {home}: little by little, things get done.",
            "{hero} [thinks|thought] of {mentor}, who [knows|knew] {place} better than anyone.",
            "{hero} [thinks|thought] about the first try at {thing}, and why it [went|had gone] wrong.",
            "{hero} [looks|looked] back {spot2}, and [sees|saw] something new about {thing}.",
        ],
        "turn.idea.find": [
            "{thing} [is|was] not lost at all: it [has|had] rolled {finalSpot}!",
            "Maybe {thing} [is|was] somewhere nobody [has|had] looked yet: {finalSpot}.",
        ],
        "turn.idea.fix": [
            "{makeshift} [can|could] take the place of the broken piece!",
            "If one piece [is|was] missing, {makeshift} [can|could] do its job.",
        ],
        "turn.idea.free": [
            "A {thingNoun} [can|could] not be pulled apart, but it [can|could] be untied, one knot at a time.",
            "The knots of the {thingNoun} [can|could] be loosened slowly, one by one.",
        ],
        "turn.idea.make": [
            "Maybe they [can|could] {goal} another way, with what they already [have|had].",
            "Nobody [says|said] there [is|was] only one way to {goal}.",
        ],
        "turn.idea.reach": [
            "The way to {thing} [does|did] not have to be fast: it [has|had] to be the right way.",
            "With {makeshift}, they [can|could] find the way.",
        ],
        "turn.idea.retrieve": [
            "They [can|could] not jump that high, but {makeshift} [can|could] reach {thing}.",
            "What if they [use|used] {makeshift} to get {thing} down?",
        ],
        "turn.idea.share": [
            "One {thingNoun} [can|could] be for two, if they [stand|stood] close together.",
            "If they [take|took] turns, {thing} [can|could] be for both of them.",
        ],
        "turn.idea.win": [
            "{hero} [does|did] not need to be like the others; {hero} [can|could] {heroSkill}.",
            "{hero} [can|could] {heroSkill}, and nobody else [can|could].",
        ],
        "turn.idea.overcome": [
            "{fear} [is|was] still there, but so [is|was] {helper}.",
            "Being afraid of {fear} [is|was] all right, as long as {hero} [keeps|kept] going.",
        ],
        "turn.together": [
            "{helper} [is|was] right there beside {hero}, {spot}.",
            "\"Try it,\" [says|said] {helper}, and [points|pointed] at {thing}.",
            "{helper} [nods|nodded], and {hero} [knows|knew] just what to do about {thing}.",
        ],
        "turn.brave": [
            "{hero} [takes|took] a deep breath and [looks|looked] hard at {thing}.",
            "{hero} [stands|stood] up tall {spot}, even though {hero} {flaw}.",
            "\"I will try once more to {goal},\" [says|said] {hero}.",
            "This time, {hero} [does|did] not give up on {thing}.",
        ],
        // The goal reached, using the key thing.
        "resolution.find": [
            "And there, {spot}, [is|was] {thing}!",
            "{hero} [looks|looked] {spot}, and there [is|was] {thing}, safe and sound.",
        ],
        "resolution.fix": [
            "Click! {hero} [fits|fitted] {makeshift} into place, and {thing} [is|was] whole again.",
            "{hero} and {helper} [fit|fitted] {makeshift} in, and {thing} [comes|came] back to life.",
        ],
        "resolution.free": [
            "One by one, {hero} [undoes|undid] the knots, and {beneficiary} [slips|slipped] free of the {thingNoun}!",
            "The last knot [comes|came] loose, and {beneficiary} [is|was] free at last.",
        ],
        "resolution.make": [
            "Bit by bit, with what they [have|had], {hero} and {helper} [manage|managed] to {goal}.",
            "With a lot of care and a new plan, {hero} [does|did] it: {thing} [is|was] ready.",
        ],
        "resolution.reach": [
            "At last {hero} [reaches|reached] {thing}, just in time.",
            "And {hero} [does|did] it: {hero} {goals}.",
        ],
        "resolution.retrieve": [
            "With {makeshift}, {hero} [reaches|reached] up, and down [comes|came] {thing}!",
            "{hero} [gives|gave] one last try with {makeshift}, and {thing} [tumbles|tumbled] down.",
        ],
        "resolution.share": [
            "So {hero} and {helper} [share|shared] {thing}, close together.",
            "They [take|took] turns with {thing}, and both [are|were] happy.",
        ],
        "resolution.win": [
            "When it [is|was] {hero}'s turn, {hero} {heroAct}, and everyone [cheers|cheered].",
            "{hero} [does|did] it in {hero}'s own way, and {hero} {goals}.",
        ],
        "resolution.overcome": [
            "And {hero} [does|did] it: {hero} {goals}.",
            "{hero} [feels|felt] the fear of {fear}, and [does|did] it anyway.",
        ],
        "resolution.use": [
            "Now {thing} {solvedUse}.",
            "And then {thing} {solvedUse}, just as it should.",
            "Look! {Thing} {solvedUse}.",
        ],
        "resolution.joy": [
            "{hero} and {helper} [laugh|laughed] and [dance|danced] around {thing}.",
            "\"We did it!\" [shouts|shouted] {hero}, and the cheer [rings|rang] out over {place}.",
            "{hero} [hugs|hugged] {helper} so tight that they both [squeak|squeaked], right there {spot}.",
            "{hero} [does|did] a happy little dance beside {thing}.",
        ],
        // Home again, and the opening's picture again.
        "closing.home": [
            "Back in the {home}, everything [is|was] just right.",
            "At last, {hero} [comes|came] home to the {home}.",
            "Then it [is|was] time to go back to the {home}.",
        ],
        "closing.echo": [
            "And in {place}, {sight}, just as before.",
            "Outside, {sight}, the same as every day.",
            "{ownedThe} {use}, as it always [has|had].",
        ],
        "closing.theme.courage": [
            "Maybe {hero} {flaw}, a little, even now. But now {hero} [knows|knew] how to be brave in {place}.",
            "{mentor} [smiles|smiled]. \"You were afraid of {fear}, and you went all the same. That is what brave means.\"",
        ],
        "closing.theme.friendship": [
            "{hero} [looks|looked] at {helper} and {thing}. Some jobs are too big for one {heroKind}, and just right for two.",
            "\"I could not have done it without you,\" [says|said] {hero}, and [gives|gave] {helper} a hug {spot2}.",
        ],
        "closing.theme.sharing": [
            "There [is|was] enough {thingNoun} for everyone, because they [shared|shared].",
            "{hero} [finds|found] that sharing {thing} made the day twice as good.",
        ],
        "closing.theme.patience": [
            "Slow and steady had done it, one careful step at a time, all the way to {thing}.",
            "{hero} [smiles|smiled] at {thing}. Going slowly had been the quickest way after all.",
        ],
        "closing.theme.kindness": [
            "A kind act [is|was] never small, {hero} [thinks|thought], not even in {place}.",
            "{hero} [knows|knew] now that helping {beneficiary} had been the best feeling of all.",
        ],
        "closing.theme.perseverance": [
            "{hero} had tried to {goal}, and tried again, and that had made all the difference.",
            "It had taken many tries to {goal}, but {hero} never gave up.",
        ],
        "closing.end": [
            "And {hero} [falls|fell] asleep in the {home} with a smile.",
            "{hero} [yawns|yawned] a big {heroKind} yawn and [snuggles|snuggled] down in the {home}.",
            "And that [is|was] the end of a very big day in {place}.",
        ],
    ]
}
