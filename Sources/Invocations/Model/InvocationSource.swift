import PolicyModel

/// A file or folder of recorded calls, by the form its records take.
package enum InvocationSource: Sendable, Hashable {
    /// JSON Lines, one request object a line.
    case requests(path: String)
    /// A CloudTrail log file or a folder tree of them, plain or gzip.
    case cloudTrail(path: String)
    /// Log lines that hold the AccessDenied messages AWS services and SDKs print.
    case accessDenied(path: String)

    package var path: String {
        switch self {
        case .requests(let path), .cloudTrail(let path), .accessDenied(let path): path
        }
    }
}

/// One recorded call as an authorization request, with what the log said about it.
package struct RecordedCall: Sendable, Hashable {
    /// The request. Its origin is `file:line` for line-based inputs and `file record N` (counting
    /// from 1) for records of a CloudTrail file.
    package var request: AuthorizationRequest
    /// When the call was made, as the log wrote it (ISO 8601 for CloudTrail).
    package var eventTime: String?
    /// The error the log recorded for the call, such as `AccessDenied`; `nil` when it succeeded or
    /// the log does not say.
    package var recordedError: String?
    /// True for CloudTrail data events (`eventCategory` is `Data`), which trails often do not log.
    package var isDataEvent: Bool
    /// Facts the report should show with the call, such as why the resource is `*`.
    package var notes: [String]

    package init(
        request: AuthorizationRequest, eventTime: String? = nil, recordedError: String? = nil,
        isDataEvent: Bool = false, notes: [String] = []
    ) {
        self.request = request
        self.eventTime = eventTime
        self.recordedError = recordedError
        self.isDataEvent = isDataEvent
        self.notes = notes
    }
}

/// Counts for one `InvocationReader.read` run.
package struct InvocationSummary: Sendable, Hashable {
    package var filesRead = 0
    /// Files not read because they are CloudTrail digest files.
    package var filesSkippedAsDigest = 0
    /// Files that could not be opened or decompressed to the end.
    package var filesFailed = 0
    /// Records (CloudTrail events, request lines, AccessDenied messages) found.
    package var recordsSeen = 0
    package var recordsSkippedAsOtherPrincipal = 0
    package var recordsInvalid = 0
    package var recordsTooLarge = 0
    /// Valid records that produced no request, because the catalog does not map the operation.
    package var recordsUnmapped = 0
    package var callsDelivered = 0
    /// Decompressed bytes read from all files.
    package var bytesRead = 0

    package init() {}

    mutating func add(_ other: InvocationSummary) {
        filesRead += other.filesRead
        filesSkippedAsDigest += other.filesSkippedAsDigest
        filesFailed += other.filesFailed
        recordsSeen += other.recordsSeen
        recordsSkippedAsOtherPrincipal += other.recordsSkippedAsOtherPrincipal
        recordsInvalid += other.recordsInvalid
        recordsTooLarge += other.recordsTooLarge
        recordsUnmapped += other.recordsUnmapped
        callsDelivered += other.callsDelivered
        bytesRead += other.bytesRead
    }
}
