import Diagnostics
import PolicyModel
import PolicySynthesis

/// The default output: for each function, its policy and the reason for each statement.
package enum TextReport {
    package static func render(_ project: ProjectPolicies) -> String {
        var text = ""
        for policy in project.functions {
            let function = policy.function
            var details: [String] = []
            if let runtime = function.runtime { details.append(runtime) }
            if let handler = function.handler { details.append(handler) }
            text += "\(function.logicalId) (\(details.joined(separator: ", "))) in \(policy.templateDisplayPath)\n"
            text += PolicyJSONWriter().json(policy.document) + "\n"
            text += "Why:\n"
            for explained in policy.statements {
                text +=
                    "  \(explained.statement.sid ?? "Statement"): \(explained.statement.actions.joined(separator: ", "))\n"
                for reason in explained.reasons {
                    text += "    \(reason.file):\(reason.line): \(reason.why)\n"
                }
            }
            text += "\n"
        }
        if project.functions.isEmpty { text += "No functions found.\n" }
        return text
    }

    /// The reason for each statement of one function, under a `Why:` heading.
    package static func reasons(for policy: FunctionPolicy) -> String {
        var text = "Why:\n"
        for explained in policy.statements {
            text +=
                "  \(explained.statement.sid ?? "Statement"): \(explained.statement.actions.joined(separator: ", "))\n"
            for reason in explained.reasons {
                text += "    \(reason.file):\(reason.line): \(reason.why)\n"
            }
        }
        return text
    }
}

extension Diagnostic {
    /// Diagnostics in the order a reader wants them: by file, line, then severity.
    package static func sortedForOutput(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.sorted { lhs, rhs in
            let left = lhs.location ?? SourceLocation(file: "")
            let right = rhs.location ?? SourceLocation(file: "")
            if left != right { return left < right }
            if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
            return lhs.message < rhs.message
        }
    }
}
