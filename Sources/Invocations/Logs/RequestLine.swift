import Diagnostics
import Documents
import IAMCatalog
import PolicyModel

/// Reads one JSON Lines request: `{"principal", "action", "resource", "resourceAccount",
/// "context"}`, with optional `eventTime` and `recordedError`. `principal` may be left out when
/// the selector names a role ARN. Context values are strings, or arrays of strings for
/// multivalued keys; numbers and Booleans are taken as their text.
struct RequestLine {
    private static let knownMembers: Set<String> = [
        "principal", "action", "resource", "resourceAccount", "context", "eventTime", "recordedError",
    ]

    let catalog: Catalog
    let selector: RoleSelector

    func handle(_ line: [UInt8], origin: SourceLocation, into output: inout FileOutput) {
        output.summary.recordsSeen += 1
        switch call(from: line, origin: origin) {
        case .success(let call):
            guard selector.keepsEverything || selector.matches(principal: call.request.principal) else {
                output.summary.recordsSkippedAsOtherPrincipal += 1
                return
            }
            output.deliver(call)
        case .failure(let problem):
            output.summary.recordsInvalid += 1
            output.report(.error, .invalidRecord, "invalid request line skipped: \(problem.message)", at: origin)
        }
    }

    struct Problem: Error {
        var message: String
    }

    private func call(from line: [UInt8], origin: SourceLocation) -> Result<RecordedCall, Problem> {
        let value: JSONValue
        do throws(DocumentError) {
            value = try JSONParser.parse(bytes: line, displayPath: origin.description)
        } catch {
            return .failure(Problem(message: error.message))
        }
        guard let object = value.object else {
            return .failure(Problem(message: "the line is not a JSON object; write one request object a line"))
        }
        if let unknown = object.keys.first(where: { !Self.knownMembers.contains($0) }) {
            let known = Self.knownMembers.sorted().joined(separator: ", ")
            return .failure(Problem(message: "unknown member '\(unknown)'; the members are \(known)"))
        }
        guard let action = object["action"]?.string, let name = ActionName(action), !name.name.isEmpty else {
            return .failure(Problem(message: "'action' must be a string of the form service:Action"))
        }
        guard let resource = object["resource"]?.string, !resource.isEmpty else {
            return .failure(Problem(message: "'resource' must be an ARN or *"))
        }
        guard let principal = object["principal"]?.string ?? selector.roleARN else {
            return .failure(Problem(message: "'principal' is missing; give the caller's ARN or select a role by ARN"))
        }
        let context: [String: ContextValue]
        switch contextValues(object["context"]) {
        case .success(let values): context = values
        case .failure(let problem): return .failure(problem)
        }
        var notes: [String] = []
        if catalog.action(name) == nil {
            notes.append("the catalog does not list the action \(action)")
        }
        let request = AuthorizationRequest(
            principal: principal, action: action, resource: resource,
            resourceAccount: object["resourceAccount"]?.string, context: context, origin: origin)
        return .success(
            RecordedCall(
                request: request, eventTime: object["eventTime"]?.string,
                recordedError: object["recordedError"]?.string, notes: notes))
    }

    private func contextValues(_ value: JSONValue?) -> Result<[String: ContextValue], Problem> {
        guard let value, !value.isNull else { return .success([:]) }
        guard let object = value.object else {
            return .failure(Problem(message: "'context' must be an object of condition keys"))
        }
        var context: [String: ContextValue] = [:]
        for member in object {
            if let items = member.value.array {
                let texts = items.compactMap(Self.text(of:))
                guard texts.count == items.count else {
                    return .failure(
                        Problem(message: "context key '\(member.key)' has a list with a value that is not text"))
                }
                context[member.key] = ContextValue(multivalued: texts)
            } else if let text = Self.text(of: member.value) {
                context[member.key] = ContextValue(text)
            } else {
                return .failure(
                    Problem(message: "context key '\(member.key)' must be a string or a list of strings"))
            }
        }
        return .success(context)
    }

    private static func text(of value: JSONValue) -> String? {
        switch value {
        case .string(let text): text
        case .integer(let number): String(number)
        case .number(let number): String(number)
        case .bool(let flag): String(flag)
        default: nil
        }
    }
}
