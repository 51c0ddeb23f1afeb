import Foundation

/// What the hero sets out to do, which shapes every beat of the story.
public enum GoalKind: String, Sendable, Codable, CaseIterable {
    /// Find something lost.
    case find
    /// Mend something broken.
    case fix
    /// Free someone caught or trapped.
    case free
    /// Make or bake something.
    case make
    /// Get somewhere, or get something somewhere.
    case reach
    /// Get back something stuck out of reach.
    case retrieve
    /// Share one thing among friends.
    case share
    /// Win a contest.
    case win
    /// Face a fear, or learn to do something.
    case overcome
}

/// The hour a scene happens at. A story's hours only move forward.
public enum TimeOfDay: String, Sendable, Codable, CaseIterable, Comparable {
    case dawn, morning, afternoon, evening, night

    /// Earlier hours are smaller.
    public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// The part a scene plays. A short book gives one scene several roles.
public enum BeatRole: String, Sendable, Codable, CaseIterable {
    /// Who, where, and what life is like.
    case opening
    /// The trouble: the key thing is lost, broken, stuck or needed, and the hero must act.
    case inciting
    /// A first try that fails because of the obstacle.
    case firstTry = "first-try"
    /// A helper's skill moves things on.
    case helper
    /// The search or journey goes on to a new place.
    case journey
    /// Something goes wrong; the hero doubts.
    case setback
    /// The turn: what the hero learned, or someone did, changes things.
    case turn
    /// The goal reached, using the key thing.
    case resolution
    /// A closing image that echoes the opening.
    case closing
}

/// How the story's key thing stands in a scene.
public enum ThingState: String, Sendable, Codable {
    /// All is well with it (before the trouble).
    case fine
    /// Lost, broken, stuck, trapped or still to be made.
    case trouble
    /// Found, mended, freed, made, shared.
    case solved
}

/// What a character can do that matters, from its role and looks.
public struct CharacterSkill: Sendable, Codable, Equatable {
    /// The character's name.
    public var name: String
    /// Its kind ("robot", "firefly"), when known.
    public var kind: String?
    /// What it can do, after "can".
    public var can: String

    /// A skill.
    public init(name: String, kind: String?, can: String) {
        self.name = name
        self.kind = kind
        self.can = can
    }
}

/// One scene of the plan.
public struct PlannedScene: Sendable, Codable, Equatable {
    /// The roles it plays, in order.
    public var roles: [BeatRole]
    /// Its title (the writer's, or one that says what happens).
    public var title: String
    /// What happens, in one sentence.
    public var event: String
    /// The hour.
    public var time: TimeOfDay
    /// Who is there, by name.
    public var present: [String]
    /// How the key thing stands.
    public var thing: ThingState
    /// Where in the setting it happens ("behind the big grey crater"), when the storyteller chose.
    public var spot: String?
    /// Whether the writer wrote this scene's text.
    public var written: Bool

    enum CodingKeys: String, CodingKey { case roles, title, event, time, present, thing, spot, written }

    /// A planned scene as stored, or as a service wrote it: title and event are required; the hour
    /// is the morning, the roles none, the key thing in trouble, when a service leaves them out.
    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        title = try values.decode(String.self, forKey: .title)
        event = try values.decode(String.self, forKey: .event)
        roles = try values.decodeIfPresent([BeatRole].self, forKey: .roles) ?? []
        time = try values.decodeIfPresent(TimeOfDay.self, forKey: .time) ?? .morning
        present = try values.decodeIfPresent([String].self, forKey: .present) ?? []
        thing = try values.decodeIfPresent(ThingState.self, forKey: .thing) ?? .trouble
        spot = try values.decodeIfPresent(String.self, forKey: .spot)
        written = try values.decodeIfPresent(Bool.self, forKey: .written) ?? false
    }

    /// A planned scene.
    public init(roles: [BeatRole], title: String, event: String, time: TimeOfDay, present: [String], thing: ThingState,
                spot: String? = nil, written: Bool = false) {
        self.roles = roles
        self.title = title
        self.event = event
        self.time = time
        self.present = present
        self.thing = thing
        self.spot = spot
        self.written = written
    }
}

