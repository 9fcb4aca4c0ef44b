import Testing

@testable import PythonAnalysis

struct TokenCase: CustomTestStringConvertible, Sendable {
    var name: String
    var source: String
    var expected: [String]
    var testDescription: String { name }
}

@Suite struct TokenizerTests {
    static let cases: [TokenCase] = [
        TokenCase(
            name: "names and operators", source: "a = b.c(1) ** 2",
            expected: ["a", "=", "b", ".", "c", "(", "1", ")", "**", "2", "<newline>"]),
        TokenCase(
            name: "string prefixes", source: "x = rb'a' Rb\"b\" u'c' F'd' fR'e'",
            expected: ["x", "=", "rb'a'", "Rb\"b\"", "u'c'", "F'd'", "fR'e'", "<newline>"]),
        TokenCase(
            name: "triple-quoted string", source: "s = '''a\n'b'\n'''\nt",
            expected: ["s", "=", "'''a\n'b'\n'''", "<newline>", "t", "<newline>"]),
        TokenCase(name: "escaped quote", source: #"s = "a\"b""#, expected: ["s", "=", #""a\"b""#, "<newline>"]),
        TokenCase(
            name: "nested f-string quotes", source: #"f"{x["k"]:>{w}} {f"{y}"}" + z"#,
            expected: [#"f"{x["k"]:>{w}} {f"{y}"}""#, "+", "z", "<newline>"]),
        TokenCase(name: "doubled braces", source: "f'{{literal}}' x", expected: ["f'{{literal}}'", "x", "<newline>"]),
        TokenCase(
            name: "numbers", source: "1_000 0x1F 1e-3 .5 3j",
            expected: ["1_000", "0x1F", "1e-3", ".5", "3j", "<newline>"]),
        TokenCase(
            name: "comments and blank lines", source: "a # c\n\n   # only\nb",
            expected: ["a", "<newline>", "b", "<newline>"]),
        TokenCase(
            name: "backslash continuation", source: "a = 1 + \\\n    2\nb",
            expected: ["a", "=", "1", "+", "2", "<newline>", "b", "<newline>"]),
        TokenCase(
            name: "line break in brackets", source: "f(a,\n  b)\nc",
            expected: ["f", "(", "a", ",", "b", ")", "<newline>", "c", "<newline>"]),
        TokenCase(
            name: "indentation", source: "if a:\n    b\n    if c:\n        d\ne",
            expected: [
                "if", "a", ":", "<newline>", "<indent>", "b", "<newline>", "if", "c", ":", "<newline>", "<indent>", "d",
                "<newline>", "<dedent>", "<dedent>", "e", "<newline>",
            ]),
        TokenCase(
            name: "decorator", source: "@app.get('/x')\ndef f(): pass",
            expected: [
                "@", "app", ".", "get", "(", "'/x'", ")", "<newline>", "def", "f", "(", ")", ":", "pass", "<newline>",
            ]),
        TokenCase(
            name: "walrus and arrow", source: "def f() -> int: (y := 1)",
            expected: ["def", "f", "(", ")", "->", "int", ":", "(", "y", ":=", "1", ")", "<newline>"]),
        // The bytes on either side of each range of name bytes: `/` `0` `9` `:`, `@` `A` `Z` `[`,
        // `^` `_` `` ` ``, and `a` `z` `{`.
        TokenCase(
            name: "name byte boundaries", source: "a/09:Z[_^y@AZ{zé",
            expected: ["a", "/", "09", ":", "Z", "[", "_", "^", "y", "@", "AZ", "{", "zé", "<newline>"]),
        TokenCase(
            name: "names of mixed name bytes", source: "_aZz09 Az_9 b`c",
            expected: ["_aZz09", "Az_9", "b", "`", "c", "<newline>"]),
    ]

    @Test(arguments: cases)
    func tokenizes(_ testCase: TokenCase) {
        let texts = tokens(of: testCase.source).dropLast().map { kind, text in
            switch kind {
            case .newline: return "<newline>"
            case .indent: return "<indent>"
            case .dedent: return "<dedent>"
            default: return text
            }
        }
        #expect(Array(texts) == testCase.expected)
    }

    @Test func byteOrderMarkIsSkipped() {
        let texts = tokens(of: "\u{FEFF}import os").map(\.1)
        #expect(texts.first == "import")
    }

    @Test func linesAndColumnsAreTracked() {
        let file = TokenizedFile(bytes: Array("a = '''x\ny'''\n  \nb = 1".utf8))
        let b = try! #require(file.tokens.first { file.text(of: $0) == "b" })
        #expect(b.line == 4)
        #expect(file.column(of: b) == 1)
        let one = try! #require(file.tokens.first { file.text(of: $0) == "1" })
        #expect(file.column(of: one) == 5)
    }
}
