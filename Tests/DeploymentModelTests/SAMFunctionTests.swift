import DeploymentModel
import Diagnostics
import Documents
import Testing

@Suite("SAM functions")
struct SAMFunctionTests {
    @Test func globalsMergeIntoFunction() throws {
        let loaded = try LoadedTemplate(
            """
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                Runtime: python3.11
                Handler: app.handler
                CodeUri: src/
                Tracing: Active
                Layers: [arn:aws:lambda:eu-west-1:111122223333:layer:common:1]
                Environment:
                  Variables: { STAGE: prod, LOG_LEVEL: info }
                VpcConfig:
                  SecurityGroupIds: [sg-global]
            Resources:
              Worker:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Layers: [arn:aws:lambda:eu-west-1:111122223333:layer:local:2]
                  Environment:
                    Variables: { LOG_LEVEL: debug, QUEUE_URL: !Ref Jobs }
                  VpcConfig:
                    SubnetIds: [subnet-1]
                    SecurityGroupIds: [sg-local]
              Jobs:
                Type: AWS::SQS::Queue
            """)

        let worker = try #require(loaded.function("Worker"))

        #expect(worker.runtime == "python3.12")
        #expect(worker.handler == "app.handler")
        #expect(worker.codeRoot == loaded.template.folder + "/src")
        #expect(worker.tracingActive)
        #expect(
            worker.environment == [
                "STAGE": .literal("prod"), "LOG_LEVEL": .literal("debug"), "QUEUE_URL": .ref("Jobs"),
            ])
        #expect(
            worker.layers == [
                .literal("arn:aws:lambda:eu-west-1:111122223333:layer:common:1"),
                .literal("arn:aws:lambda:eu-west-1:111122223333:layer:local:2"),
            ])
        #expect(worker.hasVPC)
        #expect(worker.vpcSubnets == .list([.literal("subnet-1")]))
        #expect(worker.vpcSecurityGroups == .list([.literal("sg-global"), .literal("sg-local")]))
        #expect(worker.role == .generatedBySAM)
        #expect(loaded.codes(.error) == [])
    }

    @Test func globalsRejectRolePoliciesEvents() throws {
        let loaded = try LoadedTemplate(
            """
            Globals:
              Function:
                Role: arn:aws:iam::111122223333:role/shared
                Policies: [AWSLambdaExecute]
                Events: { Api: { Type: Api } }
            Resources:
              Worker:
                Type: AWS::Serverless::Function
                Properties: { CodeUri: src, Handler: app.handler, Runtime: python3.12 }
            """)

        let worker = try #require(loaded.function("Worker"))

        #expect(worker.role == .generatedBySAM)
        #expect(worker.existingPolicies.isEmpty)
        #expect(worker.events.isEmpty)
        let warnings = loaded.diagnostics.diagnostics.filter { $0.code == .propertyNotAllowedInGlobals }
        #expect(
            warnings.map(\.message) == [
                "SAM does not allow 'Role' in Globals.Function; it is ignored",
                "SAM does not allow 'Policies' in Globals.Function; it is ignored",
                "SAM does not allow 'Events' in Globals.Function; it is ignored",
            ])
    }

    @Test func codeLocations() throws {
        let loaded = try LoadedTemplate(
            """
            Resources:
              Relative:
                Type: AWS::Serverless::Function
                Properties: { CodeUri: ./functions/../orders/, Handler: app.handler, Runtime: python3.12 }
              Remote:
                Type: AWS::Serverless::Function
                Properties: { CodeUri: s3://artifacts/orders.zip, Handler: app.handler, Runtime: python3.12 }
              RemoteObject:
                Type: AWS::Serverless::Function
                Properties: { CodeUri: { Bucket: artifacts, Key: orders.zip }, Handler: app.handler }
              Image:
                Type: AWS::Serverless::Function
                Properties: { PackageType: Image }
                Metadata: { DockerContext: ./image, Dockerfile: Dockerfile }
              Inline:
                Type: AWS::Serverless::Function
                Properties: { InlineCode: "def handler(e, c): pass", Handler: index.handler }
            """)

        let functions = Dictionary(uniqueKeysWithValues: loaded.functions().map { ($0.logicalId, $0) })

        #expect(functions["Relative"]?.codeRoot == loaded.template.folder + "/orders")
        #expect(functions["Remote"]?.codeRoot == nil)
        #expect(functions["RemoteObject"]?.codeRoot == nil)
        #expect(functions["Image"]?.codeRoot == loaded.template.folder + "/image")
        #expect(functions["Image"]?.packageType == "Image")
        #expect(functions["Inline"]?.codeRoot == nil)
        #expect(loaded.codes(.note) == [.codeNotLocal, .codeNotLocal, .codeNotLocal])
    }

    @Test func roleKinds() throws {
        let loaded = try LoadedTemplate(
            """
            Resources:
              FromAttribute:
                Type: AWS::Serverless::Function
                Properties: { CodeUri: src, Role: !GetAtt WorkerRole.Arn }
              FromSub:
                Type: AWS::Serverless::Function
                Properties: { CodeUri: src, Role: !Sub "${WorkerRole.Arn}" }
              External:
                Type: AWS::Serverless::Function
                Properties: { CodeUri: src, Role: arn:aws:iam::111122223333:role/shared }
              Generated:
                Type: AWS::Serverless::Function
                Properties: { CodeUri: src }
              WorkerRole:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: {}
                  ManagedPolicyArns: [arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]
                  Policies:
                    - PolicyName: read
                      PolicyDocument: { Statement: [{ Effect: Allow, Action: s3:GetObject, Resource: "*" }] }
            """)

        let functions = Dictionary(uniqueKeysWithValues: loaded.functions().map { ($0.logicalId, $0) })

        #expect(functions["FromAttribute"]?.role == .templateRole(logicalId: "WorkerRole"))
        #expect(functions["FromSub"]?.role == .templateRole(logicalId: "WorkerRole"))
        #expect(functions["External"]?.role == .external(.literal("arn:aws:iam::111122223333:role/shared")))
        #expect(functions["Generated"]?.role == .generatedBySAM)
        let policies = try #require(functions["FromAttribute"]?.existingPolicies)
        #expect(policies.count == 2)
        guard case .inline(let document, _)? = policies.first else {
            Issue.record("expected the role's inline policy first, got \(policies)")
            return
        }
        #expect(document["Statement"]?.sequence?.count == 1)
        guard case .managed(let arn, _) = policies[1] else {
            Issue.record("expected the managed policy second")
            return
        }
        #expect(arn == .literal("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"))
    }

    @Test func policiesInEveryForm() throws {
        let loaded = try LoadedTemplate(
            """
            Resources:
              Single:
                Type: AWS::Serverless::Function
                Properties: { CodeUri: src, Policies: AmazonS3ReadOnlyAccess }
              Listed:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: src
                  Policies:
                    - arn:aws:iam::aws:policy/AmazonSQSReadOnlyAccess
                    - SQSPollerPolicy: { QueueName: !GetAtt Jobs.QueueName }
                    - SSMParameterReadPolicy: { ParameterName: /shop/prod/db-url }
                    - DynamoDBReadPolicy: {}
                    - Statement: [{ Effect: Allow, Action: sns:Publish, Resource: !Ref Alerts }]
                    - !Ref SharedPolicy
                    - [not, a, policy]
              Jobs: { Type: AWS::SQS::Queue }
              Alerts: { Type: AWS::SNS::Topic }
              SharedPolicy: { Type: AWS::IAM::ManagedPolicy, Properties: { PolicyDocument: { Statement: [] } } }
            """)

        let functions = Dictionary(uniqueKeysWithValues: loaded.functions().map { ($0.logicalId, $0) })

        let single = try #require(functions["Single"]?.existingPolicies)
        #expect(single.count == 1)
        if case .managed(let name, _)? = single.first { #expect(name == .literal("AmazonS3ReadOnlyAccess")) }
        let listed = try #require(functions["Listed"]?.existingPolicies)
        #expect(listed.count == 6)
        let templates = listed.compactMap { policy -> String? in
            if case .samTemplate(let name, _, _) = policy { return name }
            return nil
        }
        #expect(templates == ["SQSPollerPolicy", "SSMParameterReadPolicy", "DynamoDBReadPolicy"])
        if case .samTemplate(_, let parameters, _) = listed[1] {
            #expect(parameters == ["QueueName": .getAtt("Jobs", "QueueName")])
        }
        if case .samTemplate(_, let parameters, _) = listed[2] {
            #expect(parameters == ["ParameterName": .literal("/shop/prod/db-url")])
        }
        guard case .inline(let shared, _) = listed[5] else {
            Issue.record("expected the template's managed policy as its document, got \(listed[5])")
            return
        }
        #expect(shared["Statement"]?.sequence == [])
        #expect(loaded.codes(.warning) == [.invalidPolicyEntry])
    }

    @Test func policiesWithRoleIgnored() throws {
        let loaded = try LoadedTemplate(
            """
            Resources:
              Worker:
                Type: AWS::Serverless::Function
                Properties: { CodeUri: src, Role: arn:aws:iam::111122223333:role/x, Policies: [AWSLambdaExecute] }
            """)

        let worker = try #require(loaded.function("Worker"))

        #expect(worker.existingPolicies.isEmpty)
        #expect(loaded.codes(.warning) == [.policiesIgnored])
    }

    @Test func deliveryAndPlatformSettings() throws {
        let loaded = try LoadedTemplate(
            """
            Resources:
              Worker:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: src
                  FunctionName: orders-worker
                  KmsKeyArn: !GetAtt EnvKey.Arn
                  DeadLetterQueue: { Type: SQS, TargetArn: !GetAtt Dead.Arn }
                  EventInvokeConfig:
                    DestinationConfig:
                      OnSuccess: { Type: SNS, Destination: !Ref Done }
                      OnFailure: { Type: EventBridge, Destination: !GetAtt Bus.Arn }
                  FileSystemConfigs:
                    - { Arn: !GetAtt Mount.Arn, LocalMountPath: /mnt/data }
                  LoggingConfig: { LogGroup: !Ref Group, LogFormat: JSON }
              EnvKey: { Type: AWS::KMS::Key }
              Dead: { Type: AWS::SQS::Queue }
              Done: { Type: AWS::SNS::Topic }
              Bus: { Type: AWS::Events::EventBus, Properties: { Name: orders } }
              Mount: { Type: AWS::EFS::AccessPoint }
              Group: { Type: AWS::Logs::LogGroup, Properties: { LogGroupName: /app/orders } }
            """)

        let worker = try #require(loaded.function("Worker"))

        #expect(worker.functionName == .literal("orders-worker"))
        #expect(worker.environmentKey == .getAtt("EnvKey", "Arn"))
        #expect(worker.deliveryTargets.map(\.role) == [.deadLetterQueue, .onSuccess, .onFailure])
        #expect(worker.deliveryTargets.map(\.type) == ["SQS", "SNS", "EventBridge"])
        #expect(worker.deliveryTargets.map(\.target) == [.getAtt("Dead", "Arn"), .ref("Done"), .getAtt("Bus", "Arn")])
        #expect(worker.fileSystems.map(\.accessPoint) == [.getAtt("Mount", "Arn")])
        #expect(worker.fileSystems.map(\.localMountPath) == ["/mnt/data"])
        #expect(worker.logGroup == .ref("Group"))
        #expect(worker.templateCreatesLogGroup)
        #expect(worker.tracingActive == false)
        #expect(worker.hasVPC == false)
    }

    @Test(arguments: [
        ("/aws/lambda/orders-worker", "FunctionName: orders-worker", true),
        ("!Sub /aws/lambda/${Worker}", "FunctionName: orders-worker", true),
        ("!Sub /aws/lambda/${Worker}", "Handler: app.handler", true),
        ("!Join ['', [/aws/lambda/, !Ref Worker]]", "Handler: app.handler", true),
        ("/aws/lambda/other", "FunctionName: orders-worker", false),
        ("/aws/lambda/orders-worker", "Handler: app.handler", false),
    ])
    func logGroupCreatedByTemplate(_ groupName: String, _ property: String, _ expected: Bool) throws {
        let loaded = try LoadedTemplate(
            """
            Resources:
              Worker:
                Type: AWS::Serverless::Function
                Properties: { CodeUri: src, \(property) }
              Group:
                Type: AWS::Logs::LogGroup
                Properties:
                  LogGroupName: \(groupName)
            """)

        #expect(try #require(loaded.function("Worker")).templateCreatesLogGroup == expected)
    }

    @Test func conditionalVPCReadsPresentBranch() throws {
        let loaded = try LoadedTemplate(
            """
            Conditions:
              InVpc: !Equals [a, a]
            Resources:
              Worker:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: src
                  Tracing: !If [InVpc, Active, PassThrough]
                  VpcConfig: !If [InVpc, !Ref AWS::NoValue, { SubnetIds: [subnet-1], SecurityGroupIds: [sg-1] }]
            """)

        let worker = try #require(loaded.function("Worker"))

        #expect(worker.hasVPC)
        #expect(worker.vpcSubnets == .list([.literal("subnet-1")]))
        #expect(worker.tracingActive)
        #expect(loaded.codes(.note).contains(.conditionalValue))
    }
}