/// A book's story plan: what the premise means and what happens in each scene, made once before
/// any scene is written and stored in `generated/plan.json` with the lock. Every scene, title,
/// summary and tag is written from it. Clauses may hold a tense choice, `[present|past]`, which
/// the writing voice settles.
public struct StoryPlan: Sendable, Codable, Equatable {
    /// The hero's name.
    public var hero: String
    /// The hero's kind, when known.
    public var heroKind: String?
    /// The main helper's name, if the book has one.
    public var helper: String?
    /// A wise grown-up, if the book has one.
    public var mentor: String?
    /// What each character can do that matters.
    public var skills: [CharacterSkill]
    /// What kind of goal it is.
    public var goalKind: GoalKind
    /// The goal, as a verb phrase ("fix the radio").
    public var goal: String
    /// The key thing, as a noun ("radio").
    public var keyThing: String
    /// What the key thing does when all is well, as a clause ("[lights|lit] the village path").
    public var keyThingUse: String
    /// Who is trapped or helped, for goals about someone else ("the turtle").
    public var beneficiary: String?
    /// What stands in the way, as a clause.
    public var obstacle: String
    /// What the hero fears ("the dark"), if the premise says.
    public var fear: String?
    /// The hero's flaw or worry, as a clause about the hero.
    public var flaw: String
    /// What is lost if the hero fails, as a clause.
    public var stakes: String
    /// When it must be done by ("before night [comes|came]").
    public var deadline: String?
    /// Where, as a noun phrase.
    public var setting: String
    /// The kind of place.
    public var settingKind: SettingKind
    /// The hour the story starts.
    public var startTime: TimeOfDay
    /// What the story shows (courage, friendship, patience, ...).
    public var theme: String
    /// A line that returns, for the youngest readers.
    public var refrain: String?
    /// The scenes, in order.
    public var scenes: [PlannedScene]
    /// The book's summary.
    public var summary: String
    /// The book's tags.
    public var tags: [String]

    enum CodingKeys: String, CodingKey {
        case hero, heroKind = "hero_kind", helper, mentor, skills, goalKind = "goal_kind", goal, keyThing = "key_thing", keyThingUse = "key_thing_use", beneficiary,
             obstacle, fear, flaw, stakes, deadline, setting, settingKind = "setting_kind", startTime = "start_time", theme, refrain,
             scenes, summary, tags
    }

    /// The plan as stored: pretty-printed JSON with sorted keys, the same bytes for the same plan.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    /// A plan read from its JSON, or why it is not one.
    public static func decode(_ text: String) -> Result<StoryPlan, PlanError> {
        do {
            return .success(try JSONDecoder().decode(StoryPlan.self, from: Data(text.utf8)))
        } catch let DecodingError.keyNotFound(key, context) {
            return .failure(PlanError("the plan has no \"\(path(context.codingPath + [key]))\""))
        } catch let DecodingError.typeMismatch(_, context) {
            return .failure(PlanError("\"\(path(context.codingPath))\" has the wrong type: \(context.debugDescription)"))
        } catch let DecodingError.valueNotFound(_, context) {
            return .failure(PlanError("\"\(path(context.codingPath))\" is null"))
        } catch let DecodingError.dataCorrupted(context) {
            return .failure(PlanError(context.codingPath.isEmpty ? "the plan is not JSON: \(context.debugDescription)"
                                            : "\"\(path(context.codingPath))\": \(context.debugDescription)"))
        } catch {
            return .failure(PlanError("the plan cannot be read: \(error)"))
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
    }

    /// Every name in the cast of the plan.
    public var cast: [String] { [hero] + [helper, mentor].compactMap { $0 } + skills.map(\.name).filter { $0 != hero && $0 != helper && $0 != mentor } }
}

extension StoryPlan {
    /// A plan as stored, or as a service wrote it. The hero, goal, key thing, obstacle, setting,
    /// scenes, summary and tags are required; anything else a service leaves out gets a plain default.
    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        hero = try values.decode(String.self, forKey: .hero)
        goal = try values.decode(String.self, forKey: .goal)
        keyThing = try values.decode(String.self, forKey: .keyThing)
        obstacle = try values.decode(String.self, forKey: .obstacle)
        setting = try values.decode(String.self, forKey: .setting)
        scenes = try values.decode([PlannedScene].self, forKey: .scenes)
        summary = try values.decode(String.self, forKey: .summary)
        tags = try values.decode([String].self, forKey: .tags)
        heroKind = try values.decodeIfPresent(String.self, forKey: .heroKind)
        helper = try values.decodeIfPresent(String.self, forKey: .helper)
        mentor = try values.decodeIfPresent(String.self, forKey: .mentor)
        skills = try values.decodeIfPresent([CharacterSkill].self, forKey: .skills) ?? []
        goalKind = try values.decodeIfPresent(GoalKind.self, forKey: .goalKind) ?? .find
        keyThingUse = try values.decodeIfPresent(String.self, forKey: .keyThingUse) ?? ""
        beneficiary = try values.decodeIfPresent(String.self, forKey: .beneficiary)
        fear = try values.decodeIfPresent(String.self, forKey: .fear)
        flaw = try values.decodeIfPresent(String.self, forKey: .flaw) ?? ""
        stakes = try values.decodeIfPresent(String.self, forKey: .stakes) ?? ""
        deadline = try values.decodeIfPresent(String.self, forKey: .deadline)
        settingKind = try values.decodeIfPresent(SettingKind.self, forKey: .settingKind) ?? .meadow
        startTime = try values.decodeIfPresent(TimeOfDay.self, forKey: .startTime) ?? scenes.first?.time ?? .morning
        theme = try values.decodeIfPresent(String.self, forKey: .theme) ?? ""
        refrain = try values.decodeIfPresent(String.self, forKey: .refrain)
    }
}

/// Why a plan could not be used.
public struct PlanError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The reason, in words.
    public var reason: String
    /// A problem.
    public init(_ reason: String) { self.reason = reason }
    /// The reason.
    public var description: String { reason }
}
