import Diagnostics

extension DiagnosticCode {
    /// An option that has no effect on this run.
    package static let ignoredOption = DiagnosticCode("MR5001")
}
