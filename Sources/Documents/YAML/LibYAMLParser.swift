import CYAML
import Diagnostics

/// A libyaml parser event, copied out of C memory.
enum YAMLEvent {
    case streamStart
    case streamEnd
    case documentStart(SourceLocation)
    case documentEnd
    case scalar(String, style: Node.ScalarStyle, tag: String?, anchor: String?, at: SourceLocation, end: SourceLocation)
    case sequenceStart(tag: String?, anchor: String?, at: SourceLocation)
    case sequenceEnd(end: SourceLocation)
    case mappingStart(tag: String?, anchor: String?, at: SourceLocation)
    case mappingEnd(end: SourceLocation)
    case alias(String, at: SourceLocation, end: SourceLocation)
}

/// Owns a libyaml parser over a buffer that the caller keeps alive while the parser is used.
final class LibYAMLParser {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let input: UnsafeBufferPointer<UInt8>
    private let displayPath: String

    init(input: UnsafeBufferPointer<UInt8>, displayPath: String) throws(DocumentError) {
        self.input = input
        self.displayPath = displayPath
        parser = .allocate(capacity: 1)
        guard yaml_parser_initialize(parser) == 1 else {
            parser.deallocate()
            throw DocumentError(
                "could not start the YAML parser: out of memory", at: SourceLocation(file: displayPath),
                code: .fileUnreadable)
        }
        yaml_parser_set_input_string(parser, input.baseAddress, input.count)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
    }

    /// Parses the next event, or throws the syntax error libyaml reports.
    func next() throws(DocumentError) -> YAMLEvent {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else { throw syntaxError() }
        defer { yaml_event_delete(&event) }
        let location = self.location(of: event.start_mark)
        let end = self.location(of: event.end_mark)
        switch event.type {
        case YAML_STREAM_START_EVENT: return .streamStart
        case YAML_DOCUMENT_START_EVENT: return .documentStart(location)
        case YAML_DOCUMENT_END_EVENT: return .documentEnd
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            return .scalar(
                text, style: Self.style(scalar.style), tag: Self.string(scalar.tag), anchor: Self.string(scalar.anchor),
                at: location, end: end)
        case YAML_SEQUENCE_START_EVENT:
            let start = event.data.sequence_start
            return .sequenceStart(tag: Self.string(start.tag), anchor: Self.string(start.anchor), at: location)
        case YAML_SEQUENCE_END_EVENT: return .sequenceEnd(end: end)
        case YAML_MAPPING_START_EVENT:
            let start = event.data.mapping_start
            return .mappingStart(tag: Self.string(start.tag), anchor: Self.string(start.anchor), at: location)
        case YAML_MAPPING_END_EVENT: return .mappingEnd(end: end)
        case YAML_ALIAS_EVENT:
            return .alias(Self.string(event.data.alias.anchor) ?? "", at: location, end: end)
        default: return .streamEnd
        }
    }

    /// Returns the 1-based position of a mark. libyaml counts a byte-order mark as a character of the
    /// first line; editors do not show it, so it is not counted here.
    func location(of mark: yaml_mark_t) -> SourceLocation {
        let hiddenColumns = mark.line == 0 && hasByteOrderMark ? 1 : 0
        return SourceLocation(file: displayPath, line: Int(mark.line) + 1, column: Int(mark.column) + 1 - hiddenColumns)
    }

    private var hasByteOrderMark: Bool { input.starts(with: [0xEF, 0xBB, 0xBF]) }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private static func style(_ style: yaml_scalar_style_t) -> Node.ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    /// Returns the error libyaml reports, in plain words, at its problem mark.
    private func syntaxError() -> DocumentError {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "unknown problem"
        if state.error == YAML_READER_ERROR {
            let bytes = Array(input)
            let location = TextInput.location(
                ofByteOffset: state.problem_offset, in: bytes, displayPath: displayPath)
            return DocumentError(
                "invalid text: \(problem); remove the character or save the file as UTF-8 text",
                at: location, code: .yamlSyntax)
        }
        let location = self.location(of: state.problem_mark)
        // libyaml reads JSON files too, but their authors know them as JSON.
        let isJSON = displayPath.lowercased().hasSuffix(".json")
        var message = "invalid \(isJSON ? "JSON" : "YAML"): \(problem)"
        let start = self.location(of: state.context_mark)
        if let context = state.context.map({ String(cString: $0) }), start != location {
            message += " (\(context) at line \(start.line), column \(start.column))"
        }
        message += "; " + advice(for: problem, at: state.problem_mark, isJSON: isJSON)
        return DocumentError(message, at: location, code: .yamlSyntax)
    }

    private func advice(for problem: String, at mark: yaml_mark_t, isJSON: Bool) -> String {
        if byte(at: location(of: mark)) == 0x09 {
            return "a tab is used where YAML expects indentation; indent with spaces only"
        }
        switch problem {
        case "mapping values are not allowed in this context":
            return "a ': ' starts a mapping where none can start; quote the value or fix the indentation"
        case "did not find expected key", "did not find expected '-' indicator":
            return "check the indentation of this line and of the lines above it"
        case "did not find expected ',' or ']'", "did not find expected ',' or '}'":
            return "close the bracket that the context names, or add the missing ','"
        case "found unexpected end of stream":
            return "the file ends inside a quoted string or a collection; close it"
        case "found character that cannot start any token":
            return "quote the value that starts with this character"
        default:
            if isJSON { return "fix the text at this position (check quotes, brackets and commas)" }
            return
                "fix the text at this position (check indentation, quotes, brackets, and ':' or '#' in unquoted values)"
        }
    }

    /// Returns the byte at a position whose line and column count line feeds and characters.
    private func byte(at location: SourceLocation) -> UInt8? {
        var index = hasByteOrderMark ? 3 : 0
        var line = 1
        while line < location.line && index < input.count {
            if input[index] == 0x0A { line += 1 }
            index += 1
        }
        var column = 1
        while column < location.column && index < input.count {
            index += 1
            while index < input.count && input[index] & 0xC0 == 0x80 { index += 1 }
            column += 1
        }
        return index < input.count ? input[index] : nil
    }
}
