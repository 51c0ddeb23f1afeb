import TaleCore

/// Content-hashed output names: `assets/<name>.<hash>.<ext>` for theme files, `media/<hash>.<ext>`
/// for images, so both can be cached forever and a change makes a new name.
public enum AssetNames {
    /// Hex characters of the SHA-256 kept in a name.
    public static let hashLength = 16

    /// `assets/reader.css` with these bytes becomes `assets/reader.<hash>.css`.
    public static func hashedThemeAsset(_ path: String, bytes: [UInt8]) -> String {
        let hash = String(SHA256.hex(bytes).prefix(hashLength))
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let directory = path.dropLast(name.count)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "\(directory)\(name).\(hash)" }
        return "\(directory)\(name[..<dot]).\(hash)\(name[dot...])"
    }

    /// `media/<hash>.<ext>` for image bytes.
    public static func media(bytes: [UInt8], fileExtension: String) -> String {
        media(sha256: SHA256.hex(bytes), fileExtension: fileExtension)
    }

    /// The same path from the content's hex SHA-256, for callers that have already hashed it.
    public static func media(sha256: String, fileExtension: String) -> String {
        "media/\(sha256.prefix(hashLength)).\(fileExtension.lowercased())"
    }
}
