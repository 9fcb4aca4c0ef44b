import Diagnostics
import Documents

extension Template {
    /// The deepest nesting of intrinsic functions and lists that `evaluate` follows.
    package static let maximumEvaluationDepth = 64

    /// Evaluates a property value, reporting unknown intrinsics and cycles to the sink.
    package func evaluate(_ node: Node, diagnostics: DiagnosticSink) -> TemplateValue {
        IntrinsicEvaluator(template: self, diagnostics: diagnostics).evaluate(node)
    }

    /// Evaluates a condition of the `Conditions` section: `nil` when it depends on a value
    /// known only at deploy time, or when it is missing or circular (both reported).
    package func conditionValue(_ name: String, at location: SourceLocation, diagnostics: DiagnosticSink) -> Bool? {
        let reference = Node(.scalar(name, .plain), location: location)
        return IntrinsicEvaluator(template: self, diagnostics: diagnostics).condition(named: name, at: reference)
    }

    /// The text of a value where a literal is needed, with parameters at their defaults.
    package func literalText(of value: TemplateValue) -> String? {
        switch value {
        case .literal(let text): return text
        case .parameter(let name): return parameterDefaults[name]
        case .concatenation(let parts):
            var text = ""
            for part in parts {
                guard let piece = literalText(of: part) else { return nil }
                text += piece
            }
            return text
        default: return nil
        }
    }

    /// The value of a `Ref` to a parameter: its override, split into a list for list types,
    /// or `.parameter` when none is given (its default is in `parameterDefaults`).
    /// A list parameter without an override takes its default, because lists feed
    /// `Fn::Select` and `Fn::Join` rather than the names in ARNs.
    func parameterValue(_ name: String) -> TemplateValue {
        let type = parameterDeclarations[name]?["Type"]?.scalar ?? "String"
        let isList = type == "CommaDelimitedList" || type.hasPrefix("List<")
        guard let text = parameterValues[name] ?? (isList ? parameterDefaults[name] : nil) else {
            return .parameter(name)
        }
        if isList {
            return .list(text.split(separator: ",", omittingEmptySubsequences: false).map { .literal(String($0)) })
        }
        return .literal(text)
    }
}

/// The names of intrinsic functions, as written in long form.
enum IntrinsicName {
    static let shortTags: [String: String] = [
        "!Ref": "Ref", "!Condition": "Condition", "!GetAtt": "Fn::GetAtt", "!Sub": "Fn::Sub",
        "!Join": "Fn::Join", "!Select": "Fn::Select", "!Split": "Fn::Split", "!If": "Fn::If",
        "!FindInMap": "Fn::FindInMap", "!ImportValue": "Fn::ImportValue", "!GetAZs": "Fn::GetAZs",
        "!Base64": "Fn::Base64", "!Equals": "Fn::Equals", "!And": "Fn::And", "!Or": "Fn::Or",
        "!Not": "Fn::Not", "!Cidr": "Fn::Cidr", "!Transform": "Fn::Transform", "!Length": "Fn::Length",
        "!ToJsonString": "Fn::ToJsonString",
    ]

    /// Functions whose result is known only at deploy time or needs a transform.
    static let deployTimeOnly: Set<String> = [
        "Fn::Cidr", "Fn::Transform", "Fn::Length", "Fn::ToJsonString", "Fn::ForEach", "Fn::GetStackOutput",
    ]

    /// The intrinsic function a node calls and its argument, or `nil` for a plain value.
    /// A local tag always names a function; a mapping names one when its only key is `Ref`,
    /// `Condition` or starts with `Fn::`.
    static func call(in node: Node) -> (name: String, argument: Node)? {
        if let tag = node.tag {
            var argument = node
            argument.tag = nil
            return (shortTags[tag] ?? tag, argument)
        }
        guard let pairs = node.mapping, pairs.count == 1, let key = pairs[0].key.scalar else { return nil }
        guard key == "Ref" || key == "Condition" || key.hasPrefix("Fn::") else { return nil }
        return (key, pairs[0].value)
    }
}

extension Template {
    /// Evaluates every intrinsic function in the resources' properties once, so that unknown
    /// functions, undefined names and bad arguments are reported even where no function reads
    /// them. Notes (such as `Fn::If` branches) are left for the code that reads each value.
    package func checkIntrinsics(diagnostics: DiagnosticSink) {
        let scratch = DiagnosticSink()
        let evaluator = IntrinsicEvaluator(template: self, diagnostics: scratch)
        for resource in resourcesInOrder {
            guard let properties = resource.properties else { continue }
            evaluator.visitIntrinsics(in: properties)
        }
        for diagnostic in scratch.diagnostics where diagnostic.severity > .note {
            diagnostics.report(diagnostic)
        }
    }
}

extension IntrinsicEvaluator {
    /// Evaluates each intrinsic function found in a tree of plain mappings and lists.
    func visitIntrinsics(in node: Node) {
        if IntrinsicName.call(in: node) != nil {
            _ = evaluate(node)
            return
        }
        switch node.content {
        case .scalar:
            return
        case .sequence(let items):
            for item in items { visitIntrinsics(in: item) }
        case .mapping(let pairs):
            for pair in pairs { visitIntrinsics(in: pair.value) }
        }
    }
}
