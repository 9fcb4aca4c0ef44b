import Diagnostics
import Invocations
import PolicyEvaluation
import PolicyModel

/// `simulate --format text`: one line per distinct call with its decision and why, then the
/// calls that would be denied with the statement that would allow them, the unused and the
/// unobservable permissions, and the coverage.
package struct SimulationText {
    /// Calls of one action decided the same way by the same statements.
    private struct Group {
        var call: RecordedCall
        var result: EvaluationResult
        var count: Int
        var resources: [String]
        var hasMoreResources: Bool
    }

    /// The distinct resources shown per group.
    static let resourcesShown = 3
    /// The permissions listed per section of the text report.
    static let listLimit = 200

    private var groups: [String: Group] = [:]
    private var order: [String] = []

    package init() {}

    /// Counts one call under its action and the way it was decided. Memory grows with the
    /// distinct actions and statements, not with the calls or their resources.
    package mutating func add(_ call: RecordedCall, _ result: EvaluationResult) {
        let statements = result.matchedStatements.map { "\($0.policyName)#\($0.index)" }.joined(separator: ",")
        let key = [
            result.decision.rawValue, call.request.action, result.deniedBy?.rawValue ?? "", statements,
            result.missingContextKeys.joined(separator: ","), result.uncertainties.joined(separator: ","),
            call.notes.joined(separator: ","),
        ].joined(separator: "\u{0}")
        if groups[key] == nil {
            order.append(key)
            groups[key] = Group(call: call, result: result, count: 0, resources: [], hasMoreResources: false)
        }
        groups[key]?.count += 1
        if let group = groups[key], !group.resources.contains(call.request.resource) {
            if group.resources.count < Self.resourcesShown {
                groups[key]?.resources.append(call.request.resource)
            } else {
                groups[key]?.hasMoreResources = true
            }
        }
    }

    package func render(_ report: SimulationReport) -> String {
        var lines = [headline(report), ""]
        lines.append("Calls:")
        for key in order {
            guard let group = groups[key] else { continue }
            lines.append("  " + describe(group))
        }
        if order.isEmpty {
            lines.append(
                report.input.recordsSeen == 0 ? "  no calls were given" : "  none of the records belong to the role")
        }
        lines += deniedSection(report.tally.deniedCalls)
        lines += unexercisedSection(report.tally)
        if !report.widenedPlaceholders.isEmpty {
            let names = report.widenedPlaceholders.sorted().map { "${\($0)}" }.joined(separator: ", ")
            lines += [
                "",
                "Values not known before deploy matched any value: \(names). Pass --parameter, --region and --account to pin them.",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func headline(_ report: SimulationReport) -> String {
        let tally = report.tally
        let counts = tally.decisionCounts
        var text =
            "\(tally.callCount) call\(tally.callCount == 1 ? "" : "s"): \(counts[.allowed] ?? 0) allowed, "
            + "\(counts[.implicitDeny] ?? 0) implicitly denied, \(counts[.explicitDeny] ?? 0) explicitly denied"
        if let coverage = tally.coverage {
            text += "; coverage \(Int((coverage * 100).rounded()))% of the permissions a log can show"
        }
        return text
    }

    private func describe(_ group: Group) -> String {
        let request = group.call.request
        var line =
            "\(group.result.decision.rawValue.padding(12)) \(request.action) on "
            + Self.resourceList(group.resources, more: group.hasMoreResources)
            + " (\(group.count) call\(group.count == 1 ? "" : "s"))"
        switch group.result.decision {
        case .allowed, .explicitDeny:
            let statements = group.result.matchedStatements.map(Self.name)
            if !statements.isEmpty {
                line += group.result.decision == .allowed ? " by " : " denied by "
                line += statements.joined(separator: "; ")
            }
        case .implicitDeny:
            line += ": no statement of the \(Self.level(group.result.deniedBy)) allows it"
        }
        if !group.result.missingContextKeys.isEmpty {
            line += " [the request lacks \(group.result.missingContextKeys.joined(separator: ", "))]"
        }
        for uncertainty in group.result.uncertainties { line += "\n      uncertain: \(uncertainty)" }
        for note in group.call.notes { line += "\n      note: \(note)" }
        return line
    }

    private func deniedSection(_ denied: [DeniedCalls]) -> [String] {
        guard !denied.isEmpty else { return ["", "No call would be denied."] }
        var lines = ["", "Would be denied:"]
        for calls in denied {
            var line =
                "  \(calls.action) on \(Self.resourceList(calls.resources, more: calls.hasMoreResources))"
                + " (\(calls.count) call\(calls.count == 1 ? "" : "s")"
            if let origin = calls.firstOrigin { line += ", first at \(origin)" }
            line += ")"
            if calls.deniedWhenRecorded { line += ", denied in the log too" }
            lines.append(line)
            if calls.decision == .explicitDeny {
                lines.append("    denied by " + calls.denyingStatements.map(Self.name).joined(separator: "; "))
            } else {
                let resources = calls.suggestedResources.map { "\"\($0)\"" }.joined(separator: ", ")
                lines.append(
                    "    add to the \(Self.level(calls.deniedBy)): "
                        + #"{"Effect": "Allow", "Action": "\#(calls.action)", "Resource": [\#(resources)]}"#)
            }
        }
        return lines
    }

    private func unexercisedSection(_ tally: ReplayTally) -> [String] {
        let (unused, unobservable) = tally.unexercised()
        var lines = ["", unused.isEmpty ? "No permission went unused." : "Unused (granted, no call used them):"]
        for permission in unused.prefix(Self.listLimit) {
            lines.append("  \(permission.action) on \(permission.resourceText) (\(Self.name(permission.statement)))")
        }
        if unused.count > Self.listLimit {
            lines.append("  and \(unused.count - Self.listLimit) more (--format json lists them all)")
        }
        let partly = tally.partlyUsed()
        if !partly.isEmpty {
            lines += ["", "Wider than the calls (entries that cover more actions than the calls used):"]
            for entry in partly {
                let used = entry.usedActions.joined(separator: ", ")
                lines.append(
                    "  \(entry.permission.action) on \(entry.permission.resourceText) (\(Self.name(entry.permission.statement))): the calls used only \(used)"
                )
            }
        }
        if !unobservable.isEmpty {
            lines += ["", "Unobservable (no log of invocations can show them):"]
            for (permission, reason) in unobservable.prefix(Self.listLimit) {
                lines.append("  \(permission.action) (\(Self.name(permission.statement))): \(reason)")
            }
            if unobservable.count > Self.listLimit {
                lines.append("  and \(unobservable.count - Self.listLimit) more (--format json lists them all)")
            }
        }
        return lines
    }

    static func resourceList(_ resources: [String], more: Bool) -> String {
        resources.joined(separator: ", ") + (more ? " and others" : "")
    }

    static func name(_ reference: StatementReference) -> String {
        var text = reference.policyName
        text += reference.sid.map { " statement \"\($0)\"" } ?? " statement \(reference.index + 1)"
        if let line = reference.location?.line, line > 0 { text += " (line \(line))" }
        return text
    }

    static func level(_ kind: PolicyKind?) -> String {
        switch kind {
        case .identity, nil: "identity policies"
        case .permissionsBoundary: "permissions boundary"
        case .session: "session policies"
        case .resource: "resource policy"
        case .serviceControl: "service control policies"
        case .resourceControl: "resource control policies"
        }
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
