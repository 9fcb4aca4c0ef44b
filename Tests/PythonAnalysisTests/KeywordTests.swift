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

    @Test func stringTokenIsNotKeyword() {
        let file = TokenizedFile(bytes: Array("'for' for".utf8))
        #expect(file.tokens[0].keyword == .none)
        #expect(file.tokens[1].keyword == .for)
    }
}
