import Testing

@testable import PythonAnalysis

@Suite struct KeywordTests {
    @Test(arguments: [
        ("for", Keyword.for), ("in", .in), ("nonlocal", .nonlocal), ("yield", .yield), ("async", .async),
        ("match", .match), ("as", .as), ("is", .is), ("lambda", .lambda),
    ])
    func keywordNameIsClassified(source: String, keyword: Keyword) {
        let file = TokenizedFile(bytes: Array(source.utf8))
        #expect(file.tokens[0].kind == .name)
        #expect(file.tokens[0].keyword == keyword)
    }

    @Test(arguments: ["format", "int", "x", "i", "none", "nonlocals", "Yield", "For", "é", "asyncio", "yields"])
    func otherNameIsNotKeyword(source: String) {
        let file = TokenizedFile(bytes: Array(source.utf8))
        #expect(file.tokens[0].kind == .name)
        #expect(file.tokens[0].keyword == .none)
    }

    @Test func keywordTextRoundTrips() {
        for keyword in Keyword.allCases where keyword != .none {
            let file = TokenizedFile(bytes: Array(keyword.text.utf8))
            #expect(file.tokens[0].keyword == keyword, "\(keyword.text)")
        }
    }

    /// A keyword near the end of the file is read byte by byte, and one further in is read as
    /// eight bytes at once and masked to its length.
    @Test(arguments: [
        ("x = yield", 2, Keyword.yield), ("yield x_long_name", 0, .yield), ("nonlocal abcdefgh", 0, .nonlocal),
        ("f(continue)", 2, .continue), ("if", 0, .if), ("x if y else zzzzzzzz", 1, .if),
        ("x if y else zzzzzzzz", 3, .else), ("ifx elsewhere", 0, .none), ("ifx elsewhere", 1, .none),
        ("deff = 1 + 2 + 3", 0, .none), ("nonlocals = 12345", 0, .none), ("de = 12345678", 0, .none),
    ])
    func keywordIsClassifiedAtAnyOffset(source: String, index: Int, keyword: Keyword) {
        let file = TokenizedFile(bytes: Array(source.utf8))
        #expect(file.tokens[index].kind == .name)
        #expect(file.tokens[index].keyword == keyword)
    }

    @Test func stringTokenIsNotKeyword() {
        let file = TokenizedFile(bytes: Array("'for' for".utf8))
        #expect(file.tokens[0].keyword == .none)
        #expect(file.tokens[1].keyword == .for)
    }
}
