import DeploymentModel
import PolicyModel

extension ValueResolver {
    /// The maximum length, in UTF-8 bytes, of a value compared with the template's resource
    /// names. Longer values are not compared, which bounds the work on hostile input.
    static let maximumMatchedLength = 2048

    /// Finds the template resources a value names: the resource of its `Ref` or `Fn::GetAtt`,
    /// or else every resource of `service` whose physical name, ARN or queue URL the value
    /// spells out, as `app/db-password` names a secret whose `Name` is `app/db-password`.
    /// `service` is an SDK client name (`secretsmanager`, `sqs`). When it is `nil`, the service
    /// is read from the value's ARN, so a value that is not an ARN then matches no spelling.
    ///
    /// A pseudo parameter in the resource's name (`${AWS::Region}`) matches any non-empty text
    /// without `:`, `/` or `.` (`${AWS::URLSuffix}` may hold dots), so a literal ARN or queue
    /// URL of the deployed resource matches too. Other placeholders, such as a generated name,
    /// match only the same placeholder.
    package func resources(namedBy value: ResolvedValue, service: String? = nil) -> [String] {
        if let reference = value.reference { return [reference.logicalId] }
        guard let namedResources, !value.pattern.containsWildcard,
            let service = service
                ?? ResourceBuilder.service(of: value.pattern).map(ValueResolver.clientName(ofARNService:)),
            let candidates = namedResources.resourcesByClient[service]
        else { return [] }
        let literal = value.pattern.literalValue
        if let literal, literal.utf8.count > ValueResolver.maximumMatchedLength { return [] }
        return candidates.filter { candidate in
            candidate.spellings.indices.contains { index in
                let spelling = candidate.spellings[index]
                if spelling == value.pattern { return true }
                guard let literal else { return false }
                // Text that does not end as the spelling ends cannot match it.
                if let suffix = candidate.literalSuffixes[index], !literal.utf8.reversed().starts(with: suffix) {
                    return false
                }
                return ValueResolver.matches(Substring(literal), spelling.segments[...])
            }
        }.map(\.logicalId)
    }

    /// Returns the SDK client of a resource type: `AWS::SecretsManager::Secret` is
    /// `secretsmanager`. SAM types name their service in the catalog's terms.
    static func client(ofType type: String) -> String? {
        switch type {
        case "AWS::Serverless::SimpleTable": return "dynamodb"
        case "AWS::Serverless::StateMachine": return "stepfunctions"
        case "AWS::Serverless::Function": return "lambda"
        default:
            guard type.hasPrefix("AWS::") else { return nil }
            let rest = type.utf8.dropFirst(5)
            guard let separator = rest.firstIndex(of: UInt8(ascii: ":")),
                rest[separator...].starts(with: "::".utf8)
            else { return nil }
            let remainder = rest[rest.index(separator, offsetBy: 2)...]
            guard !remainder.isEmpty, !remainder.contains(UInt8(ascii: ":")) else { return nil }
            return String(decoding: rest[..<separator], as: UTF8.self).lowercased()
        }
    }

    /// Converts an ARN's service prefix to its SDK client name where the two differ.
    private static func clientName(ofARNService service: String) -> String {
        service == "states" ? "stepfunctions" : service
    }

    /// Matches literal text against pattern segments, where only pseudo parameters may stand
    /// for text. A pseudo parameter stops at the separators around it, so backtracking stays
    /// within one ARN field or host label run.
    static func matches(_ text: Substring, _ segments: ArraySlice<PatternString.Segment>) -> Bool {
        guard let first = segments.first else { return text.isEmpty }
        let rest = segments.dropFirst()
        switch first {
        case .literal(let head):
            guard text.hasPrefix(head) else { return false }
            return matches(text.dropFirst(head.count), rest)
        case .placeholder(let name):
            guard name.hasPrefix("AWS::") else { return false }
            let allowsDot = name == "AWS::URLSuffix"
            var end = text.startIndex
            while end < text.endIndex, text[end] != ":", text[end] != "/", allowsDot || text[end] != "." {
                end = text.index(after: end)
                if matches(text[end...], rest) { return true }
            }
            return false
        case .wildcard:
            return false
        }
    }
}

/// The names, ARNs and queue URLs a template's resources are known by, grouped by SDK client
/// and sorted by logical id. It is built once per template and shared by every function's
/// resolver, so matching a value costs one pass over the resources of its service.
package final class NamedResourceIndex: Sendable {
    struct Entry: Sendable {
        var logicalId: String
        var spellings: [PatternString]
        /// For each spelling that ends in literal text, that text's UTF-8 bytes in reverse.
        var literalSuffixes: [[UInt8]?]

        init(logicalId: String, spellings: [PatternString]) {
            self.logicalId = logicalId
            self.spellings = spellings
            literalSuffixes = spellings.map { spelling in
                guard case .literal(let text)? = spelling.segments.last else { return nil }
                return Array(text.utf8.reversed())
            }
        }
    }

    let resourcesByClient: [String: [Entry]]

    package init(template: Template) {
        var byClient: [String: [Entry]] = [:]
        for logicalId in template.resources.keys.sorted() {
            guard let resource = template.resources[logicalId],
                let client = ValueResolver.client(ofType: resource.type)
            else { continue }
            var spellings: [PatternString] = []
            if let name = template.physicalName(of: logicalId) { spellings.append(name) }
            if let arn = template.arn(of: logicalId) { spellings.append(arn) }
            if resource.type == "AWS::SQS::Queue", let url = template.queueURL(of: logicalId) {
                spellings.append(url)
            }
            spellings.removeAll { $0.containsWildcard || $0.isEmptyPattern }
            byClient[client, default: []].append(Entry(logicalId: logicalId, spellings: spellings))
        }
        resourcesByClient = byClient
    }
}

extension PatternString {
    fileprivate var isEmptyPattern: Bool { segments.isEmpty || literalValue == "" }
}
