import Diagnostics

/// The partly built tree of one document: a stack of open collections, the anchors defined so
/// far, and the counts that the limits apply to.
struct NodeTree {
    private struct OpenCollection {
        var isMapping: Bool
        var tag: String?
        var anchor: String?
        var location: SourceLocation
        var items: [Node] = []
        var pairs: [Node.Pair] = []
        var pendingKey: Node?
        /// Positions of scalar keys in `pairs`, built once a mapping is large enough that a
        /// linear search for duplicates would cost more than the dictionary.
        var keyIndex: [String: Int]?
        /// Nodes in this collection, itself included, with aliases expanded.
        var nodeCount = 1
        /// Levels of collections below this one, itself included.
        var height = 1
        /// Bytes of scalar text in this collection, with aliases expanded.
        var textBytes = 0
    }

    private struct Anchored {
        var node: Node
        var nodeCount: Int
        var height: Int
        var textBytes: Int
    }

    private let limits: DocumentLimits
    private var open: [OpenCollection] = []
    private var anchors: [String: Anchored] = [:]
    private var nodeCount = 0
    /// Bytes of scalar text that alias expansions added; the file's own text is bounded by the
    /// file size limit.
    private var aliasTextBytes = 0
    private(set) var root: Node?
    private(set) var warnings: [Diagnostic] = []

    init(limits: DocumentLimits) {
        self.limits = limits
    }

    mutating func addScalar(
        _ text: String, style: Node.ScalarStyle, tag: String?, anchor: String?, at location: SourceLocation,
        end: SourceLocation? = nil
    ) throws(DocumentError) {
        try count(1, at: location)
        let (localTag, resolvedStyle) = Self.resolve(tag: tag, style: style)
        let node = Node(.scalar(text, resolvedStyle), tag: localTag, location: location, endLocation: end)
        complete(node, nodeCount: 1, height: 0, textBytes: text.utf8.count, anchor: anchor)
    }

    mutating func startCollection(
        isMapping: Bool, tag: String?, anchor: String?, at location: SourceLocation
    ) throws(DocumentError) {
        try count(1, at: location)
        guard open.count < limits.maximumDepth else { throw depthError(at: location) }
        let (localTag, _) = Self.resolve(tag: tag, style: .plain)
        open.append(OpenCollection(isMapping: isMapping, tag: localTag, anchor: anchor, location: location))
    }

    mutating func endCollection(end: SourceLocation? = nil) throws(DocumentError) {
        guard let collection = open.popLast() else { return }
        let content: Node.Content =
            collection.isMapping ? .mapping(try Self.applyingMergeKeys(collection.pairs)) : .sequence(collection.items)
        let node = Node(content, tag: collection.tag, location: collection.location, endLocation: end)
        complete(
            node, nodeCount: collection.nodeCount, height: collection.height, textBytes: collection.textBytes,
            anchor: collection.anchor)
    }

    /// Expands an alias into a copy of its anchored node. Copies share storage, so the cost
    /// is counted against the node limit rather than paid in memory.
    mutating func addAlias(_ name: String, at location: SourceLocation, end: SourceLocation? = nil)
        throws(DocumentError)
    {
        guard let anchored = anchors[name] else {
            throw DocumentError(
                "alias '*\(name)' refers to no anchor defined before it; define '&\(name)' earlier "
                    + "(an alias cannot refer to a node that contains it)",
                at: location, code: .undefinedAlias)
        }
        try count(anchored.nodeCount, at: location)
        aliasTextBytes += anchored.textBytes
        guard aliasTextBytes <= limits.maximumAliasTextBytes else {
            throw DocumentError(
                "aliases expand to more than the limit of \(limits.maximumAliasTextBytes) bytes of text; "
                    + "remove repeated aliases of large values",
                at: location, code: .tooManyNodes)
        }
        guard open.count + anchored.height <= limits.maximumDepth else { throw depthError(at: location) }
        var node = anchored.node
        node.location = location
        node.endLocation = end
        complete(
            node, nodeCount: anchored.nodeCount, height: anchored.height, textBytes: anchored.textBytes, anchor: nil)
    }

