import Diagnostics

/// Codes for problems found while reading policy documents: `MR15xx`.
extension DiagnosticCode {
    /// The document is not a policy: no `Statement`, or a part of the wrong shape.
    package static let invalidPolicyDocument = DiagnosticCode("MR1501")
    /// A statement lacks a part IAM requires (`Effect`, `Action` or `NotAction`), or has both
    /// forms of one (`Action` and `NotAction`).
    package static let invalidStatement = DiagnosticCode("MR1502")
    /// A key that IAM does not define in a policy or statement (warning); it is ignored.
    package static let unknownPolicyElement = DiagnosticCode("MR1503")
}
