import Documents

/// The `requestParameters` of a CloudTrail event, read with the SDK's parameter names.
/// CloudTrail mostly writes the API's names in lower camel case (`tableName` for `TableName`) and
/// a few in other forms (`bucketName` for S3's `Bucket`), so a lookup tries each form.
struct RequestParameters {
    /// SDK parameter names that CloudTrail records under another name.
    private static let recordedNames: [String: [String]] = [
        "Bucket": ["bucketName"],
        "CopySource": ["x-amz-copy-source"],
    ]

    let value: JSONValue?

    /// The value at `path`, which is a parameter name or a path such as `Delete.Objects[].VersionId`
    /// (`[]` means any element of a list). Returns the first value found that is not `null`.
    func value(at path: String) -> JSONValue? {
        var current: [JSONValue] = value.map { [$0] } ?? []
        for component in path.split(separator: ".") {
            let isList = component.hasSuffix("[]")
            let name = isList ? String(component.dropLast(2)) : String(component)
            current = current.compactMap { Self.member(name, of: $0) }
            if isList { current = current.flatMap { $0.array ?? [] } }
        }
        return current.first { !$0.isNull }
    }

    /// The parameter's text: a string, or a number or Boolean written as text.
    func text(at path: String) -> String? {
        switch value(at: path) {
        case .string(let text): text
        case .integer(let number): String(number)
        case .number(let number): String(number)
        case .bool(let flag): String(flag)
        default: nil
        }
    }

    func isPresent(_ path: String) -> Bool { value(at: path) != nil }

    private static func member(_ name: String, of value: JSONValue) -> JSONValue? {
        guard let object = value.object else { return nil }
        if let exact = object[name] { return exact }
        let camelCase = name.prefix(1).lowercased() + name.dropFirst()
        if let found = object[camelCase] { return found }
        for recorded in recordedNames[name] ?? [] {
            if let found = object[recorded] { return found }
        }
        let lowered = name.lowercased()
        return object.first { $0.key.lowercased() == lowered }?.value
    }
}

/// Fills `${Name}` variables in an ARN format or a request template.
enum TemplateFiller {
    /// Returns `template` with each `${Name}` replaced by `value(Name)`, or the names that had no
    /// value.
    static func fill(_ template: String, _ value: (String) -> String?) -> Result<String, MissingVariables> {
        var output = ""
        var missing: [String] = []
        var rest = Substring(template)
        while let start = rest.firstRange(of: "${") {
            output += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else {
                output += rest[start.lowerBound...]
                rest = ""
                break
            }
            let name = String(rest[start.upperBound..<end])
            if let filled = value(name) {
                output += filled
            } else {
                missing.append(name)
            }
            rest = rest[rest.index(after: end)...]
        }
        output += rest
        return missing.isEmpty ? .success(output) : .failure(MissingVariables(names: missing))
    }

    struct MissingVariables: Error {
        var names: [String]
    }

    /// The names of the `${Name}` variables in `template`, in order.
    static func variables(in template: String) -> [String] {
        var names: [String] = []
        _ = fill(template) { name in
            names.append(name)
            return ""
        }
        return names
    }
}
