import SourceAnalysis

/// Calls to the AWS Parameters and Secrets Lambda extension, which the code makes over HTTP
/// on `localhost:2773`: a URL (or path) argument naming the extension's SSM or Secrets
/// Manager route, with the parameter or secret in its query string.
struct ExtensionRecognizer {
    private static let routes = ExtensionRoute.all

    let evaluator: Evaluator

    /// Outside modules whose functions never send HTTP requests; calls into them skip the
    /// argument evaluation the route check needs.
    /// Top-level modules whose functions send no requests.
    private static let modulesWithoutHTTP: Set<String> = [
        "builtins", "os", "json", "logging", "boto3", "botocore", "datetime", "time", "uuid", "decimal",
        "re", "math", "random", "hashlib", "base64", "typing", "dataclasses", "collections", "itertools",
        "functools",
    ]

    /// False for callees that cannot reach the extension: SDK objects, methods of strings and
    /// other data, and functions of modules that send no requests. Unknown callees may.
    static func mayMakeHTTPRequest(_ callee: Value) -> Bool {
        switch callee {
        case .client, .serviceResource, .resourceObject, .collection, .collectionResult, .paginator, .waiter, .session,
            .resourceMeta, .module, .none:
            return false
        case .boundMethod(let receiver, _):
            switch receiver {
            case .data, .client, .serviceResource, .resourceObject, .collection, .collectionResult, .paginator,
                .waiter, .session, .none:
                return false
            default:
                return true
            }
        case .external(let path):
            guard let dot = path.utf8.firstIndex(of: UInt8(ascii: ".")) else { return true }
            return !modulesWithoutHTTP.contains(String(decoding: path.utf8[..<dot], as: UTF8.self))
        default:
            return true
        }
    }

    func calls(at site: CallSite) -> [SDKCall] {
        var values: [SymbolicValue] = []
        for argument in site.arguments {
            switch argument.kind {
            case .positional, .keyword:
                // A URL that differs between call sites of a helper gives one request each.
                values += evaluator.evaluate(argument.value, in: site.scope).alternatives.map(\.symbolic)
            default: continue
            }
        }
        let queryParameters = site.keyword("params").map { evaluator.evaluate($0, in: site.scope).symbolic }
        var calls: [SDKCall] = []
        for value in values {
            let parts = Self.parts(of: value)
            for route in Self.routes {
                guard let pathIndex = parts.firstIndex(where: { Self.literal($0, contains: route.path) }) else {
                    continue
                }
                var name = Self.queryValue(route.queryName, in: Array(parts[pathIndex...]))
                if name == nil, case .dictionary(let entries)? = queryParameters { name = entries[route.queryName] }
                let argument = name ?? .unknown(reason: "the \(route.queryName) query parameter is not in the URL")
                let call = SDKCall(
                    client: route.client, operation: route.operation, arguments: [route.parameter: argument],
                    form: .parametersAndSecretsExtension, location: site.location)
                if !calls.contains(call) { calls.append(call) }
                break
            }
        }
        return calls
    }

    /// Returns true when the value is literal text containing the route path. Routes are
    /// ASCII, so a byte search rejects most literals before characters are compared.
    private static func literal(_ value: SymbolicValue, contains path: String) -> Bool {
        guard let text = value.literalValue, ByteSearch.contains(text, path) else { return false }
        return text.contains(path)
    }

    private static func parts(of value: SymbolicValue) -> [SymbolicValue] {
        if case .concatenation(let parts) = value { return parts }
        return [value]
    }

    /// Extracts the value of `name=` from a query string of literal and unknown parts. The
    /// value runs to the next `&`, is percent-decoded, and keeps the unknown parts it spans.
    private static func queryValue(_ name: String, in parts: [SymbolicValue]) -> SymbolicValue? {
        let marker = name + "="
        var collected: [SymbolicValue] = []
        var isCollecting = false
        for part in parts {
            guard case .literal(var text) = part else {
                if isCollecting { collected.append(part) }
                continue
            }
            if !isCollecting {
                guard let range = text.range(of: marker) else { continue }
                isCollecting = true
                text = String(text[range.upperBound...])
            }
            if let end = text.firstIndex(of: "&") {
                collected.append(.literal(percentDecoded(String(text[..<end]))))
                return Concatenation.make(collected)
            }
            collected.append(.literal(percentDecoded(text)))
        }
        return isCollecting ? Concatenation.make(collected) : nil
    }

    private static func percentDecoded(_ text: String) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
                let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension String {
    func range(of target: String) -> Range<String.Index>? {
        guard !target.isEmpty else { return nil }
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(target) { return index..<self.index(index, offsetBy: target.count) }
            index = self.index(after: index)
        }
        return nil
    }
}

enum ByteSearch {
    /// True when the UTF-8 bytes of `pattern` occur in those of `text`.
    static func contains(_ text: String, _ pattern: String) -> Bool {
        var text = text
        var pattern = pattern
        return text.withUTF8 { haystack in
            pattern.withUTF8 { needle in
                guard let first = needle.first else { return true }
                guard needle.count <= haystack.count else { return false }
                var start = 0
                while start <= haystack.count - needle.count {
                    if haystack[start] == first && matches(haystack, needle, at: start) { return true }
                    start += 1
                }
                return false
            }
        }
    }

    private typealias Bytes = UnsafeBufferPointer<UInt8>

    private static func matches(_ haystack: Bytes, _ needle: Bytes, at start: Int) -> Bool {
        for offset in 1..<needle.count where haystack[start + offset] != needle[offset] { return false }
        return true
    }
}
