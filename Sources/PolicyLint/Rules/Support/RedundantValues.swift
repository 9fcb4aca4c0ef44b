/// Finds list entries that an earlier duplicate or a wildcard entry of the same list covers.
enum RedundantValues {
    /// At most this many wildcard entries are compared with each entry, so a hostile list
    /// costs linear time; entries past it are not reported.
    static let maximumWildcards = 64

    static func covered(_ values: [LocatedValue], ignoringCase: Bool) -> [(LocatedValue, LocatedValue)] {
        let literals = values.filter(\.isLiteral)
        let wildcards = Array(literals.filter { Wildcard.hasWildcard($0.text) }.prefix(maximumWildcards))
        var seen: [String: LocatedValue] = [:]
        var result: [(LocatedValue, LocatedValue)] = []
        for value in literals {
            let key = ignoringCase ? value.text.lowercased() : value.text
            if let earlier = seen[key] {
                result.append((value, earlier))
                continue
            }
            seen[key] = value
            let cover = wildcards.first { wildcard in
                wildcard.text != value.text && Wildcard.matches(wildcard.text, value.text, ignoringCase: ignoringCase)
            }
            if let cover { result.append((value, cover)) }
        }
        return result
    }
}
