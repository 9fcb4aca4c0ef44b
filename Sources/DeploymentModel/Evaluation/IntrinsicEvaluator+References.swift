import Diagnostics
import Documents

extension IntrinsicEvaluator {
    /// Pseudo parameters CloudFormation defines (`AWS::NoValue` removes a property).
    static let pseudoParameters: Set<String> = [
        "AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition", "AWS::Region",
        "AWS::StackId", "AWS::StackName", "AWS::URLSuffix",
    ]

    func ref(_ argument: Node) -> TemplateValue {
        guard let name = text(of: argument) else {
            return invalid("Ref", "the name of a parameter, resource or pseudo parameter", at: argument)
        }
        return named(name, at: argument, in: "Ref")
    }

    /// Evaluates a name the way `Ref` and `${Name}` in `Fn::Sub` read it.
    func named(_ name: String, at node: Node, in function: String) -> TemplateValue {
        if Self.pseudoParameters.contains(name) { return .pseudoParameter(name) }
        if template.parameterDeclarations[name] != nil { return template.parameterValue(name) }
        if template.resources[name] != nil || template.isGeneratedBySAM(name) { return .ref(name) }
        report(
            .error, .undefinedName,
            "\(function) names '\(name)', which is not a parameter, resource or pseudo parameter",
            at: node, fix: "declare '\(name)' under Parameters or Resources, or correct the name")
        return .unknown("\(name) is not defined in the template")
    }

    func getAtt(_ argument: Node) -> TemplateValue {
        let resource: String
        let attribute: String
        if let dotted = text(of: argument), let dot = dotted.firstIndex(of: ".") {
            resource = String(dotted[..<dot])
            attribute = String(dotted[dotted.index(after: dot)...])
        } else if let items = argument.sequence, items.count == 2, let first = text(of: items[0]),
            let second = text(of: items[1])
        {
            resource = first
            attribute = second
        } else {
            return invalid("Fn::GetAtt", "'Resource.Attribute' or a list [Resource, Attribute]", at: argument)
        }
        return attributeValue(resource, attribute, at: argument, in: "Fn::GetAtt")
    }

    func attributeValue(_ resource: String, _ attribute: String, at node: Node, in function: String) -> TemplateValue {
        guard template.resources[resource] != nil || template.isGeneratedBySAM(resource) else {
            report(
                .error, .undefinedName, "\(function) names resource '\(resource)', which is not in the template",
                at: node, fix: "declare '\(resource)' under Resources, or correct the name")
            return .unknown("\(resource) is not defined in the template")
        }
        return .getAtt(resource, attribute)
    }

    func importValue(_ argument: Node, at node: Node) -> TemplateValue {
        let exported = evaluate(argument)
        let name = exported.literalText.map { "'\($0)'" } ?? "an export"
        report(
            .warning, .importedValue, "Fn::ImportValue reads \(name) from another stack; its value is unknown here",
            at: node, fix: "pass the value as a parameter with --parameter to resolve it")
        return .importValue(exported)
    }

    func base64(_ argument: Node) -> TemplateValue {
        guard let text = evaluate(argument).literalText else {
            return .unknown("Fn::Base64 of a value known only at deploy time")
        }
        return .literal(Base64.encode(Array(text.utf8)))
    }
}

/// Standard Base64 with padding, as `Fn::Base64` writes it.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let count = min(3, bytes.count - index)
            var chunk: UInt32 = 0
            for offset in 0..<3 {
                chunk <<= 8
                if offset < count { chunk |= UInt32(bytes[index + offset]) }
            }
            for position in 0..<4 {
                if position <= count {
                    output.append(alphabet[Int((chunk >> UInt32(18 - 6 * position)) & 0x3F)])
                } else {
                    output.append(UInt8(ascii: "="))
                }
            }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }
}
