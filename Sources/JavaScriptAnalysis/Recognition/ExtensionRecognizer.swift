import SourceAnalysis

/// Calls to the AWS Parameters and Secrets Lambda extension, which the code makes over HTTP
/// on `localhost:2773`. A URL, or an options object with a `path`, names the extension's SSM
/// or Secrets Manager route and carries the parameter or secret in its query string.
enum ExtensionRecognizer {
    private static let routes = ExtensionRoute.all

    static func calls(_ site: CallSite) -> [SDKCall] {
        var candidates: [SymbolicValue] = []
        for argument in site.arguments {
            if case .object(let box) = argument {
                for key in ["path", "url"] { if let value = box.properties[key] { candidates.append(value.symbolic) } }
            } else {
                candidates.append(argument.symbolic)
            }
        }
        for value in candidates {
            let parts: [SymbolicValue]
            if case .concatenation(let items) = value { parts = items } else { parts = [value] }
            for route in routes {
                guard let start = parts.firstIndex(where: { $0.literalValue?.contains(route.path) == true }) else {
                    continue
                }
                let name =
                    queryValue(route.queryName, in: Array(parts[start...])) ?? queryParameter(route.queryName, site)
                let argument = name ?? .unknown(reason: "the \(route.queryName) query parameter is not in the URL")
                return [
                    SDKCall(
                        client: route.client, operation: route.operation, arguments: [route.parameter: argument],
                        form: .parametersAndSecretsExtension, location: site.location)
                ]
            }
        }
        return []
    }

    /// Returns the query parameter given in an options object, as `axios.get(url, { params })` takes it.
    private static func queryParameter(_ name: String, _ site: CallSite) -> SymbolicValue? {
        for case .object(let box) in site.arguments {
            if case .object(let parameters)? = box.properties["params"], let value = parameters.properties[name] {
                return value.symbolic
            }
        }
        return nil
    }

    /// Extracts the value of `name=` from a query string of literal and unknown parts. The value
    /// runs to the next `&`, is percent-decoded, and keeps the unknown parts it spans.
    private static func queryValue(_ name: String, in parts: [SymbolicValue]) -> SymbolicValue? {
        let marker = Array((name + "=").utf8)
        var collected: [SymbolicValue] = []
        var isCollecting = false
        for part in parts {
            guard case .literal(let text) = part else {
                if isCollecting { collected.append(part) }
                continue
            }
            var bytes = Array(text.utf8)[...]
            if !isCollecting {
                guard let range = firstRange(of: marker, in: bytes) else { continue }
                isCollecting = true
                bytes = bytes[range.upperBound...]
            }
            if let end = bytes.firstIndex(of: UInt8(ascii: "&")) {
                collected.append(.literal(percentDecoded(bytes[..<end])))
                return Concatenation.make(collected)
            }
            collected.append(.literal(percentDecoded(bytes)))
        }
        return isCollecting ? Concatenation.make(collected) : nil
    }

    private static func firstRange(of marker: [UInt8], in bytes: ArraySlice<UInt8>) -> Range<Int>? {
        guard bytes.count >= marker.count else { return nil }
        var start = bytes.startIndex
        while start + marker.count <= bytes.endIndex {
            if bytes[start..<(start + marker.count)].elementsEqual(marker) { return start..<(start + marker.count) }
            start += 1
        }
        return nil
    }

    private static func percentDecoded(_ text: ArraySlice<UInt8>) -> String {
        var bytes: [UInt8] = []
        var remaining = text
        while let byte = remaining.popFirst() {
            if byte == UInt8(ascii: "%"), remaining.count >= 2,
                let value = UInt8(String(decoding: remaining.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                remaining = remaining.dropFirst(2)
            } else {
                bytes.append(byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
