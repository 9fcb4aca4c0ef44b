import Diagnostics
import PolicyLint
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs only with MINROLE_BENCH_LINT=1, in release: `MINROLE_BENCH_LINT=1 swift test -c release
/// --filter LintBenchmark`.
private let isBenchmarkEnabled = getenv("MINROLE_BENCH_LINT").map { String(cString: $0) } == "1"

/// Builds a policy document of five statements, varied by `index` so caches see distinct values.
func benchmarkPolicy(_ index: Int) -> String {
    ExampleStatements.policy(
        "{\"Sid\": \"Read\(index)\", \"Effect\": \"Allow\", \"Action\": [\"s3:GetObject\", \"s3:ListBucket\"], \"Resource\": [\"arn:aws:s3:::data-\(index)\", \"arn:aws:s3:::data-\(index)/*\"]}",
        "{\"Effect\": \"Allow\", \"Action\": [\"dynamodb:GetItem\", \"dynamodb:Query\", \"dynamodb:PutItem\"], \"Resource\": \"arn:aws:dynamodb:eu-west-1:123456789012:table/orders-\(index)\"}",
        "{\"Effect\": \"Allow\", \"Action\": \"sqs:SendMessage\", \"Resource\": \"arn:aws:sqs:eu-west-1:123456789012:jobs-\(index)\", \"Condition\": {\"StringEquals\": {\"aws:SourceVpc\": \"vpc-\(index)\"}}}",
        "{\"Effect\": \"Allow\", \"Action\": [\"logs:CreateLogStream\", \"logs:PutLogEvents\"], \"Resource\": \"arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/fn-\(index):*\"}",
        "{\"Effect\": \"Allow\", \"Action\": [\"xray:PutTraceSegments\", \"s3:Get*\", \"iam:PassRole\"], \"Resource\": \"*\"}"
    )
}

/// Builds a SAM template of `functions` functions, each with inline statements and policy templates.
func benchmarkTemplate(functions: Int) -> String {
    var text = "Transform: AWS::Serverless-2016-10-31\nResources:\n"
    for index in 0..<functions {
        text += """
              Bucket\(index):
                Type: AWS::S3::Bucket
              Function\(index):
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  CodeUri: s3://artifacts/f\(index).zip
                  MemorySize: 512
                  Timeout: 30
                  Policies:
                    - S3ReadPolicy:
                        BucketName: !Ref Bucket\(index)
                    - Statement:
                        - Effect: Allow
                          Action: [s3:PutObject, s3:GetObject]
                          Resource: !Sub "arn:${AWS::Partition}:s3:::${Bucket\(index)}/*"
                        - Effect: Allow
                          Action: dynamodb:Query
                          Resource: arn:aws:dynamodb:eu-west-1:123456789012:table/t\(index)

            """
    }
    return text
}

enum ExampleStatements {
    static func policy(_ statements: String...) -> String {
        "{\"Version\": \"2012-10-17\", \"Statement\": [\(statements.joined(separator: ", "))]}"
    }
}

/// Lints `text` once to warm the catalog's caches, then `runs` times, and returns the best
/// wall-clock and CPU seconds of one run.
private func bestTimes(_ text: String, kind: RuleExample.Kind, runs: Int = 3) -> (
    wall: Double, cpu: Double, findings: Int
) {
    var findings = lint(text, kind: kind, path: "template.yaml").findings.count
    var wall = Double.infinity
    var cpu = Double.infinity
    for _ in 0..<runs {
        var seconds = 0.0
        cpu = min(
            cpu,
            measureCPUSeconds {
                seconds = measureSeconds { findings = lint(text, kind: kind, path: "template.yaml").findings.count }
            })
        wall = min(wall, seconds)
    }
    return (wall, cpu, findings)
}

@Test(.enabled(if: isBenchmarkEnabled)) func lintBenchmarkThousandPolicies() {
    let text = "[" + (0..<1_000).map(benchmarkPolicy).joined(separator: ",\n") + "]"
    let times = bestTimes(text, kind: .policy)
    print(
        "BENCHMARK lint 1,000 policies (\(text.utf8.count) bytes): wall \(times.wall) s, CPU \(times.cpu) s, \(times.findings) findings"
    )
    #expect(times.cpu < 1.0)
}

@Test(.enabled(if: isBenchmarkEnabled)) func lintBenchmarkFiveMegabyteTemplate() {
    let functions = 5_000_000 / benchmarkTemplate(functions: 10).utf8.count * 10 + 10
    let text = benchmarkTemplate(functions: functions)
    #expect(text.utf8.count >= 5_000_000)
    let sink = DiagnosticSink()
    _ = Linter(catalog: .shared, options: LintOptions()).lintTemplate(
        path: "template.yaml", text: Array(text.utf8), diagnostics: sink)
    #expect(sink.diagnostics.isEmpty)
    let times = bestTimes(text, kind: .template)
    print(
        "BENCHMARK lint template of \(functions) functions (\(text.utf8.count) bytes): wall \(times.wall) s, CPU \(times.cpu) s, \(times.findings) findings"
    )
    #expect(times.cpu < 1.0)
}
