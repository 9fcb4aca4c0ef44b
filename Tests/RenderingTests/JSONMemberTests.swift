import PolicyModel
import Testing

@testable import Rendering

/// The report's shortcuts must write the bytes the builder's own calls write.
@Suite struct JSONMemberTests {
    static let values = [
        "", "plain", "functions/fn_0001/app.py", "quote\"d", "back\\slash", "line\nbreak", "tab\tand\r",
        "nul\u{0}", "delete\u{7F}", "c1 control\u{85}", "caf\u{E9}", "e\u{301}", "emoji \u{1F600}", "/slash/",
        "\u{1F}", " ",
    ]

    @Test(arguments: values)
    func stringValueMatchesString(value: String) {
        var expected = JSONTextBuilder()
        expected.beginArray()
        expected.string(value)
        expected.string(value)
        expected.endArray()
        var actual = JSONTextBuilder()
        actual.beginArray()
        actual.stringValue(value)
        actual.stringValue(value)
        actual.endArray()
        #expect(actual.text == expected.text)
    }

    @Test(arguments: values)
    func memberMatchesKeyAndString(value: String) {
        var expected = JSONTextBuilder()
        expected.beginObject()
        expected.key("why")
        expected.string(value)
        expected.key("line")
        expected.raw(String(42))
        expected.key("file")
        expected.string(value)
        expected.endObject()
        var actual = JSONTextBuilder()
        actual.beginObject()
        actual.member("why", string: value)
        actual.member("line", number: 42)
        actual.member("file", string: value)
        actual.endObject()
        #expect(actual.text == expected.text)
    }
}
