extension EmbeddedData {
    /// Returns the embedded file's bytes (UTF-8), or `nil` when no file has that path.
    package static func bytes(of path: String) -> [UInt8]? {
        guard let text = contents(of: path) else { return nil }
        return text.withUTF8Buffer { Array($0) }
    }

    /// Returns the embedded file's text, or `nil` when no file has that path.
    package static func text(of path: String) -> String? {
        guard let text = contents(of: path) else { return nil }
        return text.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
    }
}
