import Diagnostics

extension NodeTree {
    /// Replaces each YAML merge key (`<<: *defaults`, a plain `<<`) with the pairs of the
    /// mapping, or of each mapping in the sequence, that it names. Keys written in the mapping
    /// itself win over merged ones, and earlier mappings of a sequence win over later ones, as
    /// in the YAML 1.1 merge key type that Serverless Framework files use. Merged pairs keep the
    /// positions where they are defined.
    static func applyingMergeKeys(_ pairs: [Node.Pair]) throws(DocumentError) -> [Node.Pair] {
        guard pairs.contains(where: { isMergeKey($0.key) }) else { return pairs }
        var presentKeys = Set(pairs.filter { !isMergeKey($0.key) }.compactMap(\.key.scalar))
        var result: [Node.Pair] = []
        for pair in pairs {
            guard isMergeKey(pair.key) else {
                result.append(pair)
                continue
            }
            for source in try mergeSources(pair.value) {
                for merged in source where merged.key.scalar.map({ presentKeys.insert($0).inserted }) ?? true {
                    result.append(merged)
                }
            }
        }
        return result
    }

    private static func isMergeKey(_ key: Node) -> Bool {
        key.tag == nil && key.content == .scalar("<<", .plain)
    }

    private static func mergeSources(_ value: Node) throws(DocumentError) -> [[Node.Pair]] {
        if let pairs = value.mapping { return [pairs] }
        if let items = value.sequence {
            var sources: [[Node.Pair]] = []
            for item in items {
                guard let pairs = item.mapping else { throw mergeError(at: item.location) }
                sources.append(pairs)
            }
            return sources
        }
        throw mergeError(at: value.location)
    }

    private static func mergeError(at location: SourceLocation) -> DocumentError {
        DocumentError(
            "the value of a merge key '<<' must be a mapping or a sequence of mappings; "
                + "refer to a mapping anchor such as '<<: *defaults', or quote the key if it is text",
            at: location, code: .yamlSyntax)
    }
}
