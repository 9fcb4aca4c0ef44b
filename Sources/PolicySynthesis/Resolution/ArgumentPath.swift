import SourceAnalysis

/// A path into a call's arguments, as the catalog's triggers write it: `VersionId`,
/// `Delete.Objects[].VersionId`, `TransactItems[].Put`. `[]` means any element of a list.
struct ArgumentPath {
    enum Presence: Equatable {
        case present, absent
        /// Part of the path runs through a value the analyzer could not see.
        case unknown
    }

    private var steps: [(name: String, eachElement: Bool)]

    init(_ path: String) {
        steps = path.split(separator: ".").map { step in
            step.hasSuffix("[]") ? (String(step.dropLast(2)), true) : (String(step), false)
        }
    }

    /// The values at the end of the path, across every list element it passes through.
    func matchedValues(in arguments: [String: SymbolicValue]) -> [SymbolicValue] {
        var current: [SymbolicValue] = []
        var sawUnknown = false
        for (index, step) in steps.enumerated() {
            var next: [SymbolicValue] = []
            if index == 0 {
                if let value = arguments[step.name] { next = [value] }
            } else {
                for case .dictionary(let entries) in current {
                    if let member = entries[step.name] { next.append(member) }
                }
            }
            current = step.eachElement ? elements(of: next, sawUnknown: &sawUnknown) : next
        }
        return current
    }

    func presence(in arguments: [String: SymbolicValue]) -> Presence {
        var current: [SymbolicValue] = []
        var sawUnknown = false
        for (index, step) in steps.enumerated() {
            var next: [SymbolicValue] = []
            if index == 0 {
                if let value = arguments[step.name] { next = [value] }
            } else {
                for value in current {
                    switch value {
                    case .dictionary(let entries): if let member = entries[step.name] { next.append(member) }
                    case .unknown: sawUnknown = true
                    default: break
                    }
                }
            }
            current = step.eachElement ? elements(of: next, sawUnknown: &sawUnknown) : next
        }
        if !current.isEmpty { return .present }
        return sawUnknown ? .unknown : .absent
    }

    /// Returns the values at the end of the path. An unknown value stands for any value.
    func values(in arguments: [String: SymbolicValue]) -> [SymbolicValue] {
        guard steps.count == 1, let value = arguments[steps[0].name] else {
            return presence(in: arguments) == .absent ? [] : [.unknown(reason: "nested value")]
        }
        return [value]
    }

    private func elements(of values: [SymbolicValue], sawUnknown: inout Bool) -> [SymbolicValue] {
        var result: [SymbolicValue] = []
        for value in values {
            switch value {
            case .list(let items): result += items
            case .unknown: sawUnknown = true
            default: break
            }
        }
        return result
    }
}
