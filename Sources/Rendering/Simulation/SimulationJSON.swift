import Diagnostics
import Documents
import Invocations
import PolicyEvaluation
import PolicyModel

/// `simulate --format json`: `{"schemaVersion": 1, "results": [...], "summary": {...}}`, one
/// result per call in input order. Results are written as they come, one per line, so the
/// output of a large log never sits in memory.
package enum SimulationJSON {
    package static let header = "{\"schemaVersion\": 1, \"results\": [\n"

    /// Returns one result line; `isFirst` leaves out the separating comma.
    package static func result(_ call: RecordedCall, _ result: EvaluationResult, isFirst: Bool) -> String {
        var object = JSONObject()
        object["action"] = .string(call.request.action)
        object["resource"] = .string(call.request.resource)
        object["principal"] = .string(call.request.principal)
        if let origin = call.request.origin { object["origin"] = .string(origin.description) }
        if let time = call.eventTime { object["eventTime"] = .string(time) }
        object["decision"] = .string(result.decision.rawValue)
        if let level = result.deniedBy { object["deniedBy"] = .string(level.rawValue) }
        object["matchedStatements"] = .array(result.matchedStatements.map(statement))
        object["missingContextKeys"] = .array(result.missingContextKeys.map { .string($0) })
        if !result.uncertainties.isEmpty { object["uncertainties"] = .array(result.uncertainties.map { .string($0) }) }
        if let error = call.recordedError { object["recordedError"] = .string(error) }
        if !call.notes.isEmpty { object["notes"] = .array(call.notes.map { .string($0) }) }
        return (isFirst ? "" : ",\n") + JSONWriter(style: .compact).string(for: .object(object))
    }

    /// Returns the closing part: the summary object.
    package static func footer(_ report: SimulationReport) -> String {
        var summary = JSONObject()
        summary["calls"] = .integer(Int64(report.tally.callCount))
        for decision in [Decision.allowed, .implicitDeny, .explicitDeny] {
            summary[decision.rawValue] = .integer(Int64(report.tally.decisionCounts[decision] ?? 0))
        }
        summary["coverage"] = report.tally.coverage.map { .number(($0 * 1000).rounded() / 1000) } ?? .null
        summary["denied"] = .array(report.tally.deniedCalls.map(denied))
        let (unused, unobservable) = report.tally.unexercised()
        summary["unused"] = .array(unused.map { permission($0, reason: nil) })
        summary["unobservable"] = .array(unobservable.map { permission($0.0, reason: $0.1) })
        summary["partlyUsed"] = .array(
            report.tally.partlyUsed().map { entry in
                var object = permission(entry.permission, reason: nil).object ?? JSONObject()
                object["usedActions"] = .array(entry.usedActions.map { .string($0) })
                return .object(object)
            })
        summary["widenedPlaceholders"] = .array(report.widenedPlaceholders.sorted().map { .string($0) })
        summary["input"] = .object(
            JSONObject([
                ("filesRead", .integer(Int64(report.input.filesRead))),
                ("recordsSeen", .integer(Int64(report.input.recordsSeen))),
                ("recordsOfOtherPrincipals", .integer(Int64(report.input.recordsSkippedAsOtherPrincipal))),
                ("recordsInvalid", .integer(Int64(report.input.recordsInvalid))),
                ("recordsTooLarge", .integer(Int64(report.input.recordsTooLarge))),
                ("bytesRead", .integer(Int64(report.input.bytesRead))),
            ]))
        return "\n], \"summary\": " + JSONWriter(style: .pretty).string(for: .object(summary)) + "}\n"
    }

    static func statement(_ reference: StatementReference) -> JSONValue {
        var object = JSONObject()
        object["policy"] = .string(reference.policyName)
        object["kind"] = .string(reference.kind.rawValue)
        if let sid = reference.sid { object["sid"] = .string(sid) }
        object["index"] = .integer(Int64(reference.index))
        if let location = reference.location, location.line > 0 { object["line"] = .integer(Int64(location.line)) }
        return .object(object)
    }

    private static func denied(_ calls: DeniedCalls) -> JSONValue {
        var object = JSONObject()
        object["action"] = .string(calls.action)
        object["resources"] = .array(calls.resources.map { .string($0) })
        object["moreResources"] = .bool(calls.hasMoreResources)
        object["decision"] = .string(calls.decision.rawValue)
        if let level = calls.deniedBy { object["deniedBy"] = .string(level.rawValue) }
        object["count"] = .integer(Int64(calls.count))
        if let origin = calls.firstOrigin { object["firstOrigin"] = .string(origin.description) }
        object["deniedWhenRecorded"] = .bool(calls.deniedWhenRecorded)
        if calls.decision == .explicitDeny {
            object["denyingStatements"] = .array(calls.denyingStatements.map(statement))
        } else {
            object["suggestedStatement"] = .object(
                JSONObject([
                    ("Effect", .string("Allow")), ("Action", .string(calls.action)),
                    ("Resource", .array(calls.suggestedResources.map { .string($0) })),
                ]))
        }
        return .object(object)
    }

    private static func permission(_ permission: GrantedPermission, reason: String?) -> JSONValue {
        var object = JSONObject()
        object["action"] = .string(permission.action)
        object[permission.isNotResource ? "notResources" : "resources"] = .array(
            permission.resources.map { .string($0) })
        object["statement"] = statement(permission.statement)
        if let reason { object["reason"] = .string(reason) }
        return .object(object)
    }
}

/// The findings of a simulation, for the closing part of either format.
package struct SimulationReport {
    package var tally: ReplayTally
    package var input: InvocationSummary
    package var widenedPlaceholders: Set<String>

    package init(tally: ReplayTally, input: InvocationSummary, widenedPlaceholders: Set<String>) {
        self.tally = tally
        self.input = input
        self.widenedPlaceholders = widenedPlaceholders
    }
}

/// The output formats of `simulate`.
package enum SimulationFormat: String, CaseIterable, Sendable {
    case text, json
}
