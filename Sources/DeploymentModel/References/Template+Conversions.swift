import Diagnostics
import PolicyModel

extension Template {
    /// Converts a queue URL (`Ref` of a queue, its `QueueUrl`, or a literal
    /// `https://sqs.<region>.amazonaws.com/<account>/<name>`) to the queue's ARN. Returns `nil`
    /// for anything else.
    package func queueARN(forURL value: TemplateValue) -> PatternString? {
        switch value {
        case .ref(let logicalId), .getAtt(let logicalId, "QueueUrl"):
            guard resources[logicalId]?.type == "AWS::SQS::Queue" else { return nil }
            return arn(of: logicalId)
        default:
            guard let url = pattern(for: value).literalValue else { return nil }
            return Self.queueARN(forLiteralURL: url)
        }
    }

    /// Converts `https://sqs.<region>.<suffix>/<account>/<name>` or the older
    /// `https://<region>.queue.<suffix>/<account>/<name>` to `arn:<partition>:sqs:<region>:<account>:<name>`.
    static func queueARN(forLiteralURL url: String) -> PatternString? {
        guard url.hasPrefix("https://") else { return nil }
        let parts = String(url.dropFirst("https://".count)).split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[1].isEmpty, !parts[2].isEmpty else { return nil }
        let host = parts[0].split(separator: ".").map(String.init)
        let region: String
        if host.count >= 3, host[0] == "sqs" {
            region = host[1]
        } else if host.count >= 3, host[1] == "queue" {
            region = host[0]
        } else {
            return nil
        }
        let partition = host.suffix(2) == ["amazonaws", "com"] ? "aws" : nil
        var arn = PatternString(literal: "arn:")
        arn.append(partition.map { PatternString(literal: $0) } ?? .partition)
        arn.append(PatternString(literal: ":sqs:\(region):\(parts[1]):\(parts[2])"))
        return arn
    }

    /// Returns the ARN of the file system an EFS access point belongs to: the access point's
    /// `FileSystemId` when the template defines it, else every file system of the account.
    package func fileSystemARN(ofAccessPoint value: TemplateValue) -> PatternString {
        let anyFileSystem =
            PatternString.arnPrefix(service: "elasticfilesystem", regional: true, accountScoped: true)
            + PatternString([.literal("file-system/"), .wildcard])
        guard case .getAtt(let logicalId, "Arn") = value, let accessPoint = resources[logicalId],
            accessPoint.type == "AWS::EFS::AccessPoint", let fileSystem = accessPoint[property: "FileSystemId"]
        else { return anyFileSystem }
        let fileSystemId = evaluate(fileSystem, diagnostics: DiagnosticSink())
        if case .ref(let fileSystemLogicalId) = fileSystemId, let arn = arn(of: fileSystemLogicalId) { return arn }
        guard let id = fileSystemId.literalText else { return anyFileSystem }
        return PatternString.arnPrefix(service: "elasticfilesystem", regional: true, accountScoped: true)
            + PatternString(literal: "file-system/\(id)")
    }
}
