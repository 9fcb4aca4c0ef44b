/// The parts of one AccessDenied message as AWS services word them:
/// `User: ARN is not authorized to perform: ACTION on resource: RESOURCE because no
/// identity-based policy allows the ACTION action`, with variants that end in `with an explicit
/// deny in a ... policy`, leave out `on resource`, or come wrapped by an SDK: boto3 writes
/// `An error occurred (CODE) when calling the OPERATION operation: MESSAGE` and the JavaScript SDK
/// writes `CODE: MESSAGE`.
struct AccessDeniedMessage: Hashable {
    var principal: String?
    var action: String?
    var resource: String?
    /// The error code: boto3's `(CODE)`, or a known code named in the line.
    var errorCode: String?
    /// The operation boto3 names, used when the message itself names no action.
    var operation: String?
    /// Why access was denied, as the message says (`no identity-based policy allows the ...`).
    var reason: String?
    var isEncoded = false

    private static let authorizationPhrase = " is not authorized to perform: "
    private static let knownCodes = [
        "AccessDeniedException", "KMSAccessDeniedException", "AuthorizationErrorException", "AuthorizationError",
        "UnauthorizedOperation", "AccessDenied",
    ]

    /// Reads the message in a log line, or returns `nil` when the line holds none.
    init?(line: String) {
        if let range = line.firstRange(of: "An error occurred (") {
            let rest = line[range.upperBound...]
            if let close = rest.firstIndex(of: ")") {
                errorCode = String(rest[..<close])
                if let call = rest.firstRange(of: " when calling the "), let end = rest.firstRange(of: " operation") {
                    if call.upperBound <= end.lowerBound { operation = String(rest[call.upperBound..<end.lowerBound]) }
                }
            }
        }
        errorCode = errorCode ?? Self.knownCodes.first { line.contains($0) }
        if let anchor = line.firstRange(of: Self.authorizationPhrase) {
            readAuthorizationMessage(line, anchor: anchor)
        } else if line.contains("Encoded authorization failure message") {
            isEncoded = true
        } else {
            guard let code = errorCode, operation != nil, Self.isDenialCode(code) else { return nil }
        }
    }

    static func isDenialCode(_ code: String) -> Bool {
        code.contains("AccessDenied") || code.contains("Unauthorized") || code.contains("AuthorizationError")
            || code.contains("Forbidden")
    }

    private mutating func readAuthorizationMessage(_ line: String, anchor: Range<String.Index>) {
        let before = line[..<anchor.lowerBound]
        principal = before.split(whereSeparator: \.isWhitespace).last.map { Self.trimmed($0) }
        if principal?.isEmpty == true || principal == "User:" { principal = nil }
        var rest = line[anchor.upperBound...]
        let actionToken = rest.prefix { !$0.isWhitespace }
        action = Self.trimmed(actionToken)
        rest = rest[actionToken.endIndex...]
        if let onResource = rest.firstRange(of: "on resource: ") {
            var resourceText = rest[onResource.upperBound...].drop { $0 == "\"" || $0 == "\\" }
            let token = resourceText.prefix { !$0.isWhitespace && $0 != "\"" && $0 != "\\" }
            resource = Self.trimmed(token)
            resourceText = resourceText[token.endIndex...]
            rest = resourceText
        }
        for marker in ["because ", "with an explicit deny", "due to "] {
            if let found = rest.firstRange(of: marker) {
                let text = marker == "because " ? rest[found.upperBound...] : rest[found.lowerBound...]
                reason = String(text.prefix { $0 != "\"" && $0 != "\\" && $0 != "\n" })
                    .trimmingSuffix { $0 == "." || $0 == "," || $0.isWhitespace }
                break
            }
        }
    }

    /// The token without quotes and without the punctuation a sentence puts after it.
    private static func trimmed(_ token: Substring) -> String {
        var text = token.drop { $0 == "\"" || $0 == "'" || $0 == "\\" }
        while let last = text.last, [".", ",", ";", "\"", "'", "\\", ")"].contains(last) { text = text.dropLast() }
        return String(text)
    }
}

extension String {
    fileprivate func trimmingSuffix(while isTrimmed: (Character) -> Bool) -> String {
        var text = Substring(self)
        while let last = text.last, isTrimmed(last) { text = text.dropLast() }
        return String(text)
    }
}
