import Documents

/// The forms of CloudTrail files minrole reads, told apart by their first bytes.
enum CloudTrailLayout: Equatable {
    /// A log file as CloudTrail delivers it: `{"Records": [event, ...]}`.
    case records
    /// `aws cloudtrail lookup-events` output: `{"Events": [{"CloudTrailEvent": "<event as JSON text>"}, ...]}`.
    case lookupEvents
    /// A JSON array of events.
    case eventArray
    /// One event per line, as CloudTrail Lake and log exports write them.
    case eventLines
    /// A CloudTrail digest file, which holds hashes, not events.
    case digest

    /// Detects the layout from the first bytes of a file (the first chunk read). Returns `nil`
    /// when the text does not start like JSON.
    // NOTE: a file of one event per line whose first line is longer than the first chunk is
    // taken for a `Records` file, and then reported as having no `Records` array.
    static func detect(_ start: [UInt8]) -> CloudTrailLayout? {
        var index = start.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        skipWhiteSpace(start, &index)
        guard index < start.count else { return nil }
        if start[index] == UInt8(ascii: "[") { return .eventArray }
        guard start[index] == UInt8(ascii: "{") else { return nil }
        index += 1
        switch firstKey(start, from: index) {
        case "Records": return .records
        case "Events": return .lookupEvents
        default: break
        }
        if contains(start, "\"digestStartTime\"") || contains(start, "\"digestPublicKeyFingerprint\"") {
            return .digest
        }
        return firstLineIsObject(start) ? .eventLines : .records
    }

    private static func skipWhiteSpace(_ bytes: [UInt8], _ index: inout Int) {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    /// The first member name of the top-level object, when it is short and plain.
    private static func firstKey(_ bytes: [UInt8], from start: Int) -> String? {
        var index = start
        skipWhiteSpace(bytes, &index)
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        let nameStart = index + 1
        guard let end = bytes[nameStart...].prefix(64).firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        return String(decoding: bytes[nameStart..<end], as: UTF8.self)
    }

    private static func contains(_ bytes: [UInt8], _ text: String) -> Bool {
        RecordFilter.contains(bytes, Array(text.utf8))
    }

    /// True when the first line is a whole JSON object, which a file of one event per line has
    /// and a pretty-printed file does not.
    private static func firstLineIsObject(_ bytes: [UInt8]) -> Bool {
        let end = bytes.firstIndex(of: 0x0A) ?? bytes.count
        guard let value = try? JSONParser.parse(bytes: bytes[..<end]) else { return false }
        return value.object != nil
    }
}
