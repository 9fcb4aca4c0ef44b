/// A short text key of an argument list, for caching a function's result. Equal keys mean the
/// same literal values and the same objects, functions and SDK values.
enum Fingerprint {
    static func of(_ values: [Value]) -> String {
        var text = ""
        for value in values { append(value, to: &text, depth: 0) }
        return text
    }

    private static func append(_ value: Value, to text: inout String, depth: Int) {
        guard depth < 4, text.utf8.count < 2048 else {
            text += "~"
            return
        }
        switch value {
        case .symbolic(let symbolic): text += "s(\(symbolic))"
        case .object(let box): text += "o\(ObjectIdentifier(box).hashValue)"
        case .array(let items):
            text += "["
            for item in items.prefix(16) { append(item, to: &text, depth: depth + 1) }
            text += "]"
        case .function(let closure):
            text += "f\(ObjectIdentifier(closure.node).hashValue)"
            if let thisValue = closure.thisValue { append(thisValue, to: &text, depth: depth + 1) }
        case .classValue(let classValue): text += "c\(ObjectIdentifier(classValue).hashValue)"
        case .processEnvironment: text += "env"
        case .exportReference(let box, let name): text += "e\(ObjectIdentifier(box).hashValue).\(name)"
        case .sdk(let sdk), .sdkMethod(let sdk, _): text += "sdk(\(sdkText(sdk)))"
        case .wrapper(let closures): text += "w\(closures.map { ObjectIdentifier($0.node).hashValue })"
        case .union(let members):
            text += "u("
            for member in members { append(member, to: &text, depth: depth + 1) }
            text += ")"
        case .getter(let closure): text += "g\(ObjectIdentifier(closure.node).hashValue)"
        case .builtin(let name): text += name
        case .unknown: text += "?"
        }
        text += ","
    }

    private static func sdkText(_ sdk: SDKValue) -> String {
        switch sdk {
        case .client(let client, let isAggregated): return "client \(client) \(isAggregated)"
        case .documentClient(let isV3, let isAggregated): return "document \(isV3) \(isAggregated)"
        case .command(let client, let operation, let input, _): return "command \(client) \(operation) \(of([input]))"
        case .package(let name): return name
        case .clientClass(let client, let isAggregated): return "class \(client) \(isAggregated)"
        case .commandClass(let client, let operation, _): return "command class \(client) \(operation)"
        case .documentClientClass(let isV3, let isAggregated): return "document class \(isV3) \(isAggregated)"
        case .paginator(let client, let operation): return "paginator \(client) \(operation)"
        case .waiter(let client, let waiter): return "waiter \(client) \(waiter)"
        case .powertoolsFunction(let name), .powertoolsProviderClass(let name): return name
        case .powertoolsProvider(let name, let configuration): return "provider \(name) \(of([configuration]))"
        case .presigner: return "presigner"
        case .uploadClass: return "upload class"
        case .upload: return "upload"
        case .version2Namespace: return "AWS"
        case .version2Request: return "request"
        case .httpFunction: return "http"
        case .libraryFunction(let name), .libraryClass(let name): return name
        }
    }
}
