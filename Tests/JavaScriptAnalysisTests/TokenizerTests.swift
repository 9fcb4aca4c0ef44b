import Testing

@testable import JavaScriptAnalysis

@Suite struct TokenizerTests {
    @Test func templateWithNestedSubstitutions() {
        let found = tokens(of: "`a${ `b${c}` + {x: 1}.x }d`")
        #expect(
            found.map(\.0) == [
                .templateHead, .templateHead, .identifier, .templateTail, .punctuator, .punctuator, .identifier,
                .punctuator, .number, .punctuator, .punctuator, .identifier, .templateTail,
            ])
        #expect(found.first?.1 == "`a${")
        #expect(found.last?.1 == "}d`")
    }

    @Test(arguments: [
        (
            "x = a / b / c",
            [TokenKind.identifier, .punctuator, .identifier, .punctuator, .identifier, .punctuator, .identifier]
        ),
        (
            "x = /a\\/[/]b/gi.test(s)",
            [.identifier, .punctuator, .regex, .punctuator, .identifier, .punctuator, .identifier, .punctuator]
        ),
        ("return /x/", [.identifier, .regex]),
        ("f(a) / 2", [.identifier, .punctuator, .identifier, .punctuator, .punctuator, .number]),
        (
            "a[0] /b/ 1",
            [.identifier, .punctuator, .number, .punctuator, .punctuator, .identifier, .punctuator, .number]
        ),
    ])
    func regexOrDivision(source: String, expected: [TokenKind]) {
        #expect(tokens(of: source).map(\.0) == expected)
    }

    @Test func commentsAreSkipped() {
        let found = tokens(of: "a // one /* \n/* two\n */ b")
        #expect(found.map(\.1) == ["a", "b"])
    }

    @Test func jsxElementIsOneToken() {
        let found = tokens(of: "const x = <div a=\"{\" b={ {c: '}'} }>it's {y} <br/></div>; next")
        #expect(found.map(\.0) == [.identifier, .identifier, .punctuator, .jsx, .punctuator, .identifier])
    }

    @Test func typeScriptComparisonIsNotJSX() {
        let found = tokens(of: "const f = <T>(x: T) => x", allowsJSX: false)
        #expect(!found.contains { $0.0 == .jsx })
    }

    @Test func tsxGenericArrowIsNotJSX() {
        #expect(
            !tokens(of: "const f = <T,>(x: T) => x; const g = <U extends object>(y: U) => y").contains { $0.0 == .jsx })
        #expect(tokens(of: "const e = <Item key={1} />").contains { $0.0 == .jsx })
    }

    @Test func optionalChainingBeforeDigitIsConditional() {
        #expect(tokens(of: "a?.b").map(\.1) == ["a", "?.", "b"])
        #expect(tokens(of: "a?.5:1").map(\.1) == ["a", "?", ".5", ":", "1"])
    }

    @Test func byteOrderMarkAndHashbangAreSkipped() {
        #expect(tokens(of: "\u{FEFF}#!/usr/bin/env node\nx").map(\.1) == ["x"])
    }

    @Test func stringEscapesAreDecoded() {
        let file = TokenizedFile(bytes: Array(#"'a\'b\n\u0041\u{1F600}\x41'"#.utf8))
        #expect(file.literalValue(of: file.tokens[0]) == "a'b\nA😀A")
    }
}
