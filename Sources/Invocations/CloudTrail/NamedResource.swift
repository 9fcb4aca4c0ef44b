/// Turns a request parameter that names a resource in a form the ARN templates cannot use
/// (a queue URL, a function, secret or key given by name or ARN) into the resource ARN.
enum NamedResource {
    static func arn(parameter: String, value: String, formats: [String], scope: ARNScope) -> ResourceBuilder.Resource? {
        switch parameter {
        case "QueueUrl":
            return queueARN(url: value, scope: scope).map { ResourceBuilder.Resource(arn: $0) }
        case "KeyId":
            return keyARN(value, scope: scope)
        case "SecretId" where !value.hasPrefix("arn:"):
            // A secret's ARN ends in `-` and six random characters that a name does not carry.
            // Each `?` stands for one of them: policies that name the secret `NAME-*` or
            // `NAME-??????` match this ARN, and a policy with the real suffix does not.
            let arn = "arn:\(scope.partition):secretsmanager:\(scope.region):\(scope.account):secret:\(value)-??????"
            return ResourceBuilder.Resource(
                arn: arn,
                notes: [
                    "the secret is named without its ARN, so its random six-character suffix is written as ??????"
                ])
        default:
            break
        }
        if value.hasPrefix("arn:") {
            return ResourceBuilder.Resource(arn: value)
        }
        if parameter == "FunctionName" {
            return ResourceBuilder.Resource(arn: functionARN(value, scope: scope))
        }
        return fillOnlyVariable(of: formats.first, with: value, scope: scope).map { ResourceBuilder.Resource(arn: $0) }
    }

    /// `https://sqs.us-east-1.amazonaws.com/123456789012/orders` (or the older
    /// `https://us-east-1.queue.amazonaws.com/...` and `https://queue.amazonaws.com/...`) →
    /// `arn:aws:sqs:us-east-1:123456789012:orders`.
    static func queueARN(url: String, scope: ARNScope) -> String? {
        guard let schemeEnd = url.firstRange(of: "://") else { return nil }
        let parts = url[schemeEnd.upperBound...].split(separator: "/")
        guard parts.count == 3, parts[1].allSatisfy(\.isNumber), !parts[2].isEmpty else { return nil }
        let hostLabels = parts[0].split(separator: ".")
        var region = scope.region
        if hostLabels.count > 2 && hostLabels[0] == "sqs" {
            region = String(hostLabels[1])
        } else if hostLabels.count > 2 && hostLabels[1] == "queue" {
            region = String(hostLabels[0])
        } else if hostLabels.first == "queue" {
            region = "us-east-1"
        }
        let partition = ARNScope.partition(ofRegion: region)
        return "arn:\(partition):sqs:\(region):\(parts[1]):\(parts[2])"
    }

    /// A function name, partial ARN (`123456789012:function:name`) or name with a version or
    /// alias (`name:live`) → the function's ARN, keeping the qualifier.
    static func functionARN(_ value: String, scope: ARNScope) -> String {
        let parts = value.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count >= 3 && parts[1] == "function" {
            return "arn:\(scope.partition):lambda:\(scope.region):\(value)"
        }
        return "arn:\(scope.partition):lambda:\(scope.region):\(scope.account):function:\(value)"
    }

    /// A key id or key ARN → the key ARN. An alias names no key that the event shows, so it
    /// gives no ARN.
    static func keyARN(_ value: String, scope: ARNScope) -> ResourceBuilder.Resource? {
        if value.hasPrefix("arn:") && value.contains(":key/") { return ResourceBuilder.Resource(arn: value) }
        if value.hasPrefix("alias/") || value.contains(":alias/") {
            return nil
        }
        guard !value.contains(":"), !value.contains("/") else { return nil }
        return ResourceBuilder.Resource(arn: "arn:\(scope.partition):kms:\(scope.region):\(scope.account):key/\(value)")
    }

    /// The event bus of a `PutEvents` request when every entry names the same one; an entry
    /// without `EventBusName` goes to the account's `default` bus. A name may be the bus ARN.
    static func eventBusARN(_ parameters: RequestParameters, scope: ARNScope) -> String? {
        guard let entries = parameters.value(at: "Entries")?.array, !entries.isEmpty else { return nil }
        let names = Set(
            entries.map { entry in RequestParameters(value: entry).text(at: "EventBusName") ?? "default" })
        guard names.count == 1, let name = names.first else { return nil }
        if name.hasPrefix("arn:") { return name }
        return "arn:\(scope.partition):events:\(scope.region):\(scope.account):event-bus/\(name)"
    }

    /// Fills the one variable of an ARN format besides partition, region and account with a name.
    private static func fillOnlyVariable(of format: String?, with value: String, scope: ARNScope) -> String? {
        guard let format else { return nil }
        let names = TemplateFiller.variables(in: format).filter { !ARNScope.isScopeVariable($0) }
        guard names.count == 1 else { return nil }
        guard case .success(let arn) = TemplateFiller.fill(format, { scope.value(of: $0) ?? value }) else { return nil }
        return arn
    }
}
