import Diagnostics

/// Diagnostic codes of the Python analysis.
extension DiagnosticCode {
    /// The handler's module file does not exist under the code root.
    package static let pythonHandlerFileNotFound = DiagnosticCode("MR3001")
    /// The handler's module has no function of the handler's name.
    package static let pythonHandlerFunctionNotFound = DiagnosticCode("MR3002")
    /// The handler string is not `module.function`.
    package static let pythonHandlerInvalid = DiagnosticCode("MR3003")
    /// A relative import names no module under the code root.
    package static let pythonRelativeImportNotFound = DiagnosticCode("MR3005")
    /// The tokenizer found text Python rejects (an unterminated string, a NUL byte).
    package static let pythonInvalidSource = DiagnosticCode("MR3010")
    /// A statement the parser could not read; calls in it are not analyzed.
    package static let pythonUnparsedStatement = DiagnosticCode("MR3011")
    /// More problems in one file than are listed.
    package static let pythonMoreProblems = DiagnosticCode("MR3012")
    /// A client or resource whose service name is not a literal string.
    package static let pythonDynamicServiceName = DiagnosticCode("MR3020")
    /// A service name the catalog does not know.
    package static let pythonUnknownService = DiagnosticCode("MR3021")
    /// A client method that is neither an API operation nor a known helper.
    package static let pythonUnknownClientMethod = DiagnosticCode("MR3022")
    /// `getattr(client, name)` with a name computed at run time.
    package static let pythonDynamicAttribute = DiagnosticCode("MR3023")
    /// A paginator, waiter or presigned operation name that is not a literal or not known.
    package static let pythonUnknownOperationName = DiagnosticCode("MR3024")
    /// A resource-API method or collection the catalog does not know.
    package static let pythonUnknownResourceMethod = DiagnosticCode("MR3025")
    /// The analysis stopped following values or calls because a work limit was reached.
    package static let pythonAnalysisLimit = DiagnosticCode("MR3026")
    /// A client or session made with credentials from the code, whose calls may be made as
    /// another identity than the execution role.
    package static let pythonExplicitCredentials = DiagnosticCode("MR3027")
}
