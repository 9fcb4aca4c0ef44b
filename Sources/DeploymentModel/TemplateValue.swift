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
