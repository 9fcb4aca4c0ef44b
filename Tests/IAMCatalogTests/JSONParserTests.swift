import Testing

@testable import IAMCatalog

@Suite struct JSONParserTests {
    func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try JSONParser.parse(Array(text.utf8))
    }

    @Test func nestedDocument() throws {
        let value = try parse(#" { "a": [1, -2.5e3, true, false, null], "b": {"c": "d"} } "#)
        #expect(value["a"] == .array([.number(1), .number(-2500), .bool(true), .bool(false), .null]))
        #expect(value["b"]?["c"] == .string("d"))
    }

    @Test(arguments: [
        (#""a\"b\\c\/d""#, "a\"b\\c/d"),
        (#""line\nnext\ttab""#, "line\nnext\ttab"),
        (#""\u00e9\u4e2d""#, "é中"),
        (#""\ud83d\ude00""#, "😀"),
        (#""\ud83d""#, "\u{FFFD}"),
        ("\"héllo\"", "héllo"),
    ])
    func strings(text: String, expected: String) throws {
        #expect(try parse(text) == .string(expected))
    }

    @Test(arguments: [
        "", "{", "[1,", "[1 2]", "{\"a\" 1}", "{\"a\":}", "{a:1}", "\"unterminated", "\"bad \\x escape\"",
        "\"\\u12\"", "01", "1.", "-", "1e", "tru", "nul", "[1]x", "{\"a\":1,}", "[,]", "\"tab\there\"",
    ])
    func invalidDocuments(text: String) {
        #expect(throws: JSONParseError.self) { try parse(text) }
    }

    @Test func errorNamesTheOffset() {
        do {
            _ = try parse("[1, 2, ?]")
            Issue.record("parsing succeeded")
        } catch {
            #expect(error.offset == 7)
            #expect(error.description.contains("byte 7"))
        }
    }

    @Test func deepNestingIsRejected() {
        let depth = JSONParser.maximumDepth + 1
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(throws: JSONParseError.self) { try parse(text) }
    }

    @Test func nestingAtTheLimitParses() throws {
        let depth = JSONParser.maximumDepth
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        _ = try parse(text)
    }

    @Test func invalidUTF8BecomesReplacementCharacters() throws {
        let value = try JSONParser.parse([0x22, 0xFF, 0x41, 0x22])
        #expect(value == .string("\u{FFFD}A"))
    }
}
