import Diagnostics

/// Diagnostic codes of the JavaScript and TypeScript analysis.
extension DiagnosticCode {
    /// The handler's file does not exist under the code root.
    package static let javaScriptHandlerFileNotFound = DiagnosticCode("MR3601")
    /// The handler's module exports no function of the handler's name.
    package static let javaScriptHandlerFunctionNotFound = DiagnosticCode("MR3602")
    /// The handler string is not `file.function`.
    package static let javaScriptHandlerInvalid = DiagnosticCode("MR3603")
    /// A relative `require` or `import` names no file under the code root.
    package static let javaScriptImportNotFound = DiagnosticCode("MR3605")
    /// A `require` or `import()` whose module path is computed at run time.
    package static let javaScriptDynamicImport = DiagnosticCode("MR3606")
    /// The tokenizer found text it cannot read (an unterminated literal, invalid UTF-8).
    package static let javaScriptInvalidSource = DiagnosticCode("MR3610")
    /// Code the parser could not read; calls in it may be missed.
    package static let javaScriptUnparsedCode = DiagnosticCode("MR3611")
    /// More problems in one file than are listed.
    package static let javaScriptMoreProblems = DiagnosticCode("MR3612")
    /// A client package or class the catalog does not know.
    package static let javaScriptUnknownService = DiagnosticCode("MR3621")
    /// A client method or command that is not an API operation in the catalog.
    package static let javaScriptUnknownOperation = DiagnosticCode("MR3622")
    /// A command sent, signed, paginated or waited on that the analysis cannot identify.
    package static let javaScriptUnknownCommand = DiagnosticCode("MR3624")
    /// The analysis stopped following values or calls because a work limit was reached.
    package static let javaScriptAnalysisLimit = DiagnosticCode("MR3626")
    /// A client made with credentials from the code, whose calls may be made as another
    /// identity than the execution role.
    package static let javaScriptExplicitCredentials = DiagnosticCode("MR3627")
}
