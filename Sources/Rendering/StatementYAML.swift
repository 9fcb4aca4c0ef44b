import PolicyModel
import PolicySynthesis

extension YAMLWriter {
    /// Writes a pattern as a YAML value: plain text, or `!Sub` when it has placeholders.
    static func value(_ pattern: PatternString) -> String {
        if let literal = pattern.literalValue { return scalar(literal) }
        if pattern.placeholders.isEmpty { return scalar(pattern.description) }
        return "!Sub " + scalar(pattern.subString)
    }

    /// Writes statements as a YAML sequence, each with its reasons as comments when asked.
    mutating func statements(_ statements: [ExplainedStatement], indent: Int, explain: Bool) {
        for explained in statements {
            let statement = explained.statement
            if explain {
                for reason in explained.reasons {
                    comment("\(reason.file):\(reason.line): \(reason.why)", indent: indent)
                }
            }
            if let sid = statement.sid {
                line("- Sid: \(YAMLWriter.scalar(sid))", indent: indent)
                line("Effect: \(statement.effect.rawValue)", indent: indent + 2)
            } else {
                line("- Effect: \(statement.effect.rawValue)", indent: indent)
            }
            line("Action:", indent: indent + 2)
            for action in statement.actions { line("- \(YAMLWriter.scalar(action))", indent: indent + 4) }
            line("Resource:", indent: indent + 2)
            for resource in statement.resources { line("- \(YAMLWriter.value(resource))", indent: indent + 4) }
            if !statement.conditions.isEmpty { conditions(statement.conditions, indent: indent + 2) }
        }
    }

    private mutating func conditions(_ conditions: [Condition], indent: Int) {
        line("Condition:", indent: indent)
        let byOperator = Dictionary(grouping: conditions, by: \.conditionOperator)
        for conditionOperator in byOperator.keys.sorted() {
            line("\(conditionOperator):", indent: indent + 2)
            for condition in byOperator[conditionOperator]!.sorted() {
                line("\(YAMLWriter.scalar(condition.key)):", indent: indent + 4)
                for value in condition.values { line("- \(YAMLWriter.value(value))", indent: indent + 6) }
            }
        }
    }
}
