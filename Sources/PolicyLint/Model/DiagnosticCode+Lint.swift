import Diagnostics

/// Codes for files the lint rules read beside a template: `MR27xx`.
extension DiagnosticCode {
    /// A function's code folder or Dockerfile could not be read, so its limit was not checked.
    package static let lintFileUnreadable = DiagnosticCode("MR2701")
}
