import DeploymentModel
import IAMCatalog
import PolicyModel
import SourceAnalysis

/// Builds the resource ARNs of one action from the call's resolved arguments and the
/// resource type's ARN format.
struct ResourceBuilder {
    var catalog: Catalog
    var resolver: ValueResolver
    /// The call's arguments as the analyzer saw them, for values nested in lists and mappings.
    var rawArguments: [String: SymbolicValue]
    var arguments: [String: [ResolvedValue]]

    var template: Template? { resolver.template }

    /// Returns the resources, each with the reasons any part of it was widened.
    func resources(for operationAction: OperationAction) -> [(PatternString, [String])] {
        guard let typeName = operationAction.resourceType,
            let type = catalog.resourceType(prefix: operationAction.action.prefix, name: typeName),
            !type.arnFormats.isEmpty
        else { return [(.wildcard, [])] }
        let format = chooseFormat(type.arnFormats.map(ARNFormat.init), for: operationAction)
        if let arnTemplate = operationAction.arnTemplate, let whole = wholeARNs(fromTemplate: arnTemplate) {
            return whole
        }
        if !namesResource(operationAction, format: format), isOptional(typeName, of: operationAction.action) {
            // The request names no resource of an optional type (DetectModerationLabels without
            // ProjectVersion), so IAM authorizes it on `*`.
            return [(.wildcard, [])]
        }
        var valuesPerVariable: [(String, [ResolvedValue])] = []
        for variable in format.resourceVariables {
            let values = value(of: variable, in: operationAction)
            let service = ResourceBuilder.service(of: format.fill([:])) ?? operationAction.action.prefix
            if format.resourceVariables.count == 1, let whole = wholeARNs(values, service: service) {
                return whole.map { ($0.pattern, $0.widenedBecause) }
            }
            valuesPerVariable.append((variable, values))
        }
        return combine(valuesPerVariable).map { choice in
            var filled: [String: PatternString] = [:]
            var reasons: [String] = []
            for (variable, value) in choice {
                filled[variable] = normalized(
                    namePattern(value), variable: variable, type: typeName, prefix: operationAction.action.prefix)
                reasons += value.widenedBecause
            }
            return (joiningParameterSlash(format.fill(filled), prefix: operationAction.action.prefix), reasons)
        }.flatMap { withDomainIdentity($0, prefix: operationAction.action.prefix, type: typeName) }
    }

    /// Returns the values a variable takes: from the catalog's binding, or from the argument
    /// whose name matches the variable's (`TopicArn` for `TopicName`), or unknown.
    private func value(of variable: String, in operationAction: OperationAction) -> [ResolvedValue] {
        if let binding = operationAction.arnBindings.first(where: { $0.variable == variable }) {
            return expand(binding.template)
        }
        if let parameter = operationAction.resourceParameters.first(where: { arguments[$0] != nil })
            ?? matchingParameter(for: variable), let values = arguments[parameter]
        {
            return values
        }
        let nested = nestedValues(for: variable, within: triggerScope(of: operationAction))
        if !nested.isEmpty { return nested.flatMap(resolver.resolve) }
        if let defaultValue = ResourceBuilder.defaultsWhenAbsent[ResourceBuilder.stem(variable)] {
            return [ResolvedValue(pattern: PatternString(literal: defaultValue))]
        }
        return [ResolvedValue(pattern: .wildcard, widenedBecause: ["no request parameter gives \(variable)"])]
    }

    /// Drops the `/` after `parameter` when a template parameter whose default starts with `/`
    /// follows it, because an SSM parameter ARN has exactly one slash there.
    private func joiningParameterSlash(_ arn: PatternString, prefix: String) -> PatternString {
        guard prefix == "ssm" else { return arn }
        var segments = arn.segments
        for index in segments.indices.dropLast() {
            guard case .literal(let text) = segments[index], text.hasSuffix("parameter/"),
                case .placeholder(let name) = segments[index + 1],
                template?.parameterDefaults[name]?.hasPrefix("/") == true
            else { continue }
            segments[index] = .literal(String(text.dropLast()))
            return PatternString(segments)
        }
        return arn
    }

