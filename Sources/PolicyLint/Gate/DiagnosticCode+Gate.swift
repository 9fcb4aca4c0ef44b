import Diagnostics

/// Codes for the lint gate's own inputs: `MR51xx` the configuration file, `MR52xx` baselines.
extension DiagnosticCode {
    /// The configuration file cannot be read, is not YAML, or is not a mapping.
    package static let configurationUnreadable = DiagnosticCode("MR5101")
    /// A configuration key that minrole does not know.
    package static let unknownConfigurationKey = DiagnosticCode("MR5102")
    /// A configuration value of the wrong type or outside its allowed values.
    package static let invalidConfigurationValue = DiagnosticCode("MR5103")
    /// A rule id that no rule has (warning).
    package static let unknownRuleId = DiagnosticCode("MR5104")

    /// The baseline file cannot be read, is not JSON, or has the wrong shape.
    package static let baselineUnreadable = DiagnosticCode("MR5201")
    /// The baseline was written by a newer minrole.
    package static let baselineVersionUnsupported = DiagnosticCode("MR5202")

    /// A function's existing role could not be compared completely (note or warning).
    package static let roleNotCompared = DiagnosticCode("MR5301")
}
