import Testing

@testable import PythonAnalysis

/// The body scan over the first function of a source text, with its first parameter.
private struct ScannedBody {
    /// True when the scan ends at the `dedent` just before the token `after`, which each
    /// source puts at level 0 after the function.
    var endsBeforeAfter: Bool
    var deepestLevel: Int
    var mayAssignAttribute: Bool
    /// The text of each attribute line's first token, with the line's level.
    var attributeLines: [String]
    var attributeLinesParseAlone: Bool

    /// Returns `nil` when the scan returns `nil`, so the body is parsed at once.
    static func scan(_ source: String, firstParameter: String? = "self") -> ScannedBody? {
        let file = TokenizedFile(bytes: Array(source.utf8))
        let tokens = file.tokens
        guard
            let colon = tokens.indices.first(where: { index in
                index + 2 < tokens.count && tokens[index].kind == .colon && tokens[index + 1].kind == .newline
                    && tokens[index + 2].kind == .indent
            })
        else { return nil }
        let name = firstParameter.map { Array($0.utf8) } ?? []
        let found = tokens.withUnsafeBufferPointer { tokens in
            file.bytes.withUnsafeBufferPointer { bytes in
                name.withUnsafeBufferPointer { name in
                    BodyScan.scan(
                        tokens, bytes: bytes, from: colon + 3, firstParameter: firstParameter == nil ? nil : name)
                }
            }
        }
        guard let (end, scan) = found else { return nil }
        let lines = scan.attributeLines.map { "\(file.text(of: tokens[$0.start]))@\($0.level)" }
        return ScannedBody(
            endsBeforeAfter: tokens[end].kind == .dedent && end + 1 < tokens.count
                && file.text(of: tokens[end + 1]) == "after",
            deepestLevel: scan.deepestLevel, mayAssignAttribute: scan.mayAssignFirstParameterAttribute,
            attributeLines: lines, attributeLinesParseAlone: scan.attributeLinesParseAlone)
    }
}

@Suite struct BodyScanTests {
    @Test func attributeAssignmentIsFound() throws {
        let body = try #require(ScannedBody.scan("def f(self):\n    y = 1\n    self.x = y\nafter\n"))
        #expect(body.endsBeforeAfter)
        #expect(body.deepestLevel == 1)
        #expect(body.mayAssignAttribute)
        #expect(body.attributeLines == ["self@1"])
        #expect(body.attributeLinesParseAlone)
    }

    /// Each line with the first token of the attribute line it makes, or `nil` for none.
    @Test(
        arguments: [
            ("self.x[0] = 1", "self"), ("f(self.x, y=1)", nil), ("foo(a)[self.b] = 2", "foo"), ("(self).x = 3", "("),
            ("x = self.y", nil), ("self.x == 1", nil), ("other.x = 1", nil), ("selfish.x = 1", nil),
            ("[self.a, b] = c", "["), ("d[(self.a)] = e", "d"), ("g(h=self.a)", nil), ("f(a))[self.b] = 1", "f"),
        ] as [(String, String?)])
    func assignmentNeedsTopLevelEqual(line: String, firstToken: String?) throws {
        let body = try #require(ScannedBody.scan("def f(self):\n    \(line)\nafter\n"))
        #expect(body.endsBeforeAfter)
        #expect(body.mayAssignAttribute == (firstToken != nil))
        #expect(body.attributeLines == (firstToken.map { ["\($0)@1"] } ?? []))
    }

    @Test func nestedBlocksSetLevels() throws {
        let source = """
            def f(self):
                if a:
                    for b in c:
                        self.d = b
                while e: self.g = 1
            after

            """
        let body = try #require(ScannedBody.scan(source))
        #expect(body.endsBeforeAfter)
        #expect(body.deepestLevel == 3)
        #expect(body.attributeLines == ["self@3", "while@1"])
        #expect(!body.attributeLinesParseAlone)
    }

    @Test func softKeywordParameterIsFound() throws {
        let body = try #require(ScannedBody.scan("def f(type):\n    type.x = 1\nafter\n", firstParameter: "type"))
        #expect(body.mayAssignAttribute)
        #expect(body.attributeLines == ["type@1"])
    }

    @Test func noFirstParameterAssignsNothing() throws {
        let body = try #require(ScannedBody.scan("def f():\n    self.x = 1\nafter\n", firstParameter: nil))
        #expect(body.endsBeforeAfter)
        #expect(!body.mayAssignAttribute)
        #expect(body.attributeLines.isEmpty)
    }

    @Test(arguments: [
        "def g():\n        pass", "x = 1; def g(): pass", "global x", "y = 1; nonlocal x", "class C: pass",
        "match x:\n        case 1: pass", "match = 1",
    ])
    func bodyIsParsedAtOnce(line: String) {
        #expect(ScannedBody.scan("def f(self):\n    y = 2\n    \(line)\nafter\n") == nil)
    }

    @Test(arguments: ["x = match", "type = 1", "case = 2", "y = [x for x in z if x]", "@property"])
    func otherLinesKeepBodyDeferred(line: String) throws {
        let body = try #require(ScannedBody.scan("def f(self):\n    \(line)\nafter\n"))
        #expect(body.endsBeforeAfter)
    }

    @Test func unclosedBracketEndsAtEndOfFile() throws {
        // The tokenizer closes the block at the end of the file, so the scan ends there.
        let body = try #require(ScannedBody.scan("def f(self):\n    self.x = (1,\n"))
        #expect(!body.endsBeforeAfter)
        #expect(body.attributeLines == ["self@1"])
    }
}
