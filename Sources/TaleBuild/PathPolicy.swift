import Foundation
import TaleCore
import TaleHTML
import TaleOutput

/// Where files may come from and go to: a book embeds only files inside its own folder, and
/// the output folder is never the project, its sources, or a folder Tale did not write.
public enum PathPolicy {
    /// Audio types a book or theme may provide for sound cues, by lowercase extension.
    public static let soundExtensions: Set<String> = ["ogg", "mp3", "wav"]

    /// Image types a book may embed, by lowercase extension.
    public static let imageExtensions = ["png", "svg", "jpg", "jpeg", "webp", "gif"]

    /// The real path (symlinks resolved) of `url`.
    static func realPath(_ url: URL) -> String {
        // realpath(3) is one system call walk; Foundation's resolution is far slower over a thousand books.
        if let resolved = realpath(url.path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        return url.resolvingSymlinksInPath().standardizedFileURL.path
    }

    /// Whether `url`, symlinks resolved, is inside `folder`, symlinks resolved.
    static func isInside(_ url: URL, folder: URL) -> Bool {
        realPath(url).hasPrefix(realPath(folder) + "/")
    }

    /// The names of the sound files in a book's `sounds/` folder (by extension), sorted.
    static func soundFileNames(inBook folder: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.appending(path: "sounds").path)) ?? []
        return names.filter { soundExtensions.contains(($0 as NSString).pathExtension.lowercased()) }.sorted()
    }

    /// Whether `relative` (neither absolute nor holding `..`) names a regular file under `folder`
    /// reached through folders alone: no component is a symbolic link, so it cannot lead outside.
    static func plainFile(_ relative: String, in folder: URL) -> Bool {
        var path = folder.path
        let parts = relative.split(separator: "/")
        for (index, part) in parts.enumerated() {
            path += "/" + part
            var info = stat()
            guard lstat(path, &info) == 0 else { return false }
            let kind = info.st_mode & S_IFMT
            if index == parts.count - 1 { return kind == S_IFREG }
            guard kind == S_IFDIR else { return false }
        }
        return false
    }

    /// Resolves an image `reference` of the book in `bookFolder`, or explains why it cannot be used.
    public static func resolveImage(_ reference: AssetReference, bookFolder: URL) -> Result<URL, Diagnostic> {
        let path = reference.path
        func fail(_ message: String, _ hint: String) -> Result<URL, Diagnostic> {
            .failure(Diagnostic(.error, at: reference.location, message, hint: hint))
        }
        if path.isEmpty { return fail("the image path is empty", "write the path of a file in the book's folder, like images/fox.png") }
        if let scheme = URLPolicy.scheme(of: path) {
            if scheme == "http" || scheme == "https" {
                return fail("remote image '\(path)': a book may not load images from other sites",
                            "download the picture into this book's images/ folder and use images/<name>")
            }
            return fail("image '\(path)' must be a file path, not a \(scheme): URL", "put the picture in this book's images/ folder")
        }
        if path.hasPrefix("/") || path.hasPrefix("~") {
            return fail("image path '\(path)' is absolute; paths are relative to the book's folder", "write it like images/fox.png")
        }
        let decoded = path.removingPercentEncoding ?? path
        if decoded.split(separator: "/").contains("..") {
            return fail("image path '\(path)' leaves the book's folder", "copy the picture into this book's folder and refer to it from there")
        }
        let ext = (decoded as NSString).pathExtension.lowercased()
        guard imageExtensions.contains(ext) else {
            return fail("'\(path)' is not an image Tale can use", "use PNG or SVG (or JPEG, WebP, GIF)")
        }
        let url = bookFolder.appending(path: decoded)
        // Most pictures sit in the book's folder with no link on the way: one `lstat` a component
        // says so, without resolving every path in full (twice a picture, a build).
        if plainFile(decoded, in: bookFolder) { return .success(url) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            let folder = url.deletingLastPathComponent()
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            let suggestion = Suggestion.closest(to: url.lastPathComponent, among: names)
            return fail("image '\(path)' does not exist" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                        "check the file name and its folder; paths are relative to the book's folder")
        }
        guard isInside(url, folder: bookFolder) else {
            return fail("image '\(path)' is a link to a file outside the book's folder", "copy the file into the book's folder instead of linking to it")
        }
        return .success(url)
    }

    /// Stops the build if an output path could leave the output folder (a bug, not a writer's error:
    /// slugs and names are checked before they become paths).
    static func checkOutputPath(_ path: String) {
        precondition(!path.hasPrefix("/") && !hasParentStep(path), "output path escapes the output folder: \(path)")
    }

    /// Whether `path` has a `..` step. On the bytes: every output of a build passes through here.
    static func hasParentStep(_ path: String) -> Bool {
        var run = 0
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if run == 2 { return true }
                run = 0
            } else if byte == UInt8(ascii: "."), run >= 0 {
                run += 1
            } else {
                run = -1
            }
        }
        return run == 2
    }

    /// What `lstat` finds at a path.
    enum Kind { case missing, folder, link, other }

    /// What is at `path`, without following a link.
    static func kind(of path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFLNK: return .link
        default: return .other
        }
    }

    /// Whether `path` is a folder, following links.
    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// Checks that `output` can be replaced by a build of `project`.
    public static func checkOutput(_ output: URL, project: URL) throws(TaleError) {
        let out = realPath(output)
        let root = realPath(project)
        let protected = [root, root + "/content", root + "/themes"]
        if out == "/" || root.hasPrefix(out + "/") || protected.contains(out)
            || out.hasPrefix(root + "/content/") || out.hasPrefix(root + "/themes/") {
            throw .usage("--output '\(output.path)' would overwrite the project or its sources; choose a folder such as public/ or /tmp/site")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw .usage("--output '\(output.path)' is a file; choose a folder")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
        if entries.isEmpty { return }
        // The marker opens the manifest; a large library's manifest runs to megabytes, so read only its start.
        let marker = FileHandle(forReadingAtPath: output.appending(path: OutputManifest.fileName).path)
        defer { try? marker?.close() }
        guard let head = try? marker?.read(upToCount: 256), String(decoding: head, as: UTF8.self).contains("\"generator\": \"tale\"") else {
            throw .refusingToReplace(path: output.path)
        }
    }
}
