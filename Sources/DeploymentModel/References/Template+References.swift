import Diagnostics
import Documents
import PolicyModel

extension Template {
    /// What a `Ref` or `Fn::GetAtt` names, per resource type. Returns `nil` for other values, for
    /// resource types without a row in the table, and for attributes that name nothing.
    package func reference(for value: TemplateValue) -> ResourceReference? {
        switch value {
        case .ref(let logicalId):
            guard let resource = resources[logicalId], let kind = ResourceKind.byType[resource.type] else { return nil }
            return ResourceReference(logicalId: logicalId, type: resource.type, form: kind.refForm)
        case .getAtt(let logicalId, let attribute):
            guard let resource = resources[logicalId], let kind = ResourceKind.byType[resource.type],
                let form = kind.attributes[attribute]
            else { return nil }
            return ResourceReference(logicalId: logicalId, type: resource.type, form: form)
        default:
            return nil
        }
    }

    /// The physical name of a resource: its name property when the template sets one, else a
    /// placeholder for the name CloudFormation generates. For types that `Ref` names by id
    /// (keys, file systems, user pools, APIs), the id placeholder. `nil` for an unknown
    /// resource, or when nothing in the template returns the generated name (a secret).
    package func physicalName(of logicalId: String) -> PatternString? {
        physicalName(of: logicalId, diagnostics: DiagnosticSink())
    }

    /// `physicalName(of:)`, reporting circular names and evaluation problems to `diagnostics`.
    package func physicalName(of logicalId: String, diagnostics: DiagnosticSink) -> PatternString? {
        ReferenceResolver(template: self, diagnostics: diagnostics).physicalName(of: logicalId)
    }

    /// The resource's ARN built from its properties, with placeholders for what is known only
    /// at deploy time.
    package func arn(of logicalId: String) -> PatternString? {
        arn(of: logicalId, diagnostics: DiagnosticSink())
    }

    /// `arn(of:)`, reporting circular names and evaluation problems to `diagnostics`.
    package func arn(of logicalId: String, diagnostics: DiagnosticSink) -> PatternString? {
        ReferenceResolver(template: self, diagnostics: diagnostics).arn(of: logicalId)
    }

    /// Builds a queue's URL, `https://sqs.${AWS::Region}.${AWS::URLSuffix}/${AWS::AccountId}/<name>`.
    package func queueURL(of logicalId: String) -> PatternString? {
        ReferenceResolver(template: self, diagnostics: DiagnosticSink()).queueURL(of: logicalId)
    }

    /// A value turned into a string pattern: literals and pseudo parameters are kept,
    /// references become their physical name, ARN or URL, and unknown parts become wildcards.
    /// Parameters without a value become `${Name}` placeholders. `Fn::If` branches that
    /// differ become a wildcard; `patterns(for:)` keeps them apart.
    package func pattern(for value: TemplateValue) -> PatternString {
        ReferenceResolver(template: self, diagnostics: DiagnosticSink()).pattern(for: value)
    }

    /// `pattern(for:)`, reporting circular names and evaluation problems to `diagnostics`.
    package func pattern(for value: TemplateValue, diagnostics: DiagnosticSink) -> PatternString {
        ReferenceResolver(template: self, diagnostics: diagnostics).pattern(for: value)
    }

    /// Lists one pattern per value that the `Fn::If` branches allow, without duplicates.
    package func patterns(for value: TemplateValue, diagnostics: DiagnosticSink = DiagnosticSink()) -> [PatternString] {
        let resolver = ReferenceResolver(template: self, diagnostics: diagnostics)
        var result: [PatternString] = []
        for alternative in value.alternatives() {
            let pattern = resolver.pattern(for: alternative)
            if !result.contains(pattern) { result.append(pattern) }
        }
        return result
    }
}

extension PatternString {
    static let partition = PatternString([.placeholder("AWS::Partition")])
    static let region = PatternString([.placeholder("AWS::Region")])
    static let accountId = PatternString([.placeholder("AWS::AccountId")])

    /// `arn:${AWS::Partition}:service:${AWS::Region}:${AWS::AccountId}:` with the region and
    /// account left empty when the service's ARNs omit them.
    static func arnPrefix(service: String, regional: Bool, accountScoped: Bool) -> PatternString {
        var prefix = PatternString(literal: "arn:") + .partition + PatternString(literal: ":\(service):")
        if regional { prefix.append(.region) }
        prefix.append(.literal(":"))
        if accountScoped { prefix.append(.accountId) }
        prefix.append(.literal(":"))
        return prefix
    }

    /// Removes `prefix` from the start of the pattern when its first segment is a literal that starts with it.
    func droppingLeading(_ prefix: String) -> PatternString {
        guard case .literal(let text)? = segments.first, text.hasPrefix(prefix) else { return self }
        return PatternString([.literal(String(text.dropFirst(prefix.count)))] + segments.dropFirst())
    }

    /// Appends `suffix` unless the pattern already ends in that literal text.
    func ensuringSuffix(_ suffix: String) -> PatternString {
        if case .literal(let text)? = segments.last, text.hasSuffix(suffix) { return self }
        return self + PatternString(literal: suffix)
    }
}
