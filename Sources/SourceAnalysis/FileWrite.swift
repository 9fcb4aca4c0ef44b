import Diagnostics

/// A call in handler code that creates or changes a file or folder, such as `open(path, "w")`
/// or `fs.writeFileSync(path, data)`, with the path as far as the analyzer can evaluate it.
package struct FileWrite: Sendable, Hashable {
    /// The path written to, which for a copy is the destination.
    package var path: SymbolicValue
    /// The call, for diagnostics.
    package var location: SourceLocation
    /// The call as written in the language's terms, such as `open` or `fs.writeFileSync`.
    package var operation: String

    package init(path: SymbolicValue, location: SourceLocation, operation: String) {
        self.path = path
        self.location = location
        self.operation = operation
    }

    /// The leading text of the path that is known: the whole path for a literal, the literal
    /// parts before the first unknown part for a concatenation, and nil when nothing is known.
    package var knownPrefix: String? {
        switch path {
        case .literal(let text):
            return text
        case .concatenation(let parts):
            var prefix = ""
            for part in parts {
                guard let text = part.literalValue else { break }
                prefix += text
            }
            return prefix.isEmpty ? nil : prefix
        default:
            return nil
        }
    }
}
