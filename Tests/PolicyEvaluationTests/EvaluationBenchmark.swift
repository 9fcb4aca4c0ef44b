import PolicyEvaluation
import PolicyModel
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Decisions per second for a 20-statement identity policy, uncached and cached. Runs only
/// with `MINROLE_BENCH_EVALUATION=1`; `Benchmarks/evaluation/run.sh` runs it in a release build.
@Suite struct EvaluationBenchmark {
    static let isEnabled = getenv("MINROLE_BENCH_EVALUATION").map { String(cString: $0) == "1" } ?? false

    @Test(.enabled(if: isEnabled)) func decisionsPerSecond() {
        let requests = Self.requests(count: 400_000)
        let uncached = PolicyEvaluator(policies: Self.policies, cacheCapacity: 0)
        let uncachedRate = Self.rate(requests) { uncached.evaluate($0) }

        let cached = PolicyEvaluator(policies: Self.policies, cacheCapacity: 4096)
        let hot = Array(requests.prefix(1_000))
        let repeated = (0..<400).flatMap { _ in hot }
        _ = Self.rate(hot) { cached.evaluate($0) }
        let cachedRate = Self.rate(repeated) { cached.evaluate($0) }

        print("evaluation benchmark: 20 statements, \(requests.count) distinct requests")
        print("uncached: \(Int(uncachedRate)) decisions per CPU second of one thread")
        print("cached:   \(Int(cachedRate)) decisions per CPU second of one thread (1,000 distinct requests repeated)")
        #expect(uncachedRate > 0)
    }

    /// Decisions per second of CPU time over `requests`, on the calling thread. Thread CPU time
    /// keeps the figure per core when other processes share the machine.
    static func rate(_ requests: [AuthorizationRequest], _ evaluate: (AuthorizationRequest) -> EvaluationResult)
        -> Double
    {
        var allowed = 0
        let start = threadCPUSeconds()
        for request in requests where evaluate(request).decision == .allowed { allowed += 1 }
        let seconds = threadCPUSeconds() - start
        precondition(allowed > 0, "the benchmark requests must include allowed ones")
        return Double(requests.count) / seconds
    }

    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// A function role as minrole writes it, plus a few broader statements and denies: 20 in all.
    static let policies: PolicySet = {
        let account = "111122223333"
        func pattern(_ text: String) -> PatternString { PatternString(literal: text) }
        func statement(
            _ sid: String, _ actions: [String], _ resources: [String], _ conditions: [Condition] = [],
            effect: Effect = .allow
        ) -> Statement {
            Statement(
                sid: sid, effect: effect, actions: actions, resources: resources.map(pattern),
                conditions: conditions)
        }
        let namespace = Condition(
            conditionOperator: "StringEquals", key: "cloudwatch:namespace", values: [pattern("Shop/Checkout")])
        let secure = Condition(conditionOperator: "Bool", key: "aws:SecureTransport", values: [pattern("false")])
        let prefix = Condition(conditionOperator: "StringLike", key: "s3:prefix", values: [pattern("incoming/*")])
        let statements = [
            statement(
                "Logs", ["logs:CreateLogStream", "logs:PutLogEvents"],
                ["arn:aws:logs:eu-west-1:\(account):log-group:/aws/lambda/orders-fn:*"]),
            statement(
                "ReadOrders", ["dynamodb:GetItem", "dynamodb:Query"],
                [
                    "arn:aws:dynamodb:eu-west-1:\(account):table/orders",
                    "arn:aws:dynamodb:eu-west-1:\(account):table/orders/index/*",
                ]),
            statement(
                "WriteOrders", ["dynamodb:PutItem", "dynamodb:UpdateItem"],
                ["arn:aws:dynamodb:eu-west-1:\(account):table/orders"]),
            statement("Objects", ["s3:GetObject", "s3:PutObject"], ["arn:aws:s3:::orders-bucket/incoming/*"]),
            statement("List", ["s3:ListBucket"], ["arn:aws:s3:::orders-bucket"], [prefix]),
            statement("Queue", ["sqs:SendMessage"], ["arn:aws:sqs:eu-west-1:\(account):jobs"]),
            statement(
                "Poll", ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"],
                ["arn:aws:sqs:eu-west-1:\(account):orders.fifo"]),
            statement("Topic", ["sns:Publish"], ["arn:aws:sns:eu-west-1:\(account):alerts"]),
            statement(
                "Secret", ["secretsmanager:GetSecretValue"],
                ["arn:aws:secretsmanager:eu-west-1:\(account):secret:app-db-creds-??????"]),
            statement("Parameter", ["ssm:GetParameter"], ["arn:aws:ssm:eu-west-1:\(account):parameter/shop/prod/*"]),
            statement(
                "Key", ["kms:Decrypt", "kms:GenerateDataKey"], ["arn:aws:kms:eu-west-1:\(account):key/1111-2222"]),
            statement("Metrics", ["cloudwatch:PutMetricData"], ["*"], [namespace]),
            statement("Trace", ["xray:PutTraceSegments", "xray:PutTelemetryRecords"], ["*"]),
            statement("Events", ["events:PutEvents"], ["arn:aws:events:eu-west-1:\(account):event-bus/shop"]),
            statement("Invoke", ["lambda:InvokeFunction"], ["arn:aws:lambda:eu-west-1:\(account):function:billing-*"]),
            statement(
                "States", ["states:StartExecution"], ["arn:aws:states:eu-west-1:\(account):stateMachine:checkout"]),
            statement(
                "Eni", ["ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DeleteNetworkInterface"],
                ["*"]),
            statement("ReadAll", ["s3:Get*", "s3:List*"], ["arn:aws:s3:::shared-*/*"]),
            statement("NoDelete", ["s3:DeleteBucket", "dynamodb:DeleteTable"], ["*"], effect: .deny),
            statement("TlsOnly", ["s3:*"], ["*"], [secure], effect: .deny),
        ]
        let document = PolicyDocument(statements: statements)
        return PolicySet(identity: [NamedPolicy(name: "benchmark", kind: .identity, document: document)])
    }()

    /// Distinct requests over the statements' actions, half of them allowed.
    static func requests(count: Int) -> [AuthorizationRequest] {
        let session = "arn:aws:sts::111122223333:assumed-role/orders-fn-role/orders-fn"
        let shapes: [(String, (Int) -> String)] = [
            ("s3:GetObject", { "arn:aws:s3:::orders-bucket/incoming/\($0).csv" }),
            ("s3:GetObject", { "arn:aws:s3:::orders-bucket/archive/\($0).csv" }),
            ("dynamodb:Query", { "arn:aws:dynamodb:eu-west-1:111122223333:table/orders/index/i\($0)" }),
            ("dynamodb:GetItem", { "arn:aws:dynamodb:eu-west-1:111122223333:table/other\($0)" }),
            (
                "logs:PutLogEvents",
                { "arn:aws:logs:eu-west-1:111122223333:log-group:/aws/lambda/orders-fn:log-stream:\($0)" }
            ),
            ("sqs:SendMessage", { "arn:aws:sqs:eu-west-1:111122223333:jobs\($0)" }),
            ("lambda:InvokeFunction", { "arn:aws:lambda:eu-west-1:111122223333:function:billing-\($0)" }),
            ("kms:Encrypt", { "arn:aws:kms:eu-west-1:111122223333:key/\($0)" }),
        ]
        let context = ["aws:SecureTransport": ContextValue("true")]
        return (0..<count).map { index in
            let (action, resource) = shapes[index % shapes.count]
            return AuthorizationRequest(principal: session, action: action, resource: resource(index), context: context)
        }
    }
}
