import Diagnostics
import IAMCatalog
import PolicyModel

/// Turns one log line with an AccessDenied message into a recorded call that failed. Lines with
/// no such message are ignored and not counted.
struct AccessDeniedLine {
    let catalog: Catalog
    let selector: RoleSelector
    let operations: OperationLookup

    func handle(_ bytes: [UInt8], origin: SourceLocation, into output: inout FileOutput) {
        let line = String(decoding: bytes, as: UTF8.self)
        guard let message = AccessDeniedMessage(line: line) else { return }
        output.summary.recordsSeen += 1
        switch call(from: message, line: line, origin: origin) {
        case .success(let call):
            guard selector.keepsEverything || selector.matches(principal: call.request.principal) else {
                output.summary.recordsSkippedAsOtherPrincipal += 1
                return
            }
            output.deliver(call)
        case .failure(let problem):
            output.summary.recordsInvalid += 1
            output.report(.error, .invalidRecord, "AccessDenied message skipped: \(problem.message)", at: origin)
        }
    }

    private func call(
        from message: AccessDeniedMessage, line: String, origin: SourceLocation
    ) -> Result<RecordedCall, RequestLine.Problem> {
        if message.isEncoded && message.action == nil {
            return .failure(
                .init(
                    message: "the message is encoded; decode it with aws sts decode-authorization-message "
                        + "and give the decoded text instead"))
        }
        var notes: [String] = []
        guard let action = message.action ?? actionFromOperation(message, notes: &notes) else {
            let operation = message.operation ?? "unknown"
            return .failure(
                .init(message: "the message names no action, and no single service has the operation \(operation)"))
        }
        guard let name = ActionName(action), !name.name.isEmpty else {
            return .failure(.init(message: "'\(action)' is not an action of the form service:Action"))
        }
        guard let principal = message.principal ?? selector.roleARN else {
            return .failure(.init(message: "the message names no caller; select the role by its ARN to read it"))
        }
        if message.principal == nil { notes.append("the message names no caller, so the selected role is used") }
        let resource = message.resource ?? "*"
        if message.resource == nil {
            notes.append("resource rebuilt as * because the message names no resource")
        } else if !resource.hasPrefix("arn:") && resource != "*" {
            notes.append("the message names the resource '\(resource)' without its ARN")
        }
        if let reason = message.reason { notes.append("the log says: \(reason)") }
        let request = AuthorizationRequest(principal: principal, action: action, resource: resource, origin: origin)
        return .success(
            RecordedCall(
                request: request, eventTime: Self.leadingTimestamp(line),
                recordedError: message.errorCode ?? "AccessDenied", notes: notes))
    }

    /// The action of the operation boto3 names, when one service alone has an operation of that
    /// name, or S3 when the message is S3's bare `Access Denied`.
    private func actionFromOperation(_ message: AccessDeniedMessage, notes: inout [String]) -> String? {
        guard let operationName = message.operation else { return nil }
        let clients = operations.clients(havingOperation: operationName)
        let client = clients.count == 1 ? clients[0] : (clients.contains("s3") ? "s3" : nil)
        guard let client, let operation = catalog.operation(client: client, name: operationName) else { return nil }
        guard let first = operation.actions.first(where: { $0.trigger == .always }) else { return nil }
        notes.append("the action is the one \(client) \(operationName) always needs; the message does not name it")
        return first.action.description
    }

    /// The ISO 8601 time a log line starts with, as Lambda's runtimes write it.
    private static func leadingTimestamp(_ line: String) -> String? {
        let token = line.prefix { !$0.isWhitespace }
        return EpochTime.seconds(fromISO8601: String(token)) != nil ? String(token) : nil
    }
}
