/// The findings of one evaluation besides the decision: the context keys the request lacked
/// and the open cases it met. Both lists keep the first occurrence of each entry, in order.
struct EvaluationTrace {
    private(set) var missingContextKeys: [String] = []
    private(set) var uncertainties: [String] = []

    mutating func noteMissing(_ key: ContextKeyName) {
        let known = missingContextKeys.contains { $0.lowercased() == key.lowercased }
        if !known { missingContextKeys.append(key.spelled) }
    }

    mutating func noteUncertainty(_ text: String) {
        if !uncertainties.contains(text) { uncertainties.append(text) }
    }

    mutating func noteUncertainties(_ texts: [String]) {
        for text in texts { noteUncertainty(text) }
    }
}
