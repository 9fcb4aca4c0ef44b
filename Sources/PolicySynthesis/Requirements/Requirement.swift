import Diagnostics
import IAMCatalog
import PolicyModel

/// Why a permission is in the policy: the file and line that need it, and what needs it.
package struct Reason: Hashable, Sendable, Comparable {
    package var file: String
    package var line: Int
    package var why: String

    package init(file: String, line: Int, why: String) {
        self.file = file
        self.line = line
        self.why = why
    }

    package init(at location: SourceLocation, why: String) {
        self.init(file: location.file, line: location.line, why: why)
    }

    package static func < (lhs: Reason, rhs: Reason) -> Bool {
        (lhs.file, lhs.line, lhs.why) < (rhs.file, rhs.line, rhs.why)
    }
}

/// The source of a requirement: the handler code, or a configuration entry of the platform
/// templates (`logging`, `sqs-event-source`, ...).
package enum RequirementOrigin: Hashable, Sendable {
    case code
    case platform(String)
}

/// One action on one resource that a function needs, with the evidence for it.
package struct Requirement: Hashable, Sendable {
    package var action: ActionName
    package var resource: PatternString
    package var conditions: [Condition]
    package var reason: Reason
    package var origin: RequirementOrigin

    package init(
        action: ActionName, resource: PatternString, conditions: [Condition] = [], reason: Reason,
        origin: RequirementOrigin = .code
    ) {
        self.action = action
        self.resource = resource
        self.conditions = conditions.sorted()
        self.reason = reason
        self.origin = origin
    }
}

extension DiagnosticCode {
    /// A call's resource could not be resolved completely and part of the ARN was widened.
    package static let widenedResource = DiagnosticCode("MR4001")
    /// An operation without any IAM action in the catalog.
    package static let operationWithoutAction = DiagnosticCode("MR4002")
    /// An SDK client or operation the catalog does not know.
    package static let unknownOperation = DiagnosticCode("MR4003")
    /// An environment variable the code reads is not set in the template.
    package static let environmentVariableNotSet = DiagnosticCode("MR4004")
    /// `Fn::If` gave two values and both were granted.
    package static let conditionalValue = DiagnosticCode("MR4005")
    /// The policy is over an IAM size limit.
    package static let policyTooLarge = DiagnosticCode("MR4006")
    /// A permission that depends on configuration minrole cannot see (an external resource's
    /// KMS key, a value from another stack).
    package static let cannotVerify = DiagnosticCode("MR4007")
    /// A function minrole cannot analyze (no code folder, no handler, unsupported runtime).
    package static let functionNotAnalyzed = DiagnosticCode("MR4008")
    /// A placeholder was replaced by `*` in a format that cannot keep it.
    package static let placeholderWidened = DiagnosticCode("MR4009")
    /// A function's code folder is missing or outside the scanned folder.
    package static let codeOutsideRoot = DiagnosticCode("MR4011")
    /// An argument-triggered action depends on request items the analyzer could not see.
    package static let uncertainTrigger = DiagnosticCode("MR4010")
}
