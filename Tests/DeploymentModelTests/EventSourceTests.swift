import DeploymentModel
import Diagnostics
import Testing

@Suite("Event sources")
struct EventSourceTests {
    static let text = """
        Resources:
          Worker:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: src
              Events:
                Jobs:
                  Type: SQS
                  Properties: { Queue: !GetAtt Jobs.Arn, BatchSize: 10 }
                Clicks:
                  Type: Kinesis
                  Properties:
                    Stream: !GetAtt Clicks.Arn
                    StartingPosition: LATEST
                    DestinationConfig:
                      OnFailure: { Type: SQS, Destination: !GetAtt Failed.Arn }
                FanOut:
                  Type: Kinesis
                  Properties: { Stream: !GetAtt Consumer.ConsumerARN, StartingPosition: LATEST }
                FanOutLiteral:
                  Type: Kinesis
                  Properties:
                    Stream: arn:aws:kinesis:eu-west-1:111122223333:stream/clicks/consumer/reader:1700000000
                Orders:
                  Type: DynamoDB
                  Properties: { Stream: !GetAtt Orders.StreamArn, StartingPosition: TRIM_HORIZON }
                Kafka:
                  Type: MSK
                  Properties: { Stream: !Ref Cluster, Topics: [orders], StartingPosition: LATEST }
                KafkaScram:
                  Type: MSK
                  Properties:
                    Stream: !Ref Cluster
                    Topics: [orders]
                    SourceAccessConfigurations: [{ Type: SASL_SCRAM_512_AUTH, URI: !Ref KafkaSecret }]
                Broker:
                  Type: MQ
                  Properties:
                    Broker: arn:aws:mq:eu-west-1:111122223333:broker:orders:b-1
                    Queues: [orders]
                    SourceAccessConfigurations: [{ Type: BASIC_AUTH, URI: !Ref BrokerSecret }]
                SelfManaged:
                  Type: SelfManagedKafka
                  Properties:
                    KafkaBootstrapServers: [broker:9092]
                    Topics: [orders]
                    SourceAccessConfigurations:
                      - { Type: VPC_SUBNET, URI: subnet:subnet-1 }
                      - { Type: SASL_SCRAM_256_AUTH, URI: !Ref KafkaSecret }
                Documents:
                  Type: DocumentDB
                  Properties:
                    Cluster: !Sub arn:${AWS::Partition}:rds:${AWS::Region}:${AWS::AccountId}:cluster:docs
                    DatabaseName: shop
                    CollectionName: orders
                    SourceAccessConfigurations: [{ Type: BASIC_AUTH, URI: !Ref DocsSecret }]
                Upload: { Type: S3, Properties: { Bucket: !Ref Uploads, Events: "s3:ObjectCreated:*" } }
                Api: { Type: Api, Properties: { Path: /orders, Method: get } }
                Nightly: { Type: Schedule, Properties: { Schedule: rate(1 day) } }
          Jobs: { Type: AWS::SQS::Queue }
          Failed: { Type: AWS::SQS::Queue }
          Clicks: { Type: AWS::Kinesis::Stream, Properties: { Name: clicks } }
          Consumer:
            Type: AWS::Kinesis::StreamConsumer
            Properties: { ConsumerName: reader, StreamARN: !GetAtt Clicks.Arn }
          Orders: { Type: AWS::DynamoDB::Table }
          Cluster: { Type: AWS::MSK::Cluster }
          KafkaSecret: { Type: AWS::SecretsManager::Secret }
          BrokerSecret: { Type: AWS::SecretsManager::Secret }
          DocsSecret: { Type: AWS::SecretsManager::Secret }
          Uploads: { Type: AWS::S3::Bucket }
        """

    private func events() throws -> [String: EventSource] {
        let loaded = try LoadedTemplate(Self.text)
        let worker = try #require(loaded.function("Worker"))
        #expect(loaded.codes(.error) == [])
        #expect(loaded.codes(.warning) == [])
        return Dictionary(uniqueKeysWithValues: worker.events.map { ($0.name, $0) })
    }

    @Test func kindsOfEveryEvent() throws {
        let events = try events()

        #expect(events.count == 13)
        #expect(events["Jobs"]?.kind == .sqs)
        #expect(events["Clicks"]?.kind == .kinesis)
        #expect(events["Orders"]?.kind == .dynamoDBStream)
        #expect(events["Kafka"]?.kind == .msk)
        #expect(events["Broker"]?.kind == .mq)
        #expect(events["SelfManaged"]?.kind == .selfManagedKafka)
        #expect(events["Documents"]?.kind == .documentDB)
        for name in ["Upload", "Api", "Nightly"] {
            #expect(events[name]?.kind == .push, "\(name)")
        }
        // An S3 event keeps its bucket, because the handler reads it from the event.
        #expect(events["Upload"]?.source == .ref("Uploads"))
        #expect(events["Upload"]?.pushType == "S3")
        #expect(events["Api"]?.source == nil)
        #expect(events["Nightly"]?.source == nil)
    }

    @Test func sourcesAndFailureDestinations() throws {
        let events = try events()

        #expect(events["Jobs"]?.source == .getAtt("Jobs", "Arn"))
        #expect(events["Clicks"]?.source == .getAtt("Clicks", "Arn"))
        #expect(events["Clicks"]?.onFailure == .getAtt("Failed", "Arn"))
        #expect(events["Clicks"]?.onFailureType == "SQS")
        #expect(events["Orders"]?.source == .getAtt("Orders", "StreamArn"))
        #expect(events["Broker"]?.source == .literal("arn:aws:mq:eu-west-1:111122223333:broker:orders:b-1"))
        #expect(events["SelfManaged"]?.source == nil)
    }

    @Test func enhancedFanOutConsumers() throws {
        let events = try events()

        #expect(events["FanOut"]?.consumer == .getAtt("Consumer", "ConsumerARN"))
        #expect(events["FanOut"]?.source == .getAtt("Clicks", "Arn"))
        #expect(
            events["FanOutLiteral"]?.consumer
                == .literal("arn:aws:kinesis:eu-west-1:111122223333:stream/clicks/consumer/reader:1700000000"))
        #expect(events["FanOutLiteral"]?.source == .literal("arn:aws:kinesis:eu-west-1:111122223333:stream/clicks"))
        #expect(events["Clicks"]?.consumer == nil)
    }

    @Test func secretsAndAuthentication() throws {
        let events = try events()

        #expect(events["Kafka"]?.usesIAMAuthentication == true)
        #expect(events["Kafka"]?.secret == nil)
        #expect(events["KafkaScram"]?.usesIAMAuthentication == false)
        #expect(events["KafkaScram"]?.secret == .ref("KafkaSecret"))
        #expect(events["Broker"]?.secret == .ref("BrokerSecret"))
        #expect(events["SelfManaged"]?.secret == .ref("KafkaSecret"))
        #expect(events["Documents"]?.secret == .ref("DocsSecret"))
        #expect(events["Jobs"]?.usesIAMAuthentication == false)
    }

    @Test func eventWithoutTypeReported() throws {
        let loaded = try LoadedTemplate(
            """
            Resources:
              Worker:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: src
                  Events:
                    Broken: { Properties: { Queue: x } }
                    NoQueue: { Type: SQS, Properties: {} }
            """)

        let worker = try #require(loaded.function("Worker"))

        #expect(worker.events.map(\.name) == ["NoQueue"])
        #expect(loaded.codes(.warning) == [.invalidFunctionProperty, .invalidFunctionProperty])
        #expect(loaded.messages(.warning) == ["event 'Broken' has no Type", "SQS event 'NoQueue' has no Queue"])
    }
}
