import PolicyModel

/// Condition evaluation as the IAM User Guide describes it ("IAM JSON policy elements:
/// Condition operators", "Multivalued context keys"). Values of one key OR together, and negated
/// operators are true when no value matches. A missing key makes a condition false, except for
/// negated operators, `...IfExists` and `Null`. The set qualifiers apply the operator to each
/// request value.
extension CompiledCondition {
    func evaluate(_ request: RequestView, trace: inout EvaluationTrace) -> Bool {
        guard let conditionOperator, !hasInvalidValue else {
            trace.noteUncertainties(problems)
            return false
        }
        let value = request.contextValue(key)
        let isAbsent = value?.values.isEmpty ?? true
        if isAbsent { trace.noteMissing(key) }
        if case .nulls(let expectations) = values {
            return expectations.contains { $0 == isAbsent }
        }
        guard let value, !isAbsent else {
            if conditionOperator.ifExists { return true }
            switch conditionOperator.qualifier {
            case .forAllValues: return true
            case .forAnyValue: return false
            case .none: return conditionOperator.isNegated
            }
        }
        return evaluate(present: value, conditionOperator, request, &trace)
    }

    private func evaluate(
        present value: ContextValue, _ conditionOperator: ConditionOperator, _ request: RequestView,
        _ trace: inout EvaluationTrace
    ) -> Bool {
        switch conditionOperator.qualifier {
        case .none:
            guard !value.isMultivalued else {
                trace.noteUncertainty(
                    "\(operatorName) on the multivalued key \(key.spelled) has no ForAllValues or ForAnyValue "
                        + "qualifier; the condition is read as not matching")
                return false
            }
            return matchesRequestValue(value.values[0], conditionOperator, request, &trace) ?? false
        case .forAllValues:
            for item in value.values {
                guard matchesRequestValue(item, conditionOperator, request, &trace) == true else { return false }
            }
            return true
        case .forAnyValue:
            var matched = false
            for item in value.values {
                guard let result = matchesRequestValue(item, conditionOperator, request, &trace) else { return false }
                matched = matched || result
            }
            return matched
        }
    }

    /// Applies the operator to one request value; `nil` when that value is invalid for the
    /// operator, which makes the whole condition fail.
    private func matchesRequestValue(
        _ text: String, _ conditionOperator: ConditionOperator, _ request: RequestView,
        _ trace: inout EvaluationTrace
    ) -> Bool? {
        guard let positive = anyPolicyValueMatches(text, conditionOperator.family, request, &trace) else {
            trace.noteUncertainty(
                "the request value '\(text)' of \(key.spelled) is not valid for \(operatorName), "
                    + "so the condition does not match")
            return nil
        }
        return conditionOperator.isNegated ? !positive : positive
    }

    private func anyPolicyValueMatches(
        _ text: String, _ family: ConditionOperator.Family, _ request: RequestView, _ trace: inout EvaluationTrace
    ) -> Bool? {
        switch values {
        case .texts(let items):
            return items.contains { $0.matches(text, family: family, request: request, trace: &trace) }
        case .numbers(let items):
            guard let number = ConditionValueParsing.number(text) else { return nil }
            return items.contains { Self.compare(number, $0!, family) }
        case .dates(let items):
            guard let date = DateValue.seconds(text) else { return nil }
            return items.contains { Self.compare(date, $0!, family) }
        case .bools(let items):
            guard let flag = ConditionValueParsing.bool(text) else { return nil }
            return items.contains { $0 == flag }
        case .binaries(let items):
            guard let bytes = ConditionValueParsing.base64(text) else { return nil }
            return items.contains { $0 == bytes }
        case .networks(let items):
            guard let address = IPNetwork(text) else { return nil }
            return items.contains { $0!.contains(address) }
        case .nulls:
            return nil
        }
    }

    /// Compares a request number or date with a policy one; equality for the `Equals` forms.
    private static func compare(_ requestValue: Double, _ policyValue: Double, _ family: ConditionOperator.Family)
        -> Bool
    {
        switch family {
        case .numericLessThan, .dateLessThan: requestValue < policyValue
        case .numericLessThanEquals, .dateLessThanEquals: requestValue <= policyValue
        case .numericGreaterThan, .dateGreaterThan: requestValue > policyValue
        case .numericGreaterThanEquals, .dateGreaterThanEquals: requestValue >= policyValue
        default: requestValue == policyValue
        }
    }
}
