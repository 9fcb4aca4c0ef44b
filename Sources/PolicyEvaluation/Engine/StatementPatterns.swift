import PolicyModel

/// One entry of `Action` or `NotAction`, read once.
enum ActionPattern: Sendable {
    case any
    /// A pattern whose service prefix has no wildcard: the lowercased prefix, then a pattern
    /// for the action name.
    case inService(String, CompiledWildcard)
    /// A pattern with a wildcard in the service prefix, matched against the whole action.
    case whole(CompiledWildcard)
    case never

    /// Reads an action pattern; the second value names a problem IAM would reject. Actions
    /// compare case-insensitively. Text with a comma or surrounding white space is not an
    /// action, so it matches nothing (and in `NotAction` excludes nothing).
    static func read(_ text: String) -> (ActionPattern, String?) {
        let bytes = Array(text.utf8)
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        if bytes.contains(UInt8(ascii: ",")) || bytes.first.map(isSpace) == true || bytes.last.map(isSpace) == true
            || bytes.isEmpty
        {
            return (
                .never,
                "'\(text)' is not an action name (it has a comma or surrounding white space); it matches nothing"
            )
        }
        let elements = PatternElement.parse(bytes)
        if elements.allSatisfy({ $0 == .anyRun }) { return (.any, nil) }
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else {
            return (.whole(CompiledWildcard(elements: elements, foldsCase: true)), "'\(text)' has no service prefix")
        }
        let service = bytes[..<colon]
        if service.contains(UInt8(ascii: "*")) || service.contains(UInt8(ascii: "?")) {
            return (.whole(CompiledWildcard(elements: elements, foldsCase: true)), nil)
        }
        let name = CompiledWildcard(elements: Array(elements[(colon + 1)...]), foldsCase: true)
        return (.inService(String(decoding: service.map(\.foldedASCII), as: UTF8.self), name), nil)
    }

    func matches(_ request: RequestView) -> Bool {
        switch self {
        case .any: true
        case .inService(let service, let name):
            service == request.service && request.withActionName { name.matches(bytes: $0) }
        case .whole(let pattern): request.action.withUnsafeBufferPointer { pattern.matches(bytes: $0) }
        case .never: false
        }
    }
}

/// One entry of `Resource` or `NotResource`, read once. ARNs match part by part: the first five
/// parts case-insensitively, the resource part case-sensitively, and a `*` in the first five
/// never spans a colon.
enum ResourcePattern: Sendable {
    case any
    case arn(ARNPattern)
    case arnWithVariables(PolicyTemplate)
    /// A pattern that is not an ARN, matched against the whole resource text.
    case whole(CompiledWildcard)
    case never

    static func read(_ pattern: PatternString, allowsVariables: Bool) -> (ResourcePattern, [String]) {
        let template = PolicyTemplate(pattern, allowsVariables: allowsVariables)
        var notes = template.widenedPlaceholders.map {
            "the placeholder ${\($0)} in a resource was read as *"
        }
        guard template.hasVariables else {
            let elements = template.fixedElements
            if elements.allSatisfy({ $0 == .anyRun }) && !elements.isEmpty { return (.any, notes) }
            if let arn = ARNPattern(elements: elements, foldsHead: true) { return (.arn(arn), notes) }
            if pattern.description.hasPrefix("arn:") {
                // A pattern that starts like an ARN but lacks parts would otherwise let a `*`
                // span the colons between parts.
                return (.never, notes)
            }
            notes.append("the resource '\(pattern.description)' is not an ARN; it is matched as a whole")
            return (.whole(CompiledWildcard(elements: elements, foldsCase: false)), notes)
        }
        guard template.colonsBeforeFirstVariable >= 5 else {
            notes.append(
                "the resource '\(pattern.description)' has a policy variable before the resource part of the ARN, "
                    + "which IAM does not allow; it matches nothing")
            return (.never, notes)
        }
        return (.arnWithVariables(template), notes)
    }

    func matches(_ request: RequestView, trace: inout EvaluationTrace) -> Bool {
        switch self {
        case .any:
            return true
        case .arn(let arn):
            guard let bounds = request.resourceARN else { return false }
            return request.resource.withUnsafeBufferPointer { arn.matches($0, bounds: bounds) }
        case .arnWithVariables(let template):
            guard let bounds = request.resourceARN, let elements = template.resolved(in: request, trace: &trace),
                let arn = ARNPattern(elements: elements, foldsHead: true)
            else { return false }
            return request.resource.withUnsafeBufferPointer { arn.matches($0, bounds: bounds) }
        case .whole(let pattern):
            return request.resource.withUnsafeBufferPointer { pattern.matches(bytes: $0) }
        case .never:
            return false
        }
    }

    var isARN: Bool {
        switch self {
        case .arn, .arnWithVariables: true
        default: false
        }
    }
}

extension PolicyTemplate {
    /// The number of colons before the first variable.
    var colonsBeforeFirstVariable: Int {
        var count = 0
        for piece in pieces {
            guard case .elements(let elements) = piece else { return count }
            count += elements.count(where: { $0 == .byte(UInt8(ascii: ":")) })
        }
        return count
    }
}
