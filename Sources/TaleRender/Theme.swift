import Foundation
import TaleCore

/// A theme's files: the bundled theme of that name (or `storybook`), with the project's
/// `themes/<name>/` laid over it file by file, as mdBook does.
public struct Theme: Sendable {
    /// The theme's name.
    public var name: String
    /// Relative path (`templates/book.mustache`, `assets/storybook.css`) to bytes.
    public var files: [String: [UInt8]]
    /// Which files came from the project rather than the bundled theme.
    public var overridden: Set<String>

    /// The names of the themes built into this binary.
    public static var bundledNames: [String] {
        Set(EmbeddedThemes.files.keys.compactMap { $0.split(separator: "/").first.map(String.init) }).sorted()
    }

    /// Loads theme `name`, overlaying `projectThemes/<name>/` when it exists.
    public static func load(named name: String, projectThemes: URL) throws(TaleError) -> Theme {
        let baseName = bundledNames.contains(name) ? name : "storybook"
        var files: [String: [UInt8]] = [:]
        for (path, base64) in EmbeddedThemes.files where path.hasPrefix(baseName + "/") {
            files[String(path.dropFirst(baseName.count + 1))] = Array(Data(base64Encoded: base64) ?? Data())
        }
        var overridden: Set<String> = []
        let folder = projectThemes.appending(path: name)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue {
            for relative in try Theme.listFiles(in: folder) {
                do {
                    files[relative] = Array(try Data(contentsOf: folder.appending(path: relative)))
                    overridden.insert(relative)
                } catch {
                    throw .io(path: "themes/\(name)/\(relative)", reason: "cannot read: \(error.localizedDescription)")
                }
            }
        } else if !bundledNames.contains(name) {
            throw .theme(name: name, reason: "no folder themes/\(name)/ and no bundled theme of that name; bundled themes: \(bundledNames.joined(separator: ", "))")
        }
        return Theme(name: name, files: files, overridden: overridden)
    }

    /// Regular files under `folder`, as sorted relative paths; hidden files are skipped.
    static func listFiles(in folder: URL) throws(TaleError) -> [String] {
        let root = folder.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey],
                                                          options: [.skipsHiddenFiles]) else {
            throw .io(path: folder.path, reason: "cannot list the folder")
        }
        var result: [String] = []
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            result.append(String(url.standardizedFileURL.path.dropFirst(root.count + 1)))
        }
        return result.sorted()
    }

    /// A text file of the theme.
    public func text(_ path: String) throws(TaleError) -> String {
        guard let bytes = files[path] else {
            throw .theme(name: name, reason: "missing \(path); restore it or remove your override folder's broken copy")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The files under `assets/`, which are published with hashed names.
    public var assets: [(path: String, bytes: [UInt8])] {
        files.filter { $0.key.hasPrefix("assets/") }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
