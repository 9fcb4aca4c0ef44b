import Diagnostics

/// What the analyzer knows about a value at a call site: a literal, an environment variable
/// read, a concatenation of parts, or nothing. Resolution turns environment variables into
/// template values later; the analyzer never guesses.
package indirect enum SymbolicValue: Hashable, Sendable, CustomStringConvertible {
    case literal(String)
    /// `os.environ["NAME"]`, `os.getenv("NAME", default)`, `process.env.NAME`.
    case environment(name: String, defaultValue: String?)
    /// Parts joined in order: `"orders-" + suffix`, an f-string, a template literal.
    case concatenation([SymbolicValue])
    /// A list whose elements are each a value (for example `AttributeNames=["a", "b"]`).
    case list([SymbolicValue])
    /// A dictionary argument with known keys (for example `Key={"pk": ...}`); values may be unknown.
    case dictionary([String: SymbolicValue])
    /// A value read from the invocation event: `event["Records"][0]["s3"]["bucket"]["name"]` is
    /// `["Records", "*", "s3", "bucket", "name"]`, where `*` stands for any list element.
    /// Resolution can tell what it is from the function's event sources.
    case event(path: [String])
    /// A value the analyzer could not follow, with the reason shown to the user.
    case unknown(reason: String)

    /// The reason of the open part of a key read from a listing that named a prefix: the
    /// narrowest a static analysis can know, so synthesis reports it as a note.
    package static let listedKeyReason = "a key listed under the prefix"

    /// The literal text when the whole value is known.
    package var literalValue: String? {
        switch self {
        case .literal(let text): return text
        case .concatenation(let parts):
            var text = ""
            for part in parts {
                guard let piece = part.literalValue else { return nil }
                text += piece
            }
            return text
        default: return nil
        }
    }

    package var description: String {
        switch self {
        case .literal(let text): return "\"\(text)\""
        case .environment(let name, _): return "env[\(name)]"
        case .concatenation(let parts): return parts.map(\.description).joined(separator: " + ")
        case .list(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .dictionary(let entries):
            return "{" + entries.keys.sorted().map { "\($0): \(entries[$0]!)" }.joined(separator: ", ") + "}"
        case .event(let path): return "event" + path.map { "[\($0)]" }.joined()
        case .unknown(let reason): return "<unknown: \(reason)>"
        }
    }
}
