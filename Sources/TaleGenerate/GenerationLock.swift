import Foundation
import TaleCore

/// One generated artifact as the lock records it; encoded with its fields in the order lock.json lists them.
public struct LockEntry: Sendable, Equatable, Encodable {
    /// `scene/<id>`, `title/<id>`, `summary` or `tags`.
    public var id: String
    /// What kind of text it is.
    public var kind: ArtifactKind
    /// The artifact's file, relative to the `generated/` folder.
    public var file: String
    /// The SHA-256 of everything that went into it (provider, model, book, brief, neighbours, seed).
    public var input: String
    /// The SHA-256 of the file as generated.
    public var sha256: String
    /// The provider that wrote it.
    public var provider: String
    /// The provider's model.
    public var model: String
    /// Whether a person has read and approved it.
    public var approved: Bool

    private enum CodingKeys: String, CodingKey { case id, kind, file, approved, provider, model, input, sha256 }
}

/// `content/<slug>/generated/lock.json`: what generation made for a book and from what. Writers
/// commit the folder; a build finds each artifact by its input hash and never makes it twice.
public struct GenerationLock: Sendable, Equatable {
    /// The lock's file name inside `generated/`.
    public static let fileName = "lock.json"

    /// Entries by id.
    public var entries: [String: LockEntry] = [:]

    /// An empty lock.
    public init() {}

    /// Reads the lock in `folder` (the book's `generated/`); an absent file is an empty lock.
    /// Fails with a reason when the file is there but not a lock.
    public static func read(folder: URL) -> Result<GenerationLock, LockError> {
        let url = folder.appending(path: fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return .success(GenerationLock()) }
        guard let data = try? Data(contentsOf: url) else { return .failure(LockError("cannot read the file")) }
        guard let items = (try? JSONDecoder().decode(LockFile.self, from: data))?.artifacts else {
            return .failure(LockError("the file is not a generation lock (a JSON object with an \"artifacts\" list)"))
        }
        var lock = GenerationLock()
        for (number, item) in items.enumerated() {
            guard let id = item.id, let kind = item.kind.flatMap(ArtifactKind.init(rawValue:)), let file = item.file, let input = item.input,
                  let sha = item.sha256, let provider = item.provider, let model = item.model else {
                return .failure(LockError("artifact \(number + 1) lacks one of id, kind, file, input, sha256, provider, model"))
            }
            guard isSafeFileName(file) else { return .failure(LockError("artifact '\(id)' names the file '\(file)', which is not a plain file name")) }
            guard let approved = item.approved else {
                return .failure(LockError("artifact '\(id)': \"approved\" must be true or false"))
            }
            lock.entries[id] = LockEntry(id: id, kind: kind, file: file, input: input, sha256: sha, provider: provider, model: model,
                                         approved: approved)
        }
        return .success(lock)
    }

    /// The lock as JSON text: entries sorted by id, one field per line, so diffs are readable.
    public var text: String {
        let file = LockDocument(artifacts: entries.keys.sorted().map { entries[$0]! })
        return JSONValue(encoding: file).text(indent: 2) + "\n"
    }

    /// Whether `name` is a plain file name (no folders, no dot files).
    static func isSafeFileName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.contains("/") && !name.contains("\\") && !name.contains("\u{0}")
    }
}

/// Why a lock file cannot be used.
public struct LockError: Error, Equatable, Sendable {
    /// What is wrong with it.
    public var reason: String

    /// A problem.
    public init(_ reason: String) { self.reason = reason }
}

extension GenerationLock {
    /// Marks every artifact in the lock in `folder` approved; returns how many were not before.
    public static func approveAll(folder: URL) -> Result<Int, LockError> {
        let lock: GenerationLock
        switch read(folder: folder) {
        case .failure(let problem): return .failure(problem)
        case .success(let read): lock = read
        }
        var updated = lock
        var count = 0
        for id in lock.entries.keys where !lock.entries[id]!.approved {
            updated.entries[id]!.approved = true
            count += 1
        }
        guard count > 0 else { return .success(0) }
        do {
            try Data(updated.text.utf8).write(to: folder.appending(path: fileName), options: .atomic)
        } catch {
            return .failure(LockError("cannot write the lock: \(error.localizedDescription)"))
        }
        return .success(count)
    }
}

/// `lock.json` as written.
private struct LockDocument: Encodable {
    let about = "Written by tale build and tale generate. Commit this folder with the book. "
        + "Set \"approved\" to true once a person has read an artifact; tale build --require-approved insists on it."
    let version = 1
    let artifacts: [LockEntry]
}

/// `lock.json` as read: every field of an artifact is checked by `GenerationLock.read`, which
/// names the artifact and what it lacks, so a field of the wrong type reads as missing here.
private struct LockFile: Decodable {
    var artifacts: [Item]

    struct Item: Decodable {
        var id, kind, file, input, sha256, provider, model: String?
        /// False when absent; nil when present but not true or false.
        var approved: Bool?

        private enum CodingKeys: String, CodingKey { case id, kind, file, input, sha256, provider, model, approved }

        init(from decoder: any Decoder) throws {
            let fields = try decoder.container(keyedBy: CodingKeys.self)
            func text(_ key: CodingKeys) -> String? { try? fields.decode(String.self, forKey: key) }
            (id, kind, file, input) = (text(.id), text(.kind), text(.file), text(.input))
            (sha256, provider, model) = (text(.sha256), text(.provider), text(.model))
            approved = fields.contains(.approved) ? try? fields.decode(Bool.self, forKey: .approved) : false
        }
    }
}
