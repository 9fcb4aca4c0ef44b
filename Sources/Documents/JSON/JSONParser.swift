import CJSONC
import Diagnostics

/// Parses strict JSON (RFC 8259) with json-c into `JSONValue`s. For bulk data such as the
/// catalog and CloudTrail records, where node positions are not needed; files that diagnostics
/// point into go through `DocumentReader`.
package enum JSONParser {
    /// Parses one JSON value. Throws on malformed text, invalid UTF-8, trailing text, or nesting
    /// deeper than `maximumDepth` arrays and objects. `displayPath` names the text in errors.
    package static func parse(
        bytes: [UInt8],
        displayPath: String = "JSON text",
        maximumDepth: Int = 256
    ) throws(DocumentError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(DocumentError) -> JSONValue in
                try parse(buffer, displayPath: displayPath, maximumDepth: maximumDepth)
            }
        }.get()
    }

    /// Parses one JSON value from part of a larger buffer, such as one record cut out of a file.
    /// Error positions count from the start of the slice. When `keptMembers` is given and the
    /// value is an object, only its members with those names are converted, so members the
    /// caller never reads cost no conversion. The whole text is still checked.
    package static func parse(
        bytes: ArraySlice<UInt8>,
        displayPath: String = "JSON text",
        maximumDepth: Int = 256,
        keptMembers: Set<String>? = nil
    ) throws(DocumentError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(DocumentError) -> JSONValue in
                try parse(buffer, displayPath: displayPath, maximumDepth: maximumDepth, keptMembers: keptMembers)
            }
        }.get()
    }

    private static func parse(
        _ buffer: UnsafeBufferPointer<UInt8>,
        displayPath: String,
        maximumDepth: Int,
        keptMembers: Set<String>? = nil
    ) throws(DocumentError) -> JSONValue {
        guard let tokener = json_tokener_new_ex(Int32(clamping: max(1, maximumDepth))) else {
            throw DocumentError(
                "could not start the JSON parser: out of memory", at: SourceLocation(file: displayPath),
                code: .fileUnreadable)
        }
        defer { json_tokener_free(tokener) }
        json_tokener_set_flags(tokener, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8)

        guard !buffer.isEmpty, buffer.count < Int32.max, let start = buffer.baseAddress else {
            throw DocumentError(
                buffer.isEmpty ? "invalid JSON: the text is empty" : "invalid JSON: the text is larger than 2 GiB",
                at: SourceLocation(file: displayPath), code: .jsonSyntax)
        }
        if let problem = JSONTokenCheck.firstProblem(in: buffer) {
            throw DocumentError(
                problem.message, at: location(problem.offset, buffer, displayPath), code: .jsonSyntax)
        }
        var root = start.withMemoryRebound(to: CChar.self, capacity: buffer.count) { text in
            json_tokener_parse_ex(tokener, text, Int32(buffer.count))
        }
        var end = json_tokener_get_parse_end(tokener)
        // A top-level number is only complete once json-c reads the end of the input, which a
        // NUL byte marks.
        if root == nil && json_tokener_get_error(tokener) == json_tokener_continue {
            root = json_tokener_parse_ex(tokener, "", 1)
            end = buffer.count
        }
        defer { json_object_put(root) }
        let error = json_tokener_get_error(tokener)
        guard error == json_tokener_success else {
            throw syntaxError(error, at: location(min(end, buffer.count), buffer, displayPath), maximumDepth)
        }
        if let trailing = buffer[min(end, buffer.count)...].firstIndex(where: { !isWhiteSpace($0) }) {
            throw DocumentError(
                "invalid JSON: text after the end of the value; remove it or wrap the values in an array",
                at: location(trailing, buffer, displayPath), code: .jsonSyntax)
        }
        // json-c returns no object for a JSON `null`.
        guard let root else { return .null }
        if let keptMembers, json_object_get_type(root) == json_type_object {
            return .object(members(of: root, keeping: keptMembers))
        }
        return value(of: root)
    }

    /// Converts a json-c tree; its depth is bounded by the tokener's depth limit.
    private static func value(of object: OpaquePointer) -> JSONValue {
        switch json_object_get_type(object) {
        case json_type_boolean: return .bool(json_object_get_boolean(object) != 0)
        case json_type_int: return .integer(json_object_get_int64(object))
        case json_type_double: return .number(json_object_get_double(object))
        case json_type_string:
            let count = Int(json_object_get_string_len(object))
            let text = json_object_get_string(object).map { pointer in
                pointer.withMemoryRebound(to: UInt8.self, capacity: count) {
                    String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self)
                }
            }
            return .string(text ?? "")
        case json_type_array:
            let count = json_object_array_length(object)
            return .array((0..<count).map { value(of: json_object_array_get_idx(object, $0)!) })
        case json_type_object: return .object(members(of: object))
        default: return .null
        }
    }

    private static func members(of object: OpaquePointer, keeping keptMembers: Set<String>? = nil) -> JSONObject {
        var result = JSONObject()
        var iterator = json_object_iter_begin(object)
        var end = json_object_iter_end(object)
        while json_object_iter_equal(&iterator, &end) == 0 {
            let key = String(cString: json_object_iter_peek_name(&iterator))
            if let keptMembers, !keptMembers.contains(key) {
                json_object_iter_next(&iterator)
                continue
            }
            let member = json_object_iter_peek_value(&iterator)
            result[key] = member.map { value(of: $0) } ?? .null
            json_object_iter_next(&iterator)
        }
        return result
    }

    private static func syntaxError(
        _ error: json_tokener_error, at location: SourceLocation, _ maximumDepth: Int
    ) -> DocumentError {
        switch error {
        case json_tokener_error_depth:
            return DocumentError(
                "JSON arrays and objects nest deeper than the depth limit of \(maximumDepth) levels; flatten the data",
                at: location, code: .nestingTooDeep)
        case json_tokener_error_parse_eof, json_tokener_continue:
            return DocumentError(
                "invalid JSON: the text ends before the value is complete; the file may be truncated",
                at: location, code: .jsonSyntax)
        case json_tokener_error_parse_utf8_string:
            return DocumentError(
                "invalid JSON: invalid UTF-8 in the text; save the file as UTF-8", at: location, code: .jsonSyntax)
        default:
            let description = json_tokener_error_desc(error).map { String(cString: $0) } ?? "parse error"
            return DocumentError(
                "invalid JSON: \(description); fix the text at this position", at: location, code: .jsonSyntax)
        }
    }

    private static func location(
        _ offset: Int, _ buffer: UnsafeBufferPointer<UInt8>, _ displayPath: String
    ) -> SourceLocation {
        TextInput.location(ofByteOffset: offset, in: Array(buffer[..<offset]), displayPath: displayPath)
    }

    private static func isWhiteSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