    /// Picks the first ARN format whose every variable the request fills, else the first format.
    /// A resource type can have several (Glue's `catalog` and `catalog/${CatalogName}`).
    private func chooseFormat(_ formats: [ARNFormat], for operationAction: OperationAction) -> ARNFormat {
        formats.first { format in
            format.resourceVariables.allSatisfy { variable in
                operationAction.arnBindings.contains { $0.variable == variable }
                    || matchingParameter(for: variable) != nil
            }
        } ?? formats[0]
    }

    /// Adds the domain identity to an SES address identity. An address may be verified itself or
    /// through its domain, and SES authorizes the identity that is verified.
    private func withDomainIdentity(_ resource: (PatternString, [String]), prefix: String, type: String)
        -> [(PatternString, [String])]
    {
        guard prefix == "ses", type == "identity", case .literal(let tail)? = resource.0.segments.last,
            let at = tail.lastIndex(of: "@"), let slash = tail.lastIndex(of: "/"), slash < at
        else { return [resource] }
        var segments = resource.0.segments
        segments[segments.count - 1] = .literal(String(tail[...slash]) + String(tail[tail.index(after: at)...]))
        return [resource, (PatternString(segments), resource.1)]
    }

    /// True when some argument of the call fills a variable of the ARN format.
    private func namesResource(_ operationAction: OperationAction, format: ARNFormat) -> Bool {
        for variable in format.resourceVariables {
            if let binding = operationAction.arnBindings.first(where: { $0.variable == variable }) {
                let names = ARNFormat.parseTemplate(binding.template).compactMap { part -> String? in
                    if case .variable(let path) = part { return String(path.split(separator: ".").first ?? "") }
                    return nil
                }
                if names.contains(where: { arguments[$0] != nil }) { return true }
            } else if operationAction.resourceParameters.contains(where: { arguments[$0] != nil })
                || matchingParameter(for: variable) != nil || !nestedValues(for: variable).isEmpty
                || ResourceBuilder.defaultsWhenAbsent[ResourceBuilder.stem(variable)] != nil
            {
                return true
            }
        }
        return format.resourceVariables.isEmpty
    }

    /// True when the action's only resource type is optional. Several types that are each
    /// marked optional are alternatives (an S3 object or an access point object), one of which
    /// the request always names.
    private func isOptional(_ typeName: String, of action: ActionName) -> Bool {
        guard let types = catalog.action(action)?.resourceTypes, types.count == 1 else { return false }
        return types[0].name == typeName && !types[0].isRequired
    }

    /// Values the service uses when the request names no resource of that kind: `PutEvents`
    /// entries without `EventBusName` go to the account's default bus, and Athena queries
    /// without `WorkGroup` run in `primary`.
    static let defaultsWhenAbsent = ["eventbus": "default", "workgroup": "primary"]

    /// Values of keys inside the request's lists and mappings whose names match the variable
    /// (`TransactItems[].Put.TableName` for `TableName`, `Delete.Objects[].Key` for `ObjectName`).
    private func nestedValues(for variable: String, within scope: [SymbolicValue]? = nil) -> [SymbolicValue] {
        let wanted = ResourceBuilder.stem(variable)
        let aliases = ResourceBuilder.parameterAliases[wanted] ?? []
        var found: [SymbolicValue] = []
        func visit(_ value: SymbolicValue, depth: Int) {
            guard depth < 8 else { return }
            switch value {
            case .dictionary(let entries):
                for key in entries.keys.sorted() {
                    let keyStem = ResourceBuilder.stem(key)
                    if keyStem == wanted || aliases.contains(keyStem) {
                        found.append(entries[key]!)
                    } else {
                        visit(entries[key]!, depth: depth + 1)
                    }
                }
            case .list(let items):
                for item in items { visit(item, depth: depth + 1) }
            default:
                break
            }
        }
        if let scope {
            for value in scope { visit(value, depth: 0) }
        } else {
            for key in rawArguments.keys.sorted() { visit(rawArguments[key]!, depth: 0) }
        }
        return found
    }

