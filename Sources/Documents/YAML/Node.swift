import Diagnostics

/// A YAML or JSON document as a tree that keeps what templates need: local tags such as `!Ref`
/// and the position of every node, so a diagnostic can point into the file the user wrote.
package struct Node: Sendable, Hashable {
    package enum Content: Sendable, Hashable {
        /// A scalar's text exactly as written, with its style; `isPlain` scalars such as `true`,
        /// `12` or `null` are left for the reader to interpret.
        case scalar(String, ScalarStyle)
        case sequence([Node])
        /// Key order is kept. Duplicate keys are reported by the parser and the last one wins.
        /// Merge keys (`<<: *defaults`) are replaced by the pairs they merge.
        case mapping([Pair])
    }

    package struct Pair: Sendable, Hashable {
        package var key: Node
        package var value: Node
        package init(key: Node, value: Node) {
            self.key = key
            self.value = value
        }
    }

    package enum ScalarStyle: Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    package var content: Content
    /// A local tag such as `!Ref` or `!GetAtt`, as written; `nil` when untagged. Standard tags
    /// (`!!str`) are resolved by the parser and not kept.
    package var tag: String?
    package var location: SourceLocation
    /// The line and column of `endLocation`, kept apart from the file name so that a node
    /// stays small: trees built in code can nest thousands deep, and recursive walks over them
    /// use stack space in proportion to the node's size.
    private var endMark: EndMark?

    package init(_ content: Content, tag: String? = nil, location: SourceLocation, endLocation: SourceLocation? = nil) {
        self.content = content
        self.tag = tag
        self.location = location
        self.endLocation = endLocation
    }

    /// The position just after the node's last character, from libyaml's end mark, or `nil`
    /// for nodes not read by libyaml. A block collection ends where the next token starts,
    /// which may be on a later line. An alias ends where the alias is written. The file is
    /// always `location.file`.
    package var endLocation: SourceLocation? {
        get { endMark.map { SourceLocation(file: location.file, line: Int($0.line), column: Int($0.column)) } }
        set {
            endMark = newValue.map {
                EndMark(line: UInt32(clamping: max($0.line, 0)), column: UInt32(clamping: max($0.column, 0)))
            }
        }
    }

    private struct EndMark: Hashable, Sendable {
        var line: UInt32
        var column: UInt32
    }
}

extension Node {
    /// The scalar text, or `nil` for a sequence or mapping.
    package var scalar: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// True for an unquoted `null`, `~`, `Null`, `NULL` or empty plain scalar.
    package var isNull: Bool {
        guard case .scalar(let text, .plain) = content else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    package var sequence: [Node]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    package var mapping: [Pair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// The value under a scalar key of a mapping, or `nil`.
    package subscript(key: String) -> Node? {
        guard let pairs = mapping else { return nil }
        return pairs.last { $0.key.scalar == key }?.value
    }
}
