import Diagnostics
import Documents
import PolicyModel

/// One scalar of a policy (a Sid, an action, a resource, a condition key or value) with the
/// span where it is written.
package struct LocatedValue: Sendable, Hashable {
    /// The text as written, or for a template intrinsic the evaluated pattern with unknown parts
    /// as `${Name}` placeholders.
    package var text: String
    /// False when a template intrinsic (`!Sub`, `!GetAtt`) produced the text.
    package var isLiteral: Bool
    package var location: SourceLocation
    package var endLocation: SourceLocation?

    package init(text: String, isLiteral: Bool = true, location: SourceLocation, endLocation: SourceLocation? = nil) {
        self.text = text
        self.isLiteral = isLiteral
        self.location = location
        self.endLocation = endLocation
    }

    /// True for a value made only of `*` characters, which matches anything.
    package var isWildcardOnly: Bool { !text.isEmpty && text.utf8.allSatisfy { $0 == UInt8(ascii: "*") } }
}

/// Where a policy comes from, which decides its size limit and which rules read it.
package enum PolicyOrigin: Sendable, Hashable {
    /// A policy file given on its own; it is read as an identity policy.
    case policyFile
    /// An inline policy of a role (`AWS::IAM::Role` `Policies`, `AWS::IAM::Policy`, SAM `Policies`).
    case inline
    /// An `AWS::IAM::ManagedPolicy` written in the template.
    case customerManaged
    /// The statements of a SAM policy template that a function names.
    case samPolicyTemplate(String)
    /// The document of an AWS managed policy that a role or function attaches.
    case awsManaged(String)

    /// True for statements the user wrote; false for statements the catalog expands.
    package var isWritten: Bool {
        switch self {
        case .policyFile, .inline, .customerManaged: true
        case .samPolicyTemplate, .awsManaged: false
        }
    }
}

/// A policy document read with the position of each element, for rules that point at spans.
package struct LocatedPolicy: Sendable {
    /// The policy's or function's name, beyond the file.
    package var subject: String?
    /// The logical id of the role or function whose permissions the policy adds to, so that
    /// rules can combine a role's policies. It is `nil` for policy files.
    package var principalId: String?
    package var origin: PolicyOrigin
    package var location: SourceLocation
    /// The `Version` value, or `nil` when the document has none.
    package var version: LocatedValue?
    package var statements: [LocatedStatement]
    /// Elements written as an empty list or mapping (`"Statement": []`, `"Condition": {}`).
    package var emptyElements: [LocatedValue]
    /// The document as `PolicyReader` reads it, for the size limits; `nil` when unreadable.
    package var document: PolicyDocument?
    /// Shape problems the policy reader found in the document (MR1501-MR1503), which MR116
    /// reports as findings.
    package var shapeProblems: [Diagnostic] = []

    package init(
        subject: String?, origin: PolicyOrigin, location: SourceLocation, version: LocatedValue? = nil,
        statements: [LocatedStatement] = [], emptyElements: [LocatedValue] = [], document: PolicyDocument? = nil
    ) {
        self.subject = subject
        self.origin = origin
        self.location = location
        self.version = version
        self.statements = statements
        self.emptyElements = emptyElements
        self.document = document
    }
}

/// One statement with its elements located.
package struct LocatedStatement: Sendable {
    package var index: Int
    package var location: SourceLocation
    package var sid: LocatedValue?
    /// `nil` when `Effect` is missing or is not `Allow` or `Deny`.
    package var effect: Effect?
    package var actions: [LocatedValue] = []
    package var isNotAction = false
    package var resources: [LocatedValue] = []
    package var isNotResource = false
    package var hasResourceElement = false
    package var conditions: [LocatedCondition] = []
    /// The `Principal` or `NotPrincipal` key, when the statement has one.
    package var principalKey: LocatedValue?

    package init(index: Int, location: SourceLocation) {
        self.index = index
        self.location = location
    }

    package var isAllow: Bool { effect == .allow }
    /// A readable name for messages: the Sid, or the statement's position.
    package var label: String { sid.map { "statement '\($0.text.prefix(100))'" } ?? "statement \(index + 1)" }
}

/// One key under one operator of a `Condition`.
package struct LocatedCondition: Sendable {
    package var operatorName: LocatedValue
    package var key: LocatedValue
    package var values: [LocatedValue]

    package init(operatorName: LocatedValue, key: LocatedValue, values: [LocatedValue]) {
        self.operatorName = operatorName
        self.key = key
        self.values = values
    }

    package var parsedOperator: ConditionOperator? { ConditionOperator(operatorName.text) }
}
