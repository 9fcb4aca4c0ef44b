import Testing

@testable import PythonAnalysis

/// One source text with its whole token stream, line table and problems written out.
struct TokenStreamCase: CustomTestStringConvertible, Sendable {
    var name: String
    var source: [UInt8]
    /// Each token as `kind@start-end:line`, with `/keyword` after a keyword name, separated by
    /// spaces or line breaks.
    var tokens: String
    var lineStarts: [Int32]
    /// Each problem as `kind@offset:line`, separated by spaces or line breaks.
    var problems: String = ""
    var testDescription: String { name }

    init(_ name: String, _ source: String, tokens: String, lineStarts: [Int32], problems: String = "") {
        self.init(name, Array(source.utf8), tokens: tokens, lineStarts: lineStarts, problems: problems)
    }

    init(_ name: String, _ source: [UInt8], tokens: String, lineStarts: [Int32], problems: String = "") {
        self.name = name
        self.source = source
        self.tokens = tokens
        self.lineStarts = lineStarts
        self.problems = problems
    }
}

/// Describes a tokenized file's tokens and problems in the notation of `TokenStreamCase`.
func describe(_ file: TokenizedFile) -> (tokens: [String], problems: [String]) {
    let tokens = file.tokens.map { token in
        let keyword = token.keyword == .none ? "" : "/\(token.keyword.text)"
        return "\(token.kind)@\(token.start)-\(token.end):\(token.line)\(keyword)"
    }
    let problems = file.problems.map { "\($0.kind)@\($0.offset):\($0.line)" }
    return (tokens, problems)
}

private func words(_ text: String) -> [String] {
    text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
}

@Suite struct TokenizerCorpusTests {
    @Test(arguments: TokenStreamCase.corpus)
    func tokenStreamMatches(_ testCase: TokenStreamCase) {
        let file = TokenizedFile(bytes: testCase.source)
        let (tokens, problems) = describe(file)
        #expect(tokens == words(testCase.tokens))
        #expect(file.lineStarts == testCase.lineStarts)
        #expect(problems == words(testCase.problems))
        #expect(file.problemCount == file.problems.count)
    }
}

