import Diagnostics

/// The entry point of a function's code: the file and the function the runtime calls.
package struct HandlerEntry: Hashable, Sendable {
    /// The code root (SAM `CodeUri`), absolute.
    package var codeRoot: String
    /// The handler string from the template, such as `app.lambda_handler` or `src/index.handler`.
    package var handler: String
    package var runtime: String?
    /// The handler's position in the template, for diagnostics.
    package var declaredAt: SourceLocation?

    package init(codeRoot: String, handler: String, runtime: String?, declaredAt: SourceLocation?) {
        self.codeRoot = codeRoot
        self.handler = handler
        self.runtime = runtime
        self.declaredAt = declaredAt
    }
}

/// The result of analyzing one function.
package struct AnalysisResult: Sendable {
    package var calls: [SDKCall]
    /// Every source file read, relative paths as diagnostics show them.
    package var filesRead: [String]
    /// Total bytes of source read, for benchmarks.
    package var bytesRead: Int
    /// True when the code uses an X-Ray SDK or a tracer that samples (Powertools Tracer,
    /// aws_xray_sdk), which needs the sampling-rule permissions.
    package var usesXRaySampling: Bool
    /// Calls that write files or make folders, sorted by location.
    package var fileWrites: [FileWrite]

    package init(
        calls: [SDKCall] = [], filesRead: [String] = [], bytesRead: Int = 0, usesXRaySampling: Bool = false,
        fileWrites: [FileWrite] = []
    ) {
        self.calls = calls
        self.filesRead = filesRead
        self.bytesRead = bytesRead
        self.usesXRaySampling = usesXRaySampling
        self.fileWrites = fileWrites
    }
}

/// Reads one handler language. Implementations report what they cannot follow to the sink
/// (with the location) and never fail the whole function for one unreadable file.
package protocol HandlerAnalyzer: Sendable {
    var language: SourceLanguage { get }
    /// True when this analyzer reads functions of that runtime (`python3.12`).
    func supports(runtime: String) -> Bool
    func analyze(_ entry: HandlerEntry, rootForDisplay: String, diagnostics: DiagnosticSink) -> AnalysisResult
}
