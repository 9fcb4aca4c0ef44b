extension ConditionText {
    /// Compares one request value with this policy value under a string or ARN operator. A
    /// value whose policy variable cannot be filled in matches nothing.
    func matches(
        _ text: String, family: ConditionOperator.Family, request: RequestView, trace: inout EvaluationTrace
    ) -> Bool {
        switch family {
        case .stringEquals:
            guard let bytes = fixedBytes ?? resolvedBytes(request, &trace) else { return false }
            return text.utf8.elementsEqual(bytes)
        case .stringEqualsIgnoreCase:
            guard let bytes = fixedBytes ?? resolvedBytes(request, &trace) else { return false }
            return text.lowercased().utf8.elementsEqual(bytes)
        case .stringLike:
            guard let pattern = fixedPattern ?? resolvedPattern(request, &trace) else { return false }
            return pattern.matches(text)
        case .arnLike:
            guard let pattern = fixedARN ?? resolvedARN(request, &trace) else {
                let value = template.hasVariables ? "a value with a policy variable" : "a value"
                trace.noteUncertainty("\(value) of an ARN operator has fewer than six ARN parts and matches nothing")
                return false
            }
            return pattern.matches(text)
        default:
            return false
        }
    }

    private func resolvedBytes(_ request: RequestView, _ trace: inout EvaluationTrace) -> [UInt8]? {
        template.resolved(in: request, trace: &trace).map { Self.literalBytes($0, foldsCase: foldsCase) }
    }

    private func resolvedPattern(_ request: RequestView, _ trace: inout EvaluationTrace) -> CompiledWildcard? {
        template.resolved(in: request, trace: &trace).map { CompiledWildcard(elements: $0, foldsCase: false) }
    }

    private func resolvedARN(_ request: RequestView, _ trace: inout EvaluationTrace) -> ARNPattern? {
        template.resolved(in: request, trace: &trace).flatMap { ARNPattern(elements: $0, foldsHead: false) }
    }
}

extension PolicyTemplate {
    /// Fills in the variables from the request context; `nil` when one has no value and no
    /// default. A multivalued key cannot be a variable, so it counts as having no value.
    func resolved(in request: RequestView, trace: inout EvaluationTrace) -> [PatternElement]? {
        var elements: [PatternElement] = []
        for piece in pieces {
            switch piece {
            case .elements(let fixed):
                elements += fixed
            case .variable(let key, let defaultValue):
                guard let value = variableValue(key, defaultValue, request, &trace) else { return nil }
                elements += value.utf8.map { PatternElement.byte($0) }
            }
        }
        return elements
    }

    private func variableValue(
        _ key: ContextKeyName, _ defaultValue: String?, _ request: RequestView, _ trace: inout EvaluationTrace
    ) -> String? {
        guard let value = request.contextValue(key) else {
            trace.noteMissing(key)
            return defaultValue
        }
        guard !value.isMultivalued, let first = value.values.first else {
            trace.noteUncertainty(
                "the multivalued key \(key.spelled) is used as a policy variable, which IAM does not support; "
                    + "it is read as having no value")
            return defaultValue
        }
        return first
    }
}
