import Diagnostics

extension DiagnosticCode {
    /// An option that has no effect on this run.
    package static let ignoredOption = DiagnosticCode("MR5001")
}

extension DiagnosticCode {
    /// A policy of the role whose document minrole does not know (a managed policy outside the
    /// catalog), so the simulation leaves it out.
    package static let roleDocumentUnknown = DiagnosticCode("MR5010")
    /// CloudTrail records are simulated without choosing the role's calls.
    package static let noRoleSelector = DiagnosticCode("MR5011")
}
