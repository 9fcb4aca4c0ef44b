import Diagnostics
import PolicyLint
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Measures the seconds of wall-clock time that `work` takes.
func measureSeconds(_ work: () -> Void) -> Double {
    measure(clock: CLOCK_MONOTONIC, work)
}

/// Measures the seconds of CPU time the calling thread spends on `work`, which other
/// processes on a shared machine do not inflate.
func measureCPUSeconds(_ work: () -> Void) -> Double {
    measure(clock: CLOCK_THREAD_CPUTIME_ID, work)
}

private func measure(clock: clockid_t, _ work: () -> Void) -> Double {
    var start = timespec()
    var end = timespec()
    clock_gettime(clock, &start)
    work()
    clock_gettime(clock, &end)
    return Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
}

/// Builds a policy of `count` statements that exercise most rules with wildcards, conditions and variables.
func manyStatements(_ count: Int) -> String {
    let statements = (0..<count).map { index in
        let actions = "[\"s3:GetObject\", \"s3:Get*\", \"dynamodb:Query\", \"sqs:SendMessage\"]"
        let resources =
            "[\"arn:aws:s3:::bucket-\(index)/*\", \"arn:aws:s3:::bucket-\(index)/${aws:username}/*\", \"*\"]"
        let condition =
            "{\"StringEquals\": {\"aws:SourceVpc\": \"vpc-\(index)\"}, \"ForAllValues:StringLike\": {\"aws:TagKeys\": \"t*\"}}"
        return
            "{\"Sid\": \"S\(index % 500)\", \"Effect\": \"Allow\", \"Action\": \(actions), \"Resource\": \(resources), \"Condition\": \(condition)}"
    }
    return "{\"Version\": \"2012-10-17\", \"Statement\": [\(statements.joined(separator: ",\n"))]}"
}

@Test func tenThousandStatementsInLinearTime() {
    var small: (findings: [Finding], diagnostics: [Diagnostic]) = ([], [])
    var large: (findings: [Finding], diagnostics: [Diagnostic]) = ([], [])
    let smallText = manyStatements(2_500)
    let largeText = manyStatements(10_000)
    let smallSeconds = measureSeconds { small = lint(smallText, kind: .policy) }
    let largeSeconds = measureSeconds { large = lint(largeText, kind: .policy) }
    #expect(large.findings.count > 10_000)
    #expect(large.findings.count >= small.findings.count * 3)
    // Four times the input; quadratic work would take about sixteen times as long.
    #expect(largeSeconds < smallSeconds * 8 + 1, "2,500 statements: \(smallSeconds) s, 10,000: \(largeSeconds) s")
}

@Test func tenMegabyteActionAndResource() {
    let huge = String(repeating: "a", count: 5_000_000)
    let text =
        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:\(huge)*\", \"Resource\": \"arn:aws:s3:::\(huge)\"}]}"
    #expect(text.utf8.count > 10_000_000)
    var result: (findings: [Finding], diagnostics: [Diagnostic]) = ([], [])
    let seconds = measureSeconds { result = lint(text, kind: .policy) }
    #expect(result.findings.contains { $0.ruleId == "MR101" }, "the oversized action is reported")
    #expect(result.findings.allSatisfy { $0.message.utf8.count < 2_000 }, "messages quote a bounded prefix")
    #expect(seconds < 30)
}

@Test func deeplyNestedConditionIsReported() {
    let depth = 5_000
    let nested = String(repeating: "{\"a\": ", count: depth) + "1" + String(repeating: "}", count: depth)
    let text =
        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\", \"Condition\": \(nested)}]}"
    let result = lint(text, kind: .policy)
    #expect(result.findings.isEmpty)
    #expect(result.diagnostics.contains { $0.severity == .error }, "the nesting limit is reported")
}

@Test func nestedConditionUnderTheLimit() {
    let nested = String(repeating: "[", count: 200) + "\"x\"" + String(repeating: "]", count: 200)
    let text =
        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::b/*\", \"Condition\": {\"StringEquals\": {\"aws:SourceVpc\": \(nested)}}}]}"
    let result = lint(text, kind: .policy)
    #expect(
        result.findings.contains { $0.ruleId == "MR116" && $0.location.line == 1 },
        "a nested list is no condition value")
}

@Test(arguments: [
    "{\"Version\": 5, \"Statement\": \"everything\"}",
    "{\"Version\": [], \"Statement\": [1, \"x\", [], null]}",
    "{\"Statement\": [{\"Sid\": {}, \"Effect\": [1], \"Action\": {\"a\": \"b\"}, \"Resource\": 7, \"Condition\": [1, 2]}]}",
    "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": [[\"s3:GetObject\"]], \"Resource\": {\"Fn::Sub\": 1}, \"Condition\": {\"StringEquals\": [\"x\"]}}]}",
    "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\", \"Condition\": {\"\": {\"\": \"\"}, \"Bool\": {\"aws:SecureTransport\": {}}}}]}",
    "[[[[]]]]", "\"just text\"", "42", "", "{\"PolicyDocument\": {\"PolicyDocument\": 3}}",
])
func wrongTypesAreReported(_ text: String) {
    let result = lint(text, kind: .policy)
    #expect(!result.diagnostics.isEmpty || !result.findings.isEmpty, "every malformed input gets a message")
    for diagnostic in result.diagnostics {
        #expect(diagnostic.location != nil, "\(diagnostic.message)")
    }
}

@Test(arguments: [
    "Resources: 5",
    "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Policies: [[[[1]]], {Statement: 3}, {NoSuchTemplate: {}}, 7]\n      MemorySize: [1]\n      Timeout: {Ref: Missing}",
    "Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      Policies: {PolicyDocument: 1}\n      ManagedPolicyArns: [1, [2], arn:aws:iam::aws:policy/Nope]",
    "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      PackageType: Image\n    Metadata:\n      DockerContext: ../../..\n      Dockerfile: /etc/passwd",
    "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: /\n",
])
func hostileTemplatesAreSafe(_ text: String) {
    let result = lint(text, kind: .template, path: "template.yaml")
    for finding in result.findings {
        #expect(finding.location.line > 0, "\(finding.message)")
    }
}

@Test func invalidUTF8IsReported() {
    let bytes: [UInt8] = Array("{\"Statement\": \"".utf8) + [0xFF, 0xFE, 0x80] + Array("\"}".utf8)
    let sink = DiagnosticSink()
    let findings = Linter(catalog: .shared, options: LintOptions()).lintPolicyFile(
        path: "bad.json", text: bytes, diagnostics: sink)
    #expect(findings.isEmpty)
    #expect(sink.hasErrors)
}

@Test func longNamesAreQuotedShortly() {
    let long = String(repeating: "x", count: 100_000)
    let statement =
        "{\"Sid\": \"\(long)\", \"Effect\": \"Allow\", \"Action\": [\"\(long):*\", \"\(String(repeating: "*", count: 100_000))\"], "
        + "\"Resource\": \"*\", \"Condition\": {\"ForAllValues:StringEquals\": {\"s3:ExistingObjectTag/\(long)\": \"a*\"}}}"
    let result = lint("{\"Version\": \"2012-10-17\", \"Statement\": [\(statement)]}", kind: .policy)
    #expect(result.findings.count >= 4)
    for finding in result.findings {
        #expect(finding.message.utf8.count < 1_000, "\(finding.ruleId) quotes a bounded prefix")
    }
}
