import PolicyModel

/// One condition (operator, key, values) read once: the operator parsed and every value
/// converted to its operator's type, so a decision only compares.
struct CompiledCondition: Sendable {
    /// The values of one condition, typed by operator family. A `nil` entry is a value that
    /// is invalid for the operator (`"abc"` for a number); a condition with one never matches.
    enum Values: Sendable {
        case texts([ConditionText])
        case numbers([Double?])
        case dates([Double?])
        case bools([Bool?])
        case binaries([[UInt8]?])
        case networks([IPNetwork?])
        case nulls([Bool?])
    }

    let operatorName: String
    /// `nil` when IAM defines no such operator; the condition then never matches.
    let conditionOperator: ConditionOperator?
    let key: ContextKeyName
    let values: Values
    /// Problems with the policy text that IAM would reject, reported when the statement is used.
    let problems: [String]

    init(_ condition: Condition, allowsVariables: Bool) {
        operatorName = condition.conditionOperator
        key = ContextKeyName(condition.key)
        let parsedOperator = ConditionOperator(condition.conditionOperator)
        conditionOperator = parsedOperator
        var problems: [String] = []
        guard let parsedOperator else {
            problems.append(
                "'\(condition.conditionOperator)' is not an IAM condition operator, so its condition never matches")
            values = .texts([])
            self.problems = problems
            return
        }
        let texts = condition.values.map(\.description)
        values = Self.typedValues(
            texts, patterns: condition.values, for: parsedOperator, allowsVariables: allowsVariables)
        if case .invalid(let text)? = Self.firstInvalid(values, texts: texts) {
            problems.append(
                "'\(text)' is not a valid value for \(condition.conditionOperator) on \(condition.key), "
                    + "so the condition never matches")
        }
        self.problems = problems
    }

    private static func typedValues(
        _ texts: [String], patterns: [PatternString], for conditionOperator: ConditionOperator, allowsVariables: Bool
    ) -> Values {
        switch conditionOperator.family {
        case .stringEquals, .stringEqualsIgnoreCase, .stringLike, .arnLike:
            let foldsCase = conditionOperator.family == .stringEqualsIgnoreCase
            return .texts(patterns.map { ConditionText($0, allowsVariables: allowsVariables, foldsCase: foldsCase) })
        case .numericEquals, .numericLessThan, .numericLessThanEquals, .numericGreaterThan, .numericGreaterThanEquals:
            return .numbers(texts.map(ConditionValueParsing.number))
        case .dateEquals, .dateLessThan, .dateLessThanEquals, .dateGreaterThan, .dateGreaterThanEquals:
            return .dates(texts.map(DateValue.seconds))
        case .bool: return .bools(texts.map(ConditionValueParsing.bool))
        case .binaryEquals: return .binaries(texts.map(ConditionValueParsing.base64))
        case .ipAddress: return .networks(texts.map(IPNetwork.init))
        case .null: return .nulls(texts.map(ConditionValueParsing.bool))
        }
    }

    private enum Validity { case invalid(String) }

    private static func firstInvalid(_ values: Values, texts: [String]) -> Validity? {
        let validity: [Bool]
        switch values {
        case .texts: return nil
        case .numbers(let items), .dates(let items): validity = items.map { $0 != nil }
        case .bools(let items), .nulls(let items): validity = items.map { $0 != nil }
        case .binaries(let items): validity = items.map { $0 != nil }
        case .networks(let items): validity = items.map { $0 != nil }
        }
        guard let index = validity.firstIndex(of: false) else { return nil }
        return .invalid(texts[index])
    }

    /// True when a value is invalid, so the condition never matches.
    var hasInvalidValue: Bool { !problems.isEmpty }
}

/// A string or ARN condition value, kept ready in the form its operator compares.
struct ConditionText: Sendable {
    let template: PolicyTemplate
    /// The value as bytes when it has no variable (lowercased for `IgnoreCase` operators).
    let fixedBytes: [UInt8]?
    /// The value as a wildcard pattern when it has no variable, for `StringLike`.
    let fixedPattern: CompiledWildcard?
    /// The value split into ARN parts when it has no variable, for the ARN operators.
    let fixedARN: ARNPattern?
    let foldsCase: Bool

    init(_ pattern: PatternString, allowsVariables: Bool, foldsCase: Bool) {
        template = PolicyTemplate(pattern, allowsVariables: allowsVariables)
        self.foldsCase = foldsCase
        if template.hasVariables {
            fixedBytes = nil
            fixedPattern = nil
            fixedARN = nil
        } else {
            let elements = template.fixedElements
            fixedBytes = ConditionText.literalBytes(elements, foldsCase: foldsCase)
            fixedPattern = CompiledWildcard(elements: elements, foldsCase: false)
            fixedARN = ARNPattern(elements: elements, foldsHead: false)
        }
    }

    /// Returns the bytes a comparison for equality uses, where wildcards are plain `*` and `?`.
    static func literalBytes(_ elements: [PatternElement], foldsCase: Bool) -> [UInt8] {
        let bytes = elements.map { element -> UInt8 in
            switch element {
            case .byte(let byte): byte
            case .anyByte: UInt8(ascii: "?")
            case .anyRun: UInt8(ascii: "*")
            }
        }
        return foldsCase ? Array(String(decoding: bytes, as: UTF8.self).lowercased().utf8) : bytes
    }
}
