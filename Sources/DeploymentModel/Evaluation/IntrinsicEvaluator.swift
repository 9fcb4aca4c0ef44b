import Diagnostics
import Documents

/// Evaluates one value tree. It tracks nesting depth and the conditions being evaluated, so
/// that deep or circular input ends with an error instead of exhausting the stack.
final class IntrinsicEvaluator {
    let template: Template
    let diagnostics: DiagnosticSink
    var depth = 0
    var conditionsInProgress: [String] = []

    init(template: Template, diagnostics: DiagnosticSink) {
        self.template = template
        self.diagnostics = diagnostics
    }

    func evaluate(_ node: Node) -> TemplateValue {
        if depth >= Template.maximumEvaluationDepth {
            let message =
                "value nests lists and intrinsic functions deeper than \(Template.maximumEvaluationDepth) levels"
            report(.error, .evaluationTooDeep, message, at: node, fix: "flatten the value")
            return .unknown("nested too deeply")
        }
        depth += 1
        defer { depth -= 1 }

        if let (name, argument) = IntrinsicName.call(in: node) {
            return call(name, argument: argument, at: node)
        }
        switch node.content {
        case .scalar(let text, _):
            return .literal(node.isNull ? "" : text)
        case .sequence(let items):
            return .list(items.map { evaluate($0) })
        case .mapping:
            return .unknown("a mapping where a single value was expected")
        }
    }

    private func call(_ name: String, argument: Node, at node: Node) -> TemplateValue {
        switch name {
        case "Ref": return ref(argument)
        case "Fn::GetAtt": return getAtt(argument)
        case "Fn::Sub": return sub(argument)
        case "Fn::Join": return join(argument)
        case "Fn::Select": return select(argument)
        case "Fn::Split": return split(argument)
        case "Fn::If": return ifValue(argument, at: node)
        case "Fn::FindInMap": return findInMap(argument)
        case "Fn::ImportValue": return importValue(argument, at: node)
        case "Fn::GetAZs": return .unknown("Fn::GetAZs returns Availability Zones known only at deploy time")
        case "Fn::Base64": return base64(argument)
        case "Condition", "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not":
            guard let value = conditionExpression(name, argument: argument, at: node) else {
                return .unknown("\(name) depends on values known only at deploy time")
            }
            return .literal(value ? "true" : "false")
        case _ where IntrinsicName.deployTimeOnly.contains(name):
            report(
                .warning, .unevaluatedIntrinsic, "\(name) is evaluated only at deploy time; its value is unknown here",
                at: node, fix: "permissions that depend on it are widened")
            return .unknown("\(name) is evaluated only at deploy time")
        default:
            report(
                .error, .unknownIntrinsic, "unknown intrinsic function '\(name)'", at: node,
                fix: "use one of Ref, Fn::GetAtt, Fn::Sub, Fn::Join, Fn::Select, Fn::Split, Fn::If, "
                    + "Fn::FindInMap, Fn::ImportValue, Fn::GetAZs, Fn::Base64")
            return .unknown("unknown intrinsic function \(name)")
        }
    }

    func report(_ severity: Severity, _ code: DiagnosticCode, _ message: String, at node: Node, fix: String? = nil) {
        diagnostics.report(severity, code, message, at: node.location, notes: fix.map { [$0] } ?? [])
    }

    /// Reports arguments of the wrong shape and returns the unknown value that stands for them.
    func invalid(_ function: String, _ expected: String, at node: Node) -> TemplateValue {
        report(.error, .invalidIntrinsicArguments, "\(function) expects \(expected)", at: node)
        return .unknown("invalid \(function) arguments")
    }

    /// Returns a scalar argument's text, evaluating it first when it is an intrinsic function.
    func text(of node: Node) -> String? {
        if IntrinsicName.call(in: node) == nil { return node.scalar }
        return template.literalText(of: evaluate(node))
    }
}
