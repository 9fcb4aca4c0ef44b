import Diagnostics
import Testing

@testable import Documents

@Suite struct JSONParserTests {
    private func parse(_ text: String, maximumDepth: Int = 256) throws(DocumentError) -> JSONValue {
        try JSONParser.parse(bytes: Array(text.utf8), displayPath: "r.json", maximumDepth: maximumDepth)
    }

    private func parseError(_ text: String, maximumDepth: Int = 256) -> DocumentError? {
        parseError(bytes: Array(text.utf8), maximumDepth: maximumDepth)
    }

    private func parseError(bytes: [UInt8], maximumDepth: Int = 256) -> DocumentError? {
        do {
            _ = try JSONParser.parse(bytes: bytes, displayPath: "r.json", maximumDepth: maximumDepth)
            return nil
        } catch {
            return error
        }
    }

    @Test func valueKinds() throws {
        let value = try parse(#"{"n": null, "t": true, "i": -42, "d": 2.5, "s": "x\u00e9\n", "a": [1, "b"], "o": {}}"#)
        #expect(value["n"] == .null)
        #expect(value["t"] == .bool(true))
        #expect(value["i"] == .integer(-42))
        #expect(value["d"] == .number(2.5))
        #expect(value["s"] == .string("x\u{e9}\n"))
        #expect(value["a"] == .array([.integer(1), .string("b")]))
        #expect(value["o"] == .object(JSONObject()))
        #expect(value.object?.keys == ["n", "t", "i", "d", "s", "a", "o"])
    }

    @Test func keyOrderKept() throws {
        let value = try parse(#"{"z": 1, "a": 2, "m": 3}"#)
        #expect(value.object?.keys == ["z", "a", "m"])
    }

    @Test func duplicateKeyLastValueWins() throws {
        let value = try parse(#"{"a": 1, "b": 2, "a": 3}"#)
        #expect(value.object?.keys == ["a", "b"])
        #expect(value["a"] == .integer(3))
    }

    @Test(arguments: ["17", " \"text\" ", "null", "-0.5e2", "[]"]) func topLevelScalars(_ text: String) throws {
        #expect(throws: Never.self) { try parse(text) }
    }

    @Test func surrogatePairsAndNul() throws {
        let value = try parse(#"["\ud83d\ude00", "a\u0000b"]"#)
        #expect(value.array?.first == .string("\u{1F600}"))
        #expect(value.array?.last?.string?.utf8.count == 3)
    }

    @Test(arguments: [
        ("{\"a\": 1,}", 1),
        ("{'a': 1}", 1),
        ("{\"a\": 1}\n{\"b\": 2}", 2),
        ("[1, 2", 1),
        ("{\"a\":\n  tru}", 2),
        ("", 0),
    ])
    func malformedRejected(_ text: String, line: Int) throws {
        let error = try #require(parseError(text))
        #expect(error.code == .jsonSyntax)
        #expect(error.location.line == line)
        #expect(error.message.hasPrefix("invalid JSON"))
    }

    @Test func truncatedTextExplained() throws {
        let error = try #require(parseError(#"{"Records": [{"eventName": "GetObject"#))
        #expect(error.message.contains("truncated"))
    }

    @Test func invalidUTF8Rejected() throws {
        let error = try #require(parseError(bytes: Array("[\"a".utf8) + [0xC3, 0x28] + Array("\"]".utf8)))
        #expect(error.code == .jsonSyntax)
    }

    @Test(arguments: [10_000, 257]) func deepNestingRejected(_ depth: Int) throws {
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let error = try #require(parseError(text))
        #expect(error.code == .nestingTooDeep)
        #expect(error.message.contains("depth limit of 256"))
    }

    @Test func nestingAtLimitAccepted() throws {
        let text = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
        #expect(throws: Never.self) { try parse(text) }
    }

    @Test func sliceParsed() throws {
        let bytes = Array(#"{"Records": [{"a": 1}, {"b": 2}]}"#.utf8)
        let value = try JSONParser.parse(bytes: bytes[23..<31])
        #expect(value["b"] == .integer(2))
    }
}

struct StrictnessCase: Sendable, CustomTestStringConvertible {
    var text: String
    var column: Int
    var message: String
    var testDescription: String { text }
}

@Test(arguments: [
    StrictnessCase(text: "[NaN]", column: 2, message: "'NaN' is not a JSON value"),
    StrictnessCase(text: "[Infinity]", column: 2, message: "'Infinity' is not a JSON value"),
    StrictnessCase(text: "[1.]", column: 2, message: "'1.' is not a valid JSON number"),
    StrictnessCase(text: "[01]", column: 2, message: "'01' is not a valid JSON number"),
    StrictnessCase(text: "{'a': 1}", column: 2, message: "single quote"),
    StrictnessCase(text: "{a: 1}", column: 2, message: "'a' is not a JSON value"),
    StrictnessCase(text: "[1 /* c */]", column: 4, message: "no comments"),
    StrictnessCase(text: "[\"a\tb\"]", column: 4, message: "raw control character"),
    StrictnessCase(text: "[\"open", column: 2, message: "truncated"),
    StrictnessCase(text: "[9223372036854775808]", column: 2, message: "outside the 64-bit range"),
    StrictnessCase(text: "[-9223372036854775809]", column: 2, message: "outside the 64-bit range"),
])
func lenientSyntaxRejected(_ testCase: StrictnessCase) throws {
    do {
        let value = try JSONParser.parse(bytes: Array(testCase.text.utf8), displayPath: "r.json")
        Issue.record("accepted as \(value)")
    } catch {
        #expect(error.code == .jsonSyntax)
        #expect(error.location == SourceLocation(file: "r.json", line: 1, column: testCase.column))
        #expect(error.message.contains(testCase.message))
    }
}

@Test func int64BoundsAccepted() throws {
    let value = try JSONParser.parse(bytes: Array("[9223372036854775807, -9223372036854775808]".utf8))
    #expect(value.array == [.integer(.max), .integer(.min)])
}
