import IAMCatalog

/// The check behind MR210 and MR211: actions of one access level allowed on every resource
/// without a condition.
struct AccessLevelOnAnyResource {
    var accessLevel: AccessLevel

    /// Returns the actions of the level that the statement allows unscoped and unconditioned,
    /// and the value to point at.
    func actions(in statement: LocatedStatement, context: LintContext) -> (names: [String], at: LocatedValue)? {
        guard statement.isPlainAllow, statement.conditions.isEmpty, !context.isFoldedIntoAllowAll(statement) else {
            return nil
        }
        var names: [String] = []
        var first: LocatedValue?
        for value in statement.actions where value.isLiteral {
            guard !context.isFoldedIntoServiceWildcard(value.text, in: statement) else { continue }
            guard let actions = context.match(action: value.text).knownActions else { continue }
            for action in actions where action.accessLevel == accessLevel && action.needsResourceARN {
                guard
                    statement.isNotResource
                        || statement.resources.contains(where: { context.isUnscoped($0, for: action) })
                else { continue }
                names.append(action.name.description)
                if first == nil { first = value }
            }
        }
        guard let first else { return nil }
        return (names, first)
    }
}
