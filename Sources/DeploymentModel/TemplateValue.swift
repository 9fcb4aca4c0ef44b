import Diagnostics
import PolicyModel

/// A CloudFormation value after intrinsic functions are evaluated as far as the template
/// allows. Parameters with a default or an override become literals; references to resources
/// stay symbolic until synthesis asks what they mean.
package indirect enum TemplateValue: Hashable, Sendable {
    case literal(String)
    /// `AWS::Region`, `AWS::AccountId`, `AWS::Partition`, `AWS::StackName`, `AWS::URLSuffix`, ...
    case pseudoParameter(String)
    /// A template parameter with no default and no override.
    case parameter(String)
    /// `Ref` to a resource by logical id.
    case ref(String)
    /// `Fn::GetAtt` of a resource attribute.
    case getAtt(String, String)
    /// Parts joined in order (`Fn::Sub`, `Fn::Join`).
    case concatenation([TemplateValue])
    case list([TemplateValue])
    /// `Fn::If`: both branches are kept, and the condition's name is reported.
    case choice(condition: String, whenTrue: TemplateValue, whenFalse: TemplateValue)
    /// `Fn::ImportValue`: another stack's output, unknown here.
    case importValue(TemplateValue)
    /// Something that could not be evaluated, with the reason shown to the user.
    case unknown(String)
}

/// The meaning of a value once a `Ref` or `Fn::GetAtt` is looked up: which resource it names
/// and in which form (name, ARN, URL, id).
package struct ResourceReference: Hashable, Sendable {
    package enum Form: String, Hashable, Sendable {
        case name, arn, url, id
    }

    package var logicalId: String
    /// The CloudFormation resource type, such as `AWS::S3::Bucket`.
    package var type: String
    package var form: Form

    package init(logicalId: String, type: String, form: Form) {
        self.logicalId = logicalId
        self.type = type
        self.form = form
    }
}

extension TemplateValue {
    /// The text of a literal, or `nil` for any other value.
    package var literalText: String? {
        if case .literal(let text) = self { return text }
        return nil
    }

    /// True for `Ref: AWS::NoValue`, which removes the property it stands for.
    package var isNoValue: Bool { self == .pseudoParameter("AWS::NoValue") }

    /// Parts joined in order, with adjacent literals merged and a single part returned as is.
    package static func joined(_ parts: [TemplateValue]) -> TemplateValue {
        var merged: [TemplateValue] = []
        for part in parts {
            let pieces: [TemplateValue]
            if case .concatenation(let inner) = part { pieces = inner } else { pieces = [part] }
            for piece in pieces {
                if case .literal(let next) = piece, case .literal(let previous)? = merged.last {
                    merged[merged.count - 1] = .literal(previous + next)
                } else if piece != .literal("") {
                    merged.append(piece)
                }
            }
        }
        if merged.isEmpty { return .literal("") }
        return merged.count == 1 ? merged[0] : .concatenation(merged)
    }

    /// Every value this one may take: one per branch of each `Fn::If`, at most `limit` of them.
    package func alternatives(limit: Int = 16) -> [TemplateValue] {
        switch self {
        case .choice(_, let whenTrue, let whenFalse):
            let all = whenTrue.alternatives(limit: limit) + whenFalse.alternatives(limit: limit)
            return Array(all.prefix(limit))
        case .concatenation(let parts):
            var results: [[TemplateValue]] = [[]]
            for part in parts {
                let options = part.alternatives(limit: limit)
                results = results.flatMap { prefix in options.map { prefix + [$0] } }
                if results.count > limit { results = Array(results.prefix(limit)) }
            }
            return results.map { TemplateValue.joined($0) }
        default:
            return [self]
        }
    }
}
