import Diagnostics
import Documents

/// Codes for problems found while reading recorded calls (`MR14xx`, part of reading files).
extension DiagnosticCode {
    /// A record or line is not a valid CloudTrail event, request or AccessDenied message.
    package static let invalidRecord = DiagnosticCode("MR1401")
    /// A record or line is larger than the record size limit, so it was skipped unread.
    package static let recordTooLarge = DiagnosticCode("MR1402")
    /// A file is not in any form of recorded calls that minrole reads.
    package static let notRecordedCalls = DiagnosticCode("MR1403")
    /// A CloudTrail digest file was skipped (note).
    package static let digestFileSkipped = DiagnosticCode("MR1404")
    /// A recorded call names a service or operation the catalog does not map to an action (warning).
    package static let unmappedCall = DiagnosticCode("MR1405")
    /// More problems in one file than the per-file limit; the rest are counted, not listed (note).
    package static let problemsNotListed = DiagnosticCode("MR1406")
}

/// `Documents`' JSON value; `IAMCatalog` declares a type of the same name for its own files.
typealias JSONValue = Documents.JSONValue