extension TokenStreamCase {
    static let corpus: [TokenStreamCase] = [
        TokenStreamCase(
            "string prefixes",
            "r'a' u'b' R'c' U'd' b'e' B'f' br'g' bR'h' Br'i' BR'j' rb'k' rB'l' Rb'm' RB'n'\n"
                + "f'o' F'p' fr'q' fR'r' Fr's' FR't' rf'u' rF'v' Rf'w' RF'x' t'y' T'z' tr'a' rt'b' Tr'c'\n"
                + "ub'd' bu'e' ur'f' fb'g' bf'h' tb'i' rbf'j' ff'k' x'l' _'m' rb\"n\" u\"\"\"o\"\"\"\n",

            tokens: """
                string@0-4:1 string@5-9:1 string@10-14:1 string@15-19:1 string@20-24:1 string@25-29:1
                string@30-35:1 string@36-41:1 string@42-47:1 string@48-53:1 string@54-59:1 string@60-65:1
                string@66-71:1 string@72-77:1 newline@77-77:1 string@78-82:2 string@83-87:2 string@88-93:2
                string@94-99:2 string@100-105:2 string@106-111:2 string@112-117:2 string@118-123:2
                string@124-129:2 string@130-135:2 string@136-140:2 string@141-145:2 string@146-151:2
                string@152-157:2 string@158-163:2 newline@163-163:2 name@164-166:3 string@166-169:3
                name@170-172:3 string@172-175:3 name@176-178:3 string@178-181:3 name@182-184:3 string@184-187:3
                name@188-190:3 string@190-193:3 name@194-196:3 string@196-199:3 name@200-203:3 string@203-206:3
                string@207-212:3 name@213-214:3 string@214-217:3 name@218-219:3 string@219-222:3
                string@223-228:3 string@229-237:3 newline@237-237:3 endOfFile@238-238:4
                """,
            lineStarts: [0, 78, 164, 238]),
        TokenStreamCase(
            "f-string fields and specifications",
            "f\"{a!r:>{width}.{prec}} {b=} {{x}} {c:{'{'}}} {d:%Y-%m}\"\n"
                + "f\"{f\"{x}\"}\" f'{ {\"k\": 1}[\"k\"] }' f'{(y:=2)}' f'{z:=^10}' f'{w[1:2]}'\n"
                + "F'{a:{b:{c}}}' rf'\\{x}' f'{\"a\" \"b\"}' t'{name!s}' f'{x}}' f'{'\n",

            tokens: """
                string@0-56:1 newline@56-56:1 string@57-68:2 string@69-89:2 string@90-101:2 string@102-113:2
                string@114-125:2 newline@125-125:2 string@126-140:3 string@141-149:3 string@150-162:3
                string@163-174:3 string@175-182:3 string@183-187:3 newline@187-187:3 endOfFile@188-188:4
                """,
            lineStarts: [0, 57, 126, 188], problems: "unterminatedString@186:3"),
        TokenStreamCase(
            "multi-line f-strings",
            "x = f'''a {b\n+ c} d\n{e:\n>10}'''\nf\"\"\"{f'''{g}'''}\"\"\"\ny = f'{\n1}'\n",

            tokens: """
                name@0-1:1 equal@2-3:1 string@4-31:4 newline@31-31:4 string@32-51:5 newline@51-51:5 name@52-53:6
                equal@54-55:6 string@56-63:7 newline@63-63:7 endOfFile@64-64:8
                """,
            lineStarts: [0, 13, 20, 24, 32, 52, 60, 64]),
        TokenStreamCase(
            "triple quotes",
            "'''a\n\"b\"\n''c'''\n\"\"\"\\\"\"\"\"\"\"\n'' \"\" '''''' \"\"\"\"\"\" 's\\'t' \"\\\\\"\n'a\\\nb'\n",

            tokens: """
                string@0-15:3 newline@15-15:3 string@16-24:4 string@24-26:4 newline@26-26:4 string@27-29:5
                string@30-32:5 string@33-39:5 string@40-46:5 string@47-53:5 string@54-58:5 newline@58-58:5
                string@59-65:7 newline@65-65:7 endOfFile@66-66:8
                """,
            lineStarts: [0, 5, 9, 16, 27, 59, 63, 66]),
        TokenStreamCase(
            "continuations",
            "a = 1 + \\\n  2\nb = \\\r\n3\nc = \\ 4\n(d,\\\ne)\n\\\n\n  \\\nf\n",

            tokens: """
                name@0-1:1 equal@2-3:1 number@4-5:1 plus@6-7:1 number@12-13:2 newline@13-13:2 name@14-15:3
                equal@16-17:3 number@21-22:4 newline@22-22:4 name@23-24:5 equal@25-26:5 invalid@27-28:5
                number@29-30:5 newline@30-30:5 leftParenthesis@31-32:6 name@32-33:6 comma@33-34:6 name@36-37:7
                rightParenthesis@37-38:7 newline@38-38:7 indent@44-44:10 name@46-47:11 newline@47-47:11
                dedent@48-48:12 endOfFile@48-48:12
                """,
            lineStarts: [0, 10, 14, 21, 23, 31, 36, 39, 41, 42, 46, 48], problems: "invalidCharacter@27:5"),
        TokenStreamCase(
            "CRLF and lone CR",
            "if a:\r\n    b = [1,\r\n2]\r\n\r\n    c\rd\r\n'x\r\ny'\r\n",

            tokens: """
                name@0-2:1/if name@3-4:1 colon@4-5:1 newline@5-5:1 indent@11-11:2 name@11-12:2 equal@13-14:2
                leftBracket@15-16:2 number@16-17:2 comma@17-18:2 number@20-21:3 rightBracket@21-22:3
                newline@22-22:3 name@30-31:5 newline@31-31:5 dedent@32-32:6 name@32-33:6 newline@33-33:6
                string@35-37:7 newline@37-37:7 name@39-40:8 string@40-41:8 newline@41-41:8 endOfFile@43-43:9
                """,
            lineStarts: [0, 7, 20, 24, 26, 32, 35, 39, 43], problems: "unterminatedString@35:7 unterminatedString@40:8"),
        TokenStreamCase(
            "tabs and form feeds",
            "if a:\n\tb\n        c\n\u{0C}d\nif e:\n  \u{0C}  f\n \t g\n\th\u{0B}i\n",

            tokens: """
                name@0-2:1/if name@3-4:1 colon@4-5:1 newline@5-5:1 indent@7-7:2 name@7-8:2 newline@8-8:2
                name@17-18:3 newline@18-18:3 dedent@20-20:4 name@20-21:4 newline@21-21:4 name@22-24:5/if
                name@25-26:5 colon@26-27:5 newline@27-27:5 indent@33-33:6 name@33-34:6 newline@34-34:6
                indent@38-38:7 name@38-39:7 newline@39-39:7 dedent@41-41:8 name@41-42:8 invalid@42-43:8
                name@43-44:8 newline@44-44:8 dedent@45-45:9 endOfFile@45-45:9
                """,
            lineStarts: [0, 6, 9, 19, 22, 28, 35, 40, 45], problems: "inconsistentDedent@41:8 invalidCharacter@42:8"),
        TokenStreamCase(
            "indentation",
            "class A:\n    def f(self):\n        if x:\n            pass\n\n   # c\n        y\n  z\nw\n"
                + "if q:\n    r\n  s\n",

            tokens: """
                name@0-5:1/class name@6-7:1 colon@7-8:1 newline@8-8:1 indent@13-13:2 name@13-16:2/def
                name@17-18:2 leftParenthesis@18-19:2 name@19-23:2 rightParenthesis@23-24:2 colon@24-25:2
                newline@25-25:2 indent@34-34:3 name@34-36:3/if name@37-38:3 colon@38-39:3 newline@39-39:3
                indent@52-52:4 name@52-56:4/pass newline@56-56:4 dedent@73-73:7 name@73-74:7 newline@74-74:7
                dedent@77-77:8 dedent@77-77:8 name@77-78:8 newline@78-78:8 name@79-80:9 newline@80-80:9
                name@81-83:10/if name@84-85:10 colon@85-86:10 newline@86-86:10 indent@91-91:11 name@91-92:11
                newline@92-92:11 dedent@95-95:12 name@95-96:12 newline@96-96:12 endOfFile@97-97:13
                """,
            lineStarts: [0, 9, 26, 40, 57, 58, 65, 75, 79, 81, 87, 93, 97],
            problems: "inconsistentDedent@77:8 inconsistentDedent@95:12"),
        TokenStreamCase(
            "dedents at end of file",
            "def f():\n    if a:\n        b",

            tokens: """
                name@0-3:1/def name@4-5:1 leftParenthesis@5-6:1 rightParenthesis@6-7:1 colon@7-8:1 newline@8-8:1
                indent@13-13:2 name@13-15:2/if name@16-17:2 colon@17-18:2 newline@18-18:2 indent@27-27:3
                name@27-28:3 newline@28-28:3 dedent@28-28:3 dedent@28-28:3 endOfFile@28-28:3
                """,
            lineStarts: [0, 9, 19]),
        TokenStreamCase(
            "numbers",
            "1e-3 0x1e-3 1.5j 1_000.0E+10 .5 5. 0b101 0o17 1e 1.e5 0xE+1 9.x 07\n",

            tokens: """
                number@0-4:1 number@5-9:1 minus@9-10:1 number@10-11:1 number@12-16:1 number@17-28:1
                number@29-31:1 number@32-34:1 number@35-40:1 number@41-45:1 number@46-48:1 number@49-53:1
                number@54-57:1 plus@57-58:1 number@58-59:1 number@60-63:1 number@64-66:1 newline@66-66:1
                endOfFile@67-67:2
                """,
            lineStarts: [0, 67]),
        TokenStreamCase(
            "operators",
            "+= -= *= /= //= %= @= &= |= ^= >>= <<= **= == != <= >= < > << >> ~ -> := ... . , ; : @ "
                + "+ - * ** / // % & | ^ = ! .. a.b\n",

            tokens: """
                augmentedAssignment@0-2:1 augmentedAssignment@3-5:1 augmentedAssignment@6-8:1
                augmentedAssignment@9-11:1 augmentedAssignment@12-15:1 augmentedAssignment@16-18:1
                augmentedAssignment@19-21:1 augmentedAssignment@22-24:1 augmentedAssignment@25-27:1
                augmentedAssignment@28-30:1 augmentedAssignment@31-34:1 augmentedAssignment@35-38:1
                augmentedAssignment@39-42:1 otherOperator@43-45:1 otherOperator@46-48:1 otherOperator@49-51:1
                otherOperator@52-54:1 otherOperator@55-56:1 otherOperator@57-58:1 otherOperator@59-61:1
                otherOperator@62-64:1 otherOperator@65-66:1 arrow@67-69:1 walrus@70-72:1 ellipsis@73-76:1
                dot@77-78:1 comma@79-80:1 semicolon@81-82:1 colon@83-84:1 at@85-86:1 plus@87-88:1 minus@89-90:1
                star@91-92:1 doubleStar@93-95:1 slash@96-97:1 otherOperator@98-100:1 percent@101-102:1
                otherOperator@103-104:1 otherOperator@105-106:1 otherOperator@107-108:1 equal@109-110:1
                invalid@111-112:1 dot@113-114:1 dot@114-115:1 name@116-117:1 dot@117-118:1 name@118-119:1
                newline@119-119:1 endOfFile@120-120:2
                """,
            lineStarts: [0, 120], problems: "invalidCharacter@111:1"),
        TokenStreamCase(
            "brackets",
            "x = ([{\n}])\n) y\n]\nz = (\n# c\n1\n\n)\n",

            tokens: """
                name@0-1:1 equal@2-3:1 leftParenthesis@4-5:1 leftBracket@5-6:1 leftBrace@6-7:1 rightBrace@8-9:2
                rightBracket@9-10:2 rightParenthesis@10-11:2 newline@11-11:2 rightParenthesis@12-13:3
                name@14-15:3 newline@15-15:3 rightBracket@16-17:4 newline@17-17:4 name@18-19:5 equal@20-21:5
                leftParenthesis@22-23:5 number@28-29:7 rightParenthesis@31-32:9 newline@32-32:9
                endOfFile@33-33:10
                """,
            lineStarts: [0, 8, 12, 16, 18, 24, 28, 30, 31, 33]),
        TokenStreamCase(
            "keywords and near misses",
            "and as assert async await break case class continue def del elif else except finally for from\n"
                + "global if import in is lambda match nonlocal not or pass raise return try type while with yield\n"
                + "iff elsewhere continued nonlocals Def IF _if if_ a aa abcdefghi True None é x=continue",

            tokens: """
                name@0-3:1/and name@4-6:1/as name@7-13:1/assert name@14-19:1/async name@20-25:1/await
                name@26-31:1/break name@32-36:1/case name@37-42:1/class name@43-51:1/continue name@52-55:1/def
                name@56-59:1/del name@60-64:1/elif name@65-69:1/else name@70-76:1/except name@77-84:1/finally
                name@85-88:1/for name@89-93:1/from newline@93-93:1 name@94-100:2/global name@101-103:2/if
                name@104-110:2/import name@111-113:2/in name@114-116:2/is name@117-123:2/lambda
                name@124-129:2/match name@130-138:2/nonlocal name@139-142:2/not name@143-145:2/or
                name@146-150:2/pass name@151-156:2/raise name@157-163:2/return name@164-167:2/try
                name@168-172:2/type name@173-178:2/while name@179-183:2/with name@184-189:2/yield
                newline@189-189:2 name@190-193:3 name@194-203:3 name@204-213:3 name@214-223:3 name@224-227:3
                name@228-230:3 name@231-234:3 name@235-238:3 name@239-240:3 name@241-243:3 name@244-253:3
                name@254-258:3 name@259-263:3 name@264-266:3 name@267-268:3 equal@268-269:3
                name@269-277:3/continue newline@277-277:3 endOfFile@277-277:3
                """,
            lineStarts: [0, 94, 190]),
        TokenStreamCase(
            "comments",
            "# a\n  # b\nx # c\n#\ny\n# end",

            tokens: """
                name@10-11:3 newline@15-15:3 name@18-19:5 newline@19-19:5 endOfFile@25-25:6
                """,
            lineStarts: [0, 4, 10, 16, 18, 20]),
        TokenStreamCase(
            "byte order mark", "\u{FEFF}import os\n",
            tokens: """
                name@3-9:1/import name@10-12:1 newline@12-12:1 endOfFile@13-13:2
                """,
            lineStarts: [0, 13]),
        TokenStreamCase(
            "invalid characters", "a $ b ? c ` d ! \u{01} \u{7F} e\\x\n",
            tokens: """
                name@0-1:1 invalid@2-3:1 name@4-5:1 invalid@6-7:1 name@8-9:1 invalid@10-11:1 name@12-13:1
                invalid@14-15:1 invalid@16-17:1 invalid@18-19:1 name@20-21:1 invalid@21-22:1 name@22-23:1
                newline@23-23:1 endOfFile@24-24:2
                """,
            lineStarts: [0, 24],
            problems: """
                invalidCharacter@2:1 invalidCharacter@6:1 invalidCharacter@10:1 invalidCharacter@14:1
                invalidCharacter@16:1 invalidCharacter@18:1 invalidCharacter@21:1
                """),
        TokenStreamCase(
            "NUL bytes", [0x61, 0x00, 0x62, 0x0A, 0x27, 0x00, 0x27, 0x0A, 0x00],
            tokens: """
                name@0-1:1 invalid@1-2:1 name@2-3:1 newline@3-3:1 string@4-7:2 newline@7-7:2 invalid@8-9:3
                newline@9-9:3 endOfFile@9-9:3
                """,
            lineStarts: [0, 4, 8], problems: "nullByte@1:1 nullByte@8:3"),
        TokenStreamCase(
            "invalid UTF-8 in a name",
            Array("ab".utf8) + [0xFF] + Array(" = 1\nc".utf8) + [0xC0, 0x80],
            tokens: """
                name@0-3:1 equal@4-5:1 number@6-7:1 newline@7-7:1 name@8-11:2 newline@11-11:2 endOfFile@11-11:2
                """,
            lineStarts: [0, 8], problems: "invalidUTF8@2:1"),
        TokenStreamCase(
            "invalid UTF-8 in a string",
            Array("x = '".utf8) + [0xED, 0xA0, 0x80] + Array("'\ny = '\u{20AC}'\n".utf8),
            tokens: """
                name@0-1:1 equal@2-3:1 string@4-9:1 newline@9-9:1 name@10-11:2 equal@12-13:2 string@14-19:2
                newline@19-19:2 endOfFile@20-20:3
                """,
            lineStarts: [0, 10, 20], problems: "invalidUTF8@5:1"),
        TokenStreamCase(
            "truncated UTF-8 at end of file", Array("x = é".utf8) + [0xE2, 0x82],
            tokens: """
                name@0-1:1 equal@2-3:1 name@4-8:1 newline@8-8:1 endOfFile@8-8:1
                """,
            lineStarts: [0], problems: "invalidUTF8@6:1"),
        TokenStreamCase(
            "unterminated string at end of file", "x = 'abc",
            tokens: """
                name@0-1:1 equal@2-3:1 string@4-8:1 newline@8-8:1 endOfFile@8-8:1
                """,
            lineStarts: [0], problems: "unterminatedString@4:1"),
        TokenStreamCase(
            "unterminated string on a line", "x = 'abc\ny = \"d\n",
            tokens: """
                name@0-1:1 equal@2-3:1 string@4-8:1 newline@8-8:1 name@9-10:2 equal@11-12:2 string@13-15:2
                newline@15-15:2 endOfFile@16-16:3
                """,
            lineStarts: [0, 9, 16], problems: "unterminatedString@4:1 unterminatedString@13:2"),
        TokenStreamCase(
            "unterminated triple quotes at end of file", "x = '''abc\ndef",
            tokens: """
                name@0-1:1 equal@2-3:1 string@4-14:2 newline@14-14:2 endOfFile@14-14:2
                """,
            lineStarts: [0, 11], problems: "unterminatedTripleQuotedString@4:1"),
        TokenStreamCase(
            "unterminated f-string at end of file", "f'''{x}\n{y",
            tokens: """
                string@0-10:2 newline@10-10:2 endOfFile@10-10:2
                """,
            lineStarts: [0, 8], problems: "unterminatedTripleQuotedString@0:1"),
        TokenStreamCase(
            "unterminated f-string field", "x = f\"{a\ny = 1",
            tokens: """
                name@0-1:1 equal@2-3:1 string@4-14:2 newline@14-14:2 endOfFile@14-14:2
                """,
            lineStarts: [0, 9], problems: "unterminatedString@4:1"),
        TokenStreamCase(
            "unterminated string in a field", "f'{\"a}' + 1\nz\n",
            tokens: """
                string@0-11:1 newline@11-11:1 name@12-13:2 newline@13-13:2 endOfFile@14-14:3
                """,
            lineStarts: [0, 12, 14], problems: "unterminatedString@3:1"),
        TokenStreamCase(
            "backslash at end of file", "x = 1 \\",
            tokens: """
                name@0-1:1 equal@2-3:1 number@4-5:1 invalid@6-7:1 newline@7-7:1 endOfFile@7-7:1
                """,
            lineStarts: [0], problems: "invalidCharacter@6:1"),
        TokenStreamCase(
            "escape at end of file", "'ab\\",
            tokens: """
                string@0-4:1 newline@4-4:1 endOfFile@4-4:1
                """,
            lineStarts: [0], problems: "unterminatedString@0:1"),
        TokenStreamCase(
            "empty file", "",
            tokens: """
                endOfFile@0-0:1
                """,
            lineStarts: [0]),
        TokenStreamCase(
            "blank lines only", "\n  \n\t\n",
            tokens: """
                endOfFile@6-6:4
                """,
            lineStarts: [0, 1, 4, 6]),
        TokenStreamCase(
            "eight-byte words near the end",
            "abcdefgh = continue\nabcdefg.h\n'1234567'\n    x",
            tokens: """
                name@0-8:1 equal@9-10:1 name@11-19:1/continue newline@19-19:1 name@20-27:2 dot@27-28:2
                name@28-29:2 newline@29-29:2 string@30-39:3 newline@39-39:3 indent@44-44:4 name@44-45:4
                newline@45-45:4 dedent@45-45:4 endOfFile@45-45:4
                """,
            lineStarts: [0, 20, 30, 40]),
    ]
}
