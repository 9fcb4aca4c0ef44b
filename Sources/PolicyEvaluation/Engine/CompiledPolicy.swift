/// A policy with its statements read once and indexed by the service prefix of their actions,
/// so a request only visits statements that can name its action.
final class CompiledPolicy: Sendable {
    let statements: [CompiledStatement]
    /// Statement indices by the lowercased service prefix they name.
    private let statementsByService: [String: [Int]]
    /// Statements that can match any service: `NotAction`, `*`, or a wildcard in the prefix.
    private let statementsForAnyService: [Int]
    /// The resource a resource policy is attached to; `nil` for every resource.
    private let attachedTo: CompiledWildcard?

    init(_ policy: NamedPolicy) {
        attachedTo = policy.attachedTo.map {
            CompiledWildcard(elements: PatternElement.parse($0.utf8), foldsCase: false)
        }
        statements = policy.document.statements.enumerated().map { index, statement in
            CompiledStatement(statement, index: index, policy: policy)
        }
        var byService: [String: [Int]] = [:]
        var anyService: [Int] = []
        for (index, statement) in statements.enumerated() {
            var services: Set<String> = []
            var needsAll = statement.isNotAction
            for action in statement.actions {
                switch action {
                case .inService(let service, _): services.insert(service)
                case .any, .whole: needsAll = true
                case .never: break
                }
            }
            if needsAll {
                anyService.append(index)
            } else {
                for service in services { byService[service, default: []].append(index) }
            }
        }
        statementsByService = byService
        statementsForAnyService = anyService
    }

    /// True when the policy applies to the request's resource.
    func applies(to request: RequestView) -> Bool {
        guard let attachedTo else { return true }
        return request.resource.withUnsafeBufferPointer { attachedTo.matches(bytes: $0) }
    }

    /// Returns the statements that may match an action of `service`, in policy order.
    func candidates(for service: String) -> CandidateSequence {
        CandidateSequence(first: statementsByService[service] ?? [], second: statementsForAnyService)
    }
}

/// Two ascending index lists merged into one ascending sequence without allocating.
struct CandidateSequence: Sequence, IteratorProtocol {
    let first: [Int]
    let second: [Int]
    private var firstPosition = 0
    private var secondPosition = 0

    init(first: [Int], second: [Int]) {
        self.first = first
        self.second = second
    }

    mutating func next() -> Int? {
        let hasFirst = firstPosition < first.count
        let hasSecond = secondPosition < second.count
        if hasFirst && (!hasSecond || first[firstPosition] < second[secondPosition]) {
            firstPosition += 1
            return first[firstPosition - 1]
        }
        guard hasSecond else { return nil }
        secondPosition += 1
        return second[secondPosition - 1]
    }
}