    /// Returns the request values an action's nested trigger points at (the `Put` entries of
    /// `TransactItems[].Put`), so that the action's resource comes from those entries only.
    private func triggerScope(of operationAction: OperationAction) -> [SymbolicValue]? {
        guard case .whenArgumentPresent(let path) = operationAction.trigger, path.contains(".") || path.contains("[]")
        else { return nil }
        let values = ArgumentPath(path).matchedValues(in: rawArguments)
        return values.isEmpty ? nil : values
    }

    private func matchingParameter(for variable: String) -> String? {
        let wanted = ResourceBuilder.stem(variable)
        let aliases = ResourceBuilder.parameterAliases[wanted] ?? []
        let candidates = arguments.keys.sorted()
        return candidates.first { ResourceBuilder.stem($0) == wanted }
            ?? candidates.first { aliases.contains(ResourceBuilder.stem($0)) }
    }

    /// `TopicArn`, `TopicName` → `topic`; `ParameterNameWithoutLeadingSlash` → `parameter`.
    static func stem(_ name: String) -> String {
        var text = name.lowercased()
        var stripped = true
        while stripped {
            stripped = false
            for suffix in ["withoutleadingslash", "withpath", "identifier", "name", "arn", "url", "id"]
            where text.hasSuffix(suffix) && text.count > suffix.count {
                text.removeLast(suffix.count)
                stripped = true
                break
            }
        }
        return text
    }

    /// Request parameters that carry a variable under another name.
    static let parameterAliases: [String: Set<String>] = [
        "parameter": ["name", "path", "names"],
        "object": ["key"],
        "bucket": ["bucket"],
        "eventbus": ["eventbus"],
        "key": ["key", "keyid"],
        "identity": ["fromemailaddress", "source"],
    ]

    /// Expands a binding template such as `${Bucket}` or `orders/${Key}` into its values.
    private func expand(_ bindingTemplate: String) -> [ResolvedValue] {
        var alternatives: [[ResolvedValue]] = []
        for part in ARNFormat.parseTemplate(bindingTemplate) {
            switch part {
            case .literal(let text):
                alternatives.append([ResolvedValue(pattern: PatternString(literal: text))])
            case .variable(let path):
                alternatives.append(argumentValues(path: path))
            }
        }
        if alternatives.count == 1 { return alternatives[0] }
        return combine(alternatives.enumerated().map { (String($0.offset), $0.element) }).map { choice in
            ResolvedValue(
                pattern: choice.reduce(PatternString()) { $0 + namePattern($1.1) },
                widenedBecause: choice.flatMap(\.1.widenedBecause)
            )
        }
    }

    private func argumentValues(path: String) -> [ResolvedValue] {
        guard let values = pathValues(path) else {
            if let defaultValue = ResourceBuilder.defaultsWhenAbsent[ResourceBuilder.stem(path)] {
                return [ResolvedValue(pattern: PatternString(literal: defaultValue))]
            }
            return [ResolvedValue(pattern: .wildcard, widenedBecause: ["the call does not pass \(path)"])]
        }
        return values
    }

    /// Converts a value that stands for a whole resource in an ARN template: a referenced
    /// resource becomes its ARN, and text loses an `s3://` scheme.
    private func wholeResource(_ value: ResolvedValue) -> ResolvedValue {
        if let reference = value.reference, let arn = template?.arn(of: reference.logicalId) {
            return ResolvedValue(pattern: arn, widenedBecause: value.widenedBecause)
        }
        return ResolvedValue(
            pattern: ResourceBuilder.droppingS3Scheme(value.pattern), widenedBecause: value.widenedBecause)
    }

