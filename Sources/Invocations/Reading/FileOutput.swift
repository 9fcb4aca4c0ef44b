import Diagnostics

/// What reading one file passes to the consumer, in file order.
enum FileOutputItem: Sendable {
    case calls([RecordedCall])
    case diagnostic(Diagnostic)
    case summary(InvocationSummary)
}

/// Collects the calls, diagnostics and counts of one file and passes them on in batches.
/// Problems past `maximumProblems` are counted but not listed, so a file of a million bad
/// records cannot flood the output.
struct FileOutput {
    let displayPath: String
    var summary = InvocationSummary()
    private let batchSize: Int
    private let maximumProblems: Int
    private let send: (FileOutputItem) -> Void
    private var batch: [RecordedCall] = []
    private var problemCount = 0
    private var reportedKeys: Set<String> = []

    init(displayPath: String, batchSize: Int, maximumProblems: Int, send: @escaping (FileOutputItem) -> Void) {
        self.displayPath = displayPath
        self.batchSize = max(1, batchSize)
        self.maximumProblems = maximumProblems
        self.send = send
    }

    mutating func deliver(_ call: RecordedCall) {
        batch.append(call)
        summary.callsDelivered += 1
        if batch.count >= batchSize { flush() }
    }

    mutating func report(
        _ severity: Severity, _ code: DiagnosticCode, _ message: String, at location: SourceLocation? = nil,
        notes: [String] = []
    ) {
        report(Diagnostic(severity, code, message, at: location ?? SourceLocation(file: displayPath), notes: notes))
    }

    /// Reports a diagnostic only the first time `key` is seen in this file, for problems that
    /// repeat on many records (an operation the catalog does not map).
    mutating func reportOnce(key: String, _ diagnostic: Diagnostic) {
        guard reportedKeys.insert(key).inserted else { return }
        report(diagnostic)
    }

    mutating func report(_ diagnostic: Diagnostic) {
        problemCount += 1
        guard problemCount <= maximumProblems else { return }
        flush()
        send(.diagnostic(diagnostic))
    }

    /// Sends the last batch, a note for problems not listed, and the file's counts.
    mutating func finish() {
        flush()
        if problemCount > maximumProblems {
            send(
                .diagnostic(
                    Diagnostic(
                        .note, .problemsNotListed,
                        "\(problemCount - maximumProblems) more problems in this file are counted but not listed",
                        at: SourceLocation(file: displayPath))))
        }
        send(.summary(summary))
    }

    private mutating func flush() {
        guard !batch.isEmpty else { return }
        send(.calls(batch))
        batch = []
    }
}