    private mutating func complete(_ node: Node, nodeCount: Int, height: Int, textBytes: Int, anchor: String?) {
        if let anchor {
            anchors[anchor] = Anchored(node: node, nodeCount: nodeCount, height: height, textBytes: textBytes)
        }
        guard var parent = open.popLast() else {
            root = root ?? node
            return
        }
        parent.nodeCount += nodeCount
        parent.textBytes += textBytes
        parent.height = max(parent.height, height + 1)
        if !parent.isMapping {
            parent.items.append(node)
        } else if let key = parent.pendingKey {
            parent.pendingKey = nil
            addPair(key: key, value: node, to: &parent)
        } else {
            parent.pendingKey = node
        }
        open.append(parent)
    }

    /// Appends a pair; a repeated scalar key replaces the earlier pair and adds a warning.
    private mutating func addPair(key: Node, value: Node, to mapping: inout OpenCollection) {
        if let text = key.scalar, let earlier = Self.index(ofKey: text, in: mapping) {
            let earlierLocation = mapping.pairs[earlier].key.location
            warnings.append(
                Diagnostic(
                    .warning, .duplicateKey,
                    "duplicate key '\(text)' (earlier at line \(earlierLocation.line)); the last value is used, "
                        + "so remove or rename one of them",
                    at: key.location))
            mapping.pairs.remove(at: earlier)
            if mapping.keyIndex != nil { mapping.keyIndex = Self.keyIndex(of: mapping.pairs) }
        }
        if let text = key.scalar { mapping.keyIndex?[text] = mapping.pairs.count }
        mapping.pairs.append(Node.Pair(key: key, value: value))
        if mapping.keyIndex == nil && mapping.pairs.count == 16 { mapping.keyIndex = Self.keyIndex(of: mapping.pairs) }
    }

    private static func index(ofKey text: String, in mapping: OpenCollection) -> Int? {
        if let keyIndex = mapping.keyIndex { return keyIndex[text] }
        return mapping.pairs.firstIndex { $0.key.scalar == text }
    }

    private static func keyIndex(of pairs: [Node.Pair]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, pair) in pairs.enumerated() {
            if let text = pair.key.scalar { index[text] = position }
        }
        return index
    }

    private mutating func count(_ added: Int, at location: SourceLocation) throws(DocumentError) {
        nodeCount += added
        guard nodeCount <= limits.maximumNodes else {
            throw DocumentError(
                "document expands to more than the node limit of \(limits.maximumNodes) nodes "
                    + "(aliases count once per use); remove repeated aliases or split the document",
                at: location, code: .tooManyNodes)
        }
    }

    private func depthError(at location: SourceLocation) -> DocumentError {
        DocumentError(
            "sequences and mappings nest deeper than the depth limit of \(limits.maximumDepth) levels; "
                + "flatten the document",
            at: location, code: .nestingTooDeep)
    }

    /// Keeps local tags such as `!Ref` as written and resolves standard `tag:yaml.org,2002:`
    /// tags: `!!str` (or the non-specific `!`) makes a plain scalar quoted, so readers take it
    /// as a string, and the other standard tags make a quoted scalar plain.
    static func resolve(tag: String?, style: Node.ScalarStyle) -> (tag: String?, style: Node.ScalarStyle) {
        guard let tag else { return (nil, style) }
        let standardPrefix = "tag:yaml.org,2002:"
        if tag == "!" || tag == standardPrefix + "str" {
            return (nil, style == .plain ? .doubleQuoted : style)
        }
        if tag.hasPrefix(standardPrefix) {
            let isQuoted = style == .singleQuoted || style == .doubleQuoted
            return (nil, isQuoted ? .plain : style)
        }
        return (tag, style)
    }
}