    /// Returns the values at a request path such as `Image.S3Object.Bucket`, or `nil` when the
    /// request does not carry it.
    private func pathValues(_ path: String) -> [ResolvedValue]? {
        // `${Location|bucket}` takes the bucket of an `s3://bucket/prefix` location.
        if path.hasSuffix("|bucket") {
            return pathValues(String(path.dropLast("|bucket".count)))?.map(ResourceBuilder.bucketOnly)
        }
        let names = path.split(separator: ".").map(String.init)
        guard let first = names.first else { return nil }
        if names.count == 1 { return arguments[first] }
        guard var value = rawArguments[first] else { return nil }
        for name in names.dropFirst() {
            guard case .dictionary(let entries) = value else {
                return [ResolvedValue(pattern: .wildcard, widenedBecause: ["\(path) is not known"])]
            }
            guard let member = entries[name] else { return nil }
            value = member
        }
        return resolver.resolve(value)
    }

    /// Returns the bucket part of `s3://bucket/prefix` or `bucket/prefix`.
    static func bucketOnly(_ value: ResolvedValue) -> ResolvedValue {
        let location = droppingS3Scheme(value.pattern)
        let parts = SQSQueueURL.split(location, on: "/")
        return ResolvedValue(pattern: parts.first ?? location, widenedBecause: value.widenedBecause)
    }

    /// `s3://bucket/key` as `bucket/key`, the form an S3 ARN takes after `arn:aws:s3:::`.
    static func droppingS3Scheme(_ pattern: PatternString) -> PatternString {
        guard case .literal(let head)? = pattern.segments.first, head.hasPrefix("s3://") else { return pattern }
        var segments = pattern.segments
        segments[0] = .literal(String(head.dropFirst("s3://".count)))
        return PatternString(segments)
    }

    /// Returns a value as a name inside an ARN, which for a referenced resource is its physical name.
    private func namePattern(_ value: ResolvedValue) -> PatternString {
        guard let reference = value.reference, reference.form != .name,
            let name = template?.physicalName(of: reference.logicalId)
        else { return value.pattern }
        return name
    }

    /// Values that are whole ARNs of this service already: a literal ARN, or a reference to a
    /// template resource whose ARN is known.
    private func wholeARNs(_ values: [ResolvedValue], service prefix: String) -> [ResolvedValue]? {
        var results: [ResolvedValue] = []
        for value in values {
            if let reference = value.reference, let arn = template?.arn(of: reference.logicalId),
                ResourceBuilder.service(of: arn) == prefix || ResourceBuilder.service(of: arn) == nil
            {
                results.append(ResolvedValue(pattern: arn, widenedBecause: value.widenedBecause))
            } else if ResourceBuilder.service(of: value.pattern) == prefix {
                results.append(value)
            } else if let queueARN = SQSQueueURL.arn(fromURL: value.pattern), prefix == "sqs" {
                results.append(ResolvedValue(pattern: queueARN, widenedBecause: value.widenedBecause))
            } else {
                return nil
            }
        }
        return results
    }

    /// Builds a whole ARN from the request (`${RoleArn}`) when every parameter it names is given.
    /// Returns `nil` otherwise, so the caller falls back to the resource type's ARN format.
    private func wholeARNs(fromTemplate template: String) -> [(PatternString, [String])]? {
        var alternatives: [[ResolvedValue]] = []
        for part in ARNFormat.parseTemplate(template) {
            switch part {
            case .literal(let text):
                alternatives.append([ResolvedValue(pattern: PatternString(literal: text))])
            case .variable(let name):
                if let placeholder = ARNFormat.accountLevelVariables[name] {
                    alternatives.append([ResolvedValue(pattern: PatternString([.placeholder(placeholder)]))])
                } else if let values = pathValues(name) {
                    alternatives.append(values.map(wholeResource))
                } else {
                    return nil
                }
            }
        }
        let combined = combine(alternatives.enumerated().map { (String($0.offset), $0.element) })
        return combined.map { choice in
            (choice.reduce(PatternString()) { $0 + $1.1.pattern }, choice.flatMap(\.1.widenedBecause))
        }
    }

