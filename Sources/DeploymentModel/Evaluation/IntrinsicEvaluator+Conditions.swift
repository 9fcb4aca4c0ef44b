import Diagnostics
import Documents

extension IntrinsicEvaluator {
    func ifValue(_ argument: Node, at node: Node) -> TemplateValue {
        guard let items = argument.sequence, items.count == 3, let name = text(of: items[0]) else {
            return invalid("Fn::If", "a list [condition name, value if true, value if false]", at: argument)
        }
        let decided = condition(named: name, at: items[0])
        let whenTrue = evaluate(items[1])
        let whenFalse = evaluate(items[2])
        if template.conditions[name] != nil {
            var message = "value depends on condition '\(name)'; both branches are kept"
            if let decided { message += " (it is \(decided) with the current parameter values)" }
            report(.note, .conditionalValue, message, at: node)
        }
        return .choice(condition: name, whenTrue: whenTrue, whenFalse: whenFalse)
    }

    /// The value of a named condition, evaluating the conditions it uses in turn.
    func condition(named name: String, at node: Node) -> Bool? {
        guard let definition = template.conditions[name] else {
            report(
                .error, .undefinedName, "condition '\(name)' is not defined in the template", at: node,
                fix: "declare '\(name)' under Conditions, or correct the name")
            return nil
        }
        if let start = conditionsInProgress.firstIndex(of: name) {
            let chain = (conditionsInProgress[start...] + [name]).joined(separator: " -> ")
            report(
                .error, .circularReference, "conditions refer to each other in a cycle: \(chain)", at: node,
                fix: "break the cycle so that each condition depends only on parameters and other conditions")
            return nil
        }
        conditionsInProgress.append(name)
        defer { conditionsInProgress.removeLast() }
        return conditionNode(definition)
    }

    func conditionExpression(_ name: String, argument: Node, at node: Node) -> Bool? {
        switch name {
        case "Condition":
            guard let conditionName = text(of: argument) else { return nil }
            return condition(named: conditionName, at: argument)
        case "Fn::Equals":
            guard let items = argument.sequence, items.count == 2 else {
                _ = invalid("Fn::Equals", "a list of two values", at: argument)
                return nil
            }
            let first = evaluate(items[0])
            let second = evaluate(items[1])
            if let left = template.literalText(of: first), let right = template.literalText(of: second) {
                return left == right
            }
            return first == second ? true : nil
        case "Fn::Not":
            guard let items = argument.sequence, items.count == 1 else {
                _ = invalid("Fn::Not", "a list of one condition", at: argument)
                return nil
            }
            return conditionNode(items[0]).map { !$0 }
        default:
            guard let items = argument.sequence, (2...10).contains(items.count) else {
                _ = invalid(name, "a list of 2 to 10 conditions", at: argument)
                return nil
            }
            let values = items.map { conditionNode($0) }
            let isAnd = name == "Fn::And"
            if values.contains(!isAnd) { return !isAnd }
            return values.contains(nil) ? nil : isAnd
        }
    }

    private func conditionNode(_ node: Node) -> Bool? {
        guard depth < Template.maximumEvaluationDepth else {
            _ = evaluate(node)
            return nil
        }
        depth += 1
        defer { depth -= 1 }
        if let (name, argument) = IntrinsicName.call(in: node),
            ["Condition", "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not"].contains(name)
        {
            return conditionExpression(name, argument: argument, at: node)
        }
        switch template.literalText(of: evaluate(node)) {
        case "true": return true
        case "false": return false
        default: return nil
        }
    }

    func findInMap(_ argument: Node) -> TemplateValue {
        guard let items = argument.sequence, (3...4).contains(items.count), let mapName = text(of: items[0]) else {
            return invalid("Fn::FindInMap", "a list [map name, top-level key, second-level key]", at: argument)
        }
        guard let map = template.mappings[mapName]?.mapping else {
            report(.error, .undefinedName, "mapping '\(mapName)' is not defined under Mappings", at: items[0])
            return .unknown("mapping \(mapName) is not defined")
        }
        let fallback = items.count == 4 ? items[3]["DefaultValue"] : nil
        let topKey = template.literalText(of: evaluate(items[1]))
        let secondKey = template.literalText(of: evaluate(items[2]))
        let candidates = map.filter { topKey == nil || $0.key.scalar == topKey }.compactMap { pair in
            pair.value.mapping?.last { secondKey == nil || $0.key.scalar == secondKey }?.value
        }
        if topKey != nil, secondKey != nil, candidates.isEmpty {
            if let fallback { return evaluate(fallback) }
            report(
                .error, .mappingKeyNotFound,
                "mapping '\(mapName)' has no entry '\(topKey ?? "")' with key '\(secondKey ?? "")'", at: argument,
                fix: "add the entry under Mappings, or correct the keys")
            return .unknown("mapping \(mapName) has no such entry")
        }
        let values = candidates.map { evaluate($0) }
        if let first = values.first, values.allSatisfy({ $0 == first }) { return first }
        return .unknown("Fn::FindInMap in '\(mapName)' with a key known only at deploy time")
    }
}
