import Testing

@testable import PythonAnalysis

@Suite struct TokenizerKeywordTests {
    @Test func textsMatchCaseNames() {
        for keyword in Keyword.allCases {
            #expect(keyword.text == "\(keyword)")
        }
    }

    @Test func everyKeywordHasItsOwnSlot() {
        let slots = Keyword.slots
        for keyword in Keyword.allCases where keyword != .none {
            let text = Array(keyword.text.utf8)
            let word = text.withUnsafeBufferPointer { Keyword.packed($0, start: 0, end: text.count) }
            let slot = try! #require(word.map(Keyword.slot(of:)))
            #expect(slots.keywords[slot] == keyword)
            #expect(slots.words[slot] == word)
        }
        #expect(slots.keywords.filter { $0 != .none }.count == Keyword.allCases.count - 1)
    }

    /// Each name of two or three lowercase letters is classified by its text, including the
    /// names that share a hash slot with a keyword.
    @Test func shortNamesAreKeywordsOnlyByText() {
        let letters = Array("abcdefghijklmnopqrstuvwxyz".utf8)
        let texts = Dictionary(uniqueKeysWithValues: Keyword.allCases.map { ($0.text, $0) })
        var names: [[UInt8]] = []
        for first in letters {
            for second in letters {
                names.append([first, second])
                for third in letters { names.append([first, second, third]) }
            }
        }
        for name in names {
            let expected = texts[String(decoding: name, as: UTF8.self)] ?? Keyword.none
            let found = name.withUnsafeBufferPointer { Keyword.classify($0, start: 0, end: name.count) }
            if found != expected { Issue.record("\(String(decoding: name, as: UTF8.self)) is \(found)") }
        }
    }

    @Test(arguments: ["ifx", "iff", "nonlocals", "elsewhere", "tryy", "yieldd", "continu", "Pass", "a_", "_if"])
    func nearKeywordIsName(name: String) {
        let file = TokenizedFile(bytes: Array(name.utf8))
        #expect(file.tokens[0].keyword == .none)
    }
}