    /// Returns the service segment of an ARN pattern when it is literal text.
    static func service(of pattern: PatternString) -> String? {
        let flat = pattern.segments.map { segment in
            switch segment {
            case .literal(let text): text
            case .placeholder: "\u{1}"
            case .wildcard: "*"
            }
        }.joined()
        guard flat.hasPrefix("arn:") else { return nil }
        let fields = flat.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
        guard fields.count >= 3, !fields[2].isEmpty, !fields[2].contains("\u{1}"), !fields[2].contains("*") else {
            return nil
        }
        return String(fields[2])
    }

    private func normalized(_ value: PatternString, variable: String, type: String, prefix: String) -> PatternString {
        switch (prefix, type) {
        case ("secretsmanager", "Secret"), ("secretsmanager", "secret"):
            // Secret ARNs end in a hyphen and six random characters that a name does not carry.
            if ResourceBuilder.service(of: value) == nil, value.segments.last != .wildcard {
                return value + PatternString(literal: "-??????")
            }
            return value
        case ("ssm", "parameter"):
            // A parameter ARN has one slash after `parameter`, whether or not the name starts with one.
            guard case .literal(let head)? = value.segments.first, head.hasPrefix("/") else { return value }
            var segments = value.segments
            segments[0] = .literal(String(head.dropFirst()))
            return PatternString(segments)
        default:
            return value
        }
    }

    private func combine<Key>(_ lists: [(Key, [ResolvedValue])], limit: Int = 8) -> [[(Key, ResolvedValue)]] {
        var results: [[(Key, ResolvedValue)]] = [[]]
        for (key, values) in lists {
            var next: [[(Key, ResolvedValue)]] = []
            for partial in results {
                for value in values where next.count < limit { next.append(partial + [(key, value)]) }
            }
            results = next
        }
        return results
    }
}

/// Queue URLs (`https://sqs.R.amazonaws.com/A/name`) and the queue ARN they correspond to.
/// The URL may be partly symbolic, as `Fn::Join` or `Fn::Sub` build it.
enum SQSQueueURL {
    static func arn(fromURL pattern: PatternString) -> PatternString? {
        guard case .literal(let head)? = pattern.segments.first, head.hasPrefix("https://") else { return nil }
        let path = split(pattern, on: "/")
        // ["https:", "", host, account, name]
        guard path.count == 5, let hostText = path[2].literalValue ?? hostPattern(path[2]) else { return nil }
        let region: PatternString
        if let literalRegion = regionOf(host: hostText) {
            region = PatternString(literal: literalRegion)
        } else if path[2].placeholders.contains("AWS::Region") {
            region = PatternString([.placeholder("AWS::Region")])
        } else {
            return nil
        }
        guard !path[4].segments.isEmpty, !path[3].segments.isEmpty else { return nil }
        return PatternString([.literal("arn:"), .placeholder("AWS::Partition"), .literal(":sqs:")]) + region
            + PatternString(literal: ":") + path[3] + PatternString(literal: ":") + path[4]
    }

    /// Returns the host text when it starts like an SQS host, with placeholders as `${...}`.
    private static func hostPattern(_ host: PatternString) -> String? {
        host.description.hasPrefix("sqs.") || host.description.hasPrefix("queue.") ? host.description : nil
    }

    private static func regionOf(host: String) -> String? {
        let labels = host.split(separator: ".")
        if labels.first == "queue" { return "us-east-1" }
        guard labels.count >= 3, labels[0] == "sqs", !labels[1].contains("$") else { return nil }
        return String(labels[1])
    }

    /// Splits a pattern at every `/` inside its literal text.
    static func split(_ pattern: PatternString, on separator: Character) -> [PatternString] {
        var parts: [PatternString] = [PatternString()]
        for segment in pattern.segments {
            guard case .literal(let text) = segment else {
                parts[parts.count - 1].append(segment)
                continue
            }
            let pieces = text.split(separator: separator, omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                if index > 0 { parts.append(PatternString()) }
                parts[parts.count - 1].append(.literal(String(piece)))
            }
        }
        return parts
    }
}
