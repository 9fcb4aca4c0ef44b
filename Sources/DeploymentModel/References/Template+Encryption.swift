import Diagnostics
import Documents
import PolicyModel

extension Template {
    /// The customer-managed KMS key that encrypts a resource (bucket default encryption, queue
    /// or topic `KmsMasterKeyId`, stream encryption, secret `KmsKeyId`, table
    /// `SSESpecification`, state machine `EncryptionConfiguration`), as an ARN pattern. `nil`
    /// when the resource is unencrypted or uses an AWS-managed key (`alias/aws/...`).
    package func encryptionKeyARN(of logicalId: String) -> PatternString? {
        guard let resource = resources[logicalId], let key = encryptionKeyNode(of: resource) else { return nil }
        let diagnostics = DiagnosticSink()
        return keyARN(for: evaluate(key, diagnostics: diagnostics), diagnostics: diagnostics)
    }

    /// Converts a key reference (`!Ref Key`, `!GetAtt Key.Arn`, an alias, a key id or an ARN) to a
    /// key ARN pattern. Returns `nil` for an AWS-managed key.
    package func keyARN(for value: TemplateValue, diagnostics: DiagnosticSink = DiagnosticSink()) -> PatternString? {
        if value.isNoValue { return nil }
        if case .ref(let logicalId) = value, let resource = resources[logicalId] {
            switch resource.type {
            case "AWS::KMS::Key":
                return arn(of: logicalId, diagnostics: diagnostics)
            case "AWS::KMS::Alias":
                // Key policies and grants apply to the key an alias points to, not to the alias.
                guard let target = resource[property: "TargetKeyId"] else { return nil }
                let targetValue = evaluate(target, diagnostics: diagnostics)
                if case .ref(let targetId) = targetValue, resources[targetId]?.type == "AWS::KMS::Alias" { return nil }
                return keyARN(for: targetValue, diagnostics: diagnostics)
            default:
                break
            }
        }
        let written = pattern(for: value, diagnostics: diagnostics)
        guard case .literal(let start)? = written.segments.first else { return written }
        if start.hasPrefix("alias/aws/") || start.hasPrefix("arn:") && start.contains(":alias/aws/") { return nil }
        if start.hasPrefix("arn:") { return written }
        let prefix = PatternString.arnPrefix(service: "kms", regional: true, accountScoped: true)
        if start.hasPrefix("alias/") { return prefix + written }
        return prefix + PatternString(literal: "key/") + written
    }

    private func encryptionKeyNode(of resource: TemplateResource) -> Node? {
        switch resource.type {
        case "AWS::S3::Bucket":
            let rules = resource[property: "BucketEncryption"]?["ServerSideEncryptionConfiguration"]?.sequence ?? []
            for rule in rules {
                guard let defaults = rule["ServerSideEncryptionByDefault"],
                    defaults["SSEAlgorithm"]?.scalar?.hasPrefix("aws:kms") == true
                else { continue }
                return defaults["KMSMasterKeyID"]
            }
            return nil
        case "AWS::SQS::Queue", "AWS::SNS::Topic":
            return resource[property: "KmsMasterKeyId"]
        case "AWS::Kinesis::Stream":
            let encryption = resource[property: "StreamEncryption"]
            return encryption?["EncryptionType"]?.scalar == "KMS" ? encryption?["KeyId"] : nil
        case "AWS::SecretsManager::Secret":
            return resource[property: "KmsKeyId"]
        case "AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable":
            let specification = resource[property: "SSESpecification"]
            guard let enabled = specification?["SSEEnabled"]?.scalar, enabled == "true" || enabled == "True" else {
                return nil
            }
            return specification?["KMSMasterKeyId"]
        case "AWS::StepFunctions::StateMachine", "AWS::Serverless::StateMachine":
            let configuration = resource[property: "EncryptionConfiguration"]
            guard configuration?["Type"]?.scalar == "CUSTOMER_MANAGED_KMS_KEY" else { return nil }
            return configuration?["KmsKeyId"]
        default:
            return nil
        }
    }
}
