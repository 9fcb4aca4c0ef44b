import CZlib
import Diagnostics
import Documents
import IAMCatalog
import Testing

@testable import Invocations

/// The role and function every fixture event is made by, unless a test says otherwise.
enum Fixture {
    static let account = "123456789012"
    static let roleARN = "arn:aws:iam::123456789012:role/service/orders-role"
    static let sessionARN = "arn:aws:sts::123456789012:assumed-role/orders-role/orders-fn"

    /// A CloudTrail event of the fixture role, as one line of JSON.
    static func event(
        source: String, name: String, parameters: String = "null", resources: String? = nil,
        principal: String = sessionARN, issuer: String = roleARN, extra: String = ""
    ) -> String {
        var text =
            #"{"eventVersion":"1.09","userIdentity":{"type":"AssumedRole","principalId":"AROAEXAMPLE:orders-fn","#
        text += #""arn":"\#(principal)","accountId":"123456789012","accessKeyId":"ASIAEXAMPLE","#
        text += #""sessionContext":{"sessionIssuer":{"type":"Role","principalId":"AROAEXAMPLE","arn":"\#(issuer)","#
        text += #""accountId":"123456789012","userName":"orders-role"},"#
        text += #""attributes":{"creationDate":"2026-11-30T09:00:00Z","mfaAuthenticated":"false"}}},"#
        text += #""eventTime":"2026-11-30T10:15:30Z","eventSource":"\#(source)","eventName":"\#(name)","#
        text += #""awsRegion":"us-east-1","sourceIPAddress":"203.0.113.7","userAgent":"Boto3/1.35.0","#
        text += #""requestParameters":\#(parameters),"responseElements":null,"#
        if let resources { text += #""resources":\#(resources),"# }
        text += extra
        text += #""eventType":"AwsApiCall","recipientAccountId":"123456789012"}"#
        return text
    }

    /// A CloudTrail log file holding `events`.
    static func logFile(_ events: [String]) -> String {
        #"{"Records":["# + events.joined(separator: ",") + "]}"
    }
}

/// Everything one `InvocationReader.read` run produced.
struct ReadResult {
    var calls: [RecordedCall] = []
    var batches = 0
    var diagnostics: [Diagnostic] = []
    var summary = InvocationSummary()

    var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
}

func readCalls(
    _ sources: [InvocationSource], selector: RoleSelector = RoleSelector(),
    limits: InvocationReader.Limits = .default
) -> ReadResult {
    let reader = InvocationReader(catalog: Catalog.shared, selector: selector, limits: limits)
    let sink = DiagnosticSink()
    var result = ReadResult()
    result.summary = reader.read(sources, diagnostics: sink) { batch in
        result.calls += batch
        result.batches += 1
    }
    result.diagnostics = sink.diagnostics
    return result
}

/// Compresses `bytes` into a gzip file with zlib.
func writeGzip(_ path: String, _ bytes: [UInt8]) throws {
    let file = try #require(gzopen(path, "wb6"))
    var offset = 0
    while offset < bytes.count {
        let count = min(1 << 20, bytes.count - offset)
        let written = bytes[offset..<(offset + count)].withUnsafeBytes { gzwrite(file, $0.baseAddress, UInt32(count)) }
        try #require(written == Int32(count))
        offset += count
    }
    try #require(gzclose(file) == Z_OK)
}
