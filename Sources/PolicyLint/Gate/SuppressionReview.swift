import Diagnostics

extension Suppressions {
    /// Returns findings for suppressions that cannot work: MR901 for a rule id no rule has (a
    /// typo would otherwise hide nothing, silently), and MR902 notes for suppressions that
    /// cover no finding. Only suppressions whose rules are all in `rulesThatRan` are checked
    /// for use, because a rule that did not run cannot have produced the finding.
    package static func review(
        _ suppressions: [Suppression], findings: [Finding], rulesThatRan: Set<String>?
    ) -> [Finding] {
        let known = Set(GateRules.allDescriptors.map(\.id))
        var result: [Finding] = []
        for suppression in suppressions {
            let unknown = suppression.ruleIds.filter { !known.contains($0) }
            for id in unknown {
                var message = "no rule has the id '\(id.prefix(20))', so this suppression cannot match a finding of it"
                if let close = NameSuggestion.closest(to: id, in: known.sorted()) {
                    message += " (did you mean '\(close)'?)"
                }
                let rule = GateRules.suppressionWithoutReason
                result.append(
                    Finding(
                        ruleId: rule.id, severity: rule.severity, message: message + "; correct or remove the id",
                        location: suppression.location))
            }
            guard unknown.isEmpty, let rulesThatRan, suppression.ruleIds.allSatisfy(rulesThatRan.contains),
                !findings.contains(where: suppression.applies)
            else { continue }
            let rule = GateRules.unusedSuppression
            let ids = suppression.ruleIds.joined(separator: ", ")
            result.append(
                Finding(
                    ruleId: rule.id, severity: rule.severity,
                    message:
                        "the suppression of \(ids) covers no finding; remove it, or put it on the line of the finding or the line before",
                    location: suppression.location))
        }
        return result
    }
}
