import Diagnostics
import Testing

@testable import Documents

@Suite struct JSONArraySplitterTests {
    static let trail = """
        {"Records": [
          {"eventName": "GetObject", "requestParameters": {"key": "a]}\\"[{"}, "n": [1, 2]},
          {"eventName": "PutItem"} ,
          "text, with comma",
          42
        ], "Other": [{"ignored": true}]}

        """

    private func splitAll(
        _ text: String, chunkSize: Int, target: JSONArraySplitter.Target = .member("Records")
    ) throws(DocumentError) -> [String] {
        var splitter = JSONArraySplitter(target: target, displayPath: "trail.json")
        let bytes = Array(text.utf8)
        var elements: [String] = []
        var start = 0
        while start < bytes.count {
            let end = min(start + chunkSize, bytes.count)
            for element in try splitter.split(Array(bytes[start..<end])) {
                elements.append(String(decoding: element, as: UTF8.self))
            }
            start = end
        }
        try splitter.finish()
        return elements
    }

    private func splitError(_ text: String, target: JSONArraySplitter.Target = .member("Records")) -> DocumentError? {
        do {
            _ = try splitAll(text, chunkSize: 5, target: target)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [1, 3, 7, 64, 100_000]) func elementsInAnyChunking(_ chunkSize: Int) throws {
        let elements = try splitAll(Self.trail, chunkSize: chunkSize)
        #expect(elements.count == 4)
        #expect(elements[0].hasPrefix(#"{"eventName": "GetObject""#))
        #expect(elements[0].hasSuffix(#""n": [1, 2]}"#))
        #expect(elements[1] == #"{"eventName": "PutItem"}"#)
        #expect(elements[2] == #""text, with comma""#)
        #expect(elements[3] == "42")
    }

    @Test func elementsParse() throws {
        let elements = try splitAll(Self.trail, chunkSize: 16)
        let first = try JSONParser.parse(bytes: Array(elements[0].utf8))
        #expect(first["requestParameters"]?["key"] == .string("a]}\"[{"))
    }

    @Test func recordsAfterOtherMembers() throws {
        let text = #"{"Records2": [9], "x": "Records", "meta": {"Records": [8]}, "Records": [{"a": 1}]}"#
        #expect(try splitAll(text, chunkSize: 4) == [#"{"a": 1}"#])
    }

    @Test func topLevelArray() throws {
        #expect(try splitAll(" [ {\"a\": [1]}, 2 ]\n", chunkSize: 2, target: .topLevelArray) == [#"{"a": [1]}"#, "2"])
    }

    @Test func emptyArray() throws {
        #expect(try splitAll(#"{"Records": []}"#, chunkSize: 3).isEmpty)
    }

    @Test(arguments: [
        (#"{"Records": [{"a": 1}, {"b""#, "ends inside the 'Records' array (elements read so far: 1)"),
        (#"{"Records": [{"a": 1}]"#, "ends before the JSON value closes"),
        (#"{"Other": [1]}"#, "no 'Records' array found"),
        (#"{"Records": {"a": 1}}"#, "is not an array"),
        (#"[{"a": 1}]"#, "expected a JSON object with a 'Records' array"),
        (#"{"Records": [1]}}"#, "text after the end"),
        (#"{"Records": [{"a": 1}}]}"#, "unbalanced '}'"),
        (#"{"Records": [1]} {"#, "text after the end"),
        ("", "no 'Records' array found"),
    ])
    func malformedStreamRejected(_ text: String, _ message: String) throws {
        let error = try #require(splitError(text))
        #expect(error.code == .jsonSyntax)
        #expect(error.location == SourceLocation(file: "trail.json"))
        #expect(error.message.contains(message))
    }

    @Test func elementSizeLimited() throws {
        var splitter = JSONArraySplitter(displayPath: "trail.json", maximumElementSize: 10)
        #expect(try splitter.split(Array(#"{"Records": [{"a": 1}, "#.utf8)).count == 1)
        do {
            _ = try splitter.split(Array(#"{"abcdefghijk": 1}]}"#.utf8))
            Issue.record("an element over the limit was returned")
        } catch {
            #expect(error.message.contains("element 2 of the 'Records' array is larger than the limit of 10 bytes"))
        }
    }
}
