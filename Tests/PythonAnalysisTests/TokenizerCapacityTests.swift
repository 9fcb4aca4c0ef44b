import Testing

@testable import PythonAnalysis

/// `TokenizedFile` first makes room for one token per four bytes of source and tokenizes a
/// second time when a file has more. These files have more.
@Suite struct TokenizerCapacityTests {
    @Test(arguments: [1, 7, 8, 9, 100, 5000])
    func denseOperatorsAreAllKept(count: Int) {
        let source = Array(String(repeating: "a,", count: count).utf8)
        let file = TokenizedFile(bytes: source)
        // A name and a comma per pair, then `newline` and `endOfFile`.
        #expect(file.tokens.count == 2 * count + 2)
        for (index, token) in file.tokens.prefix(2 * count).enumerated() {
            #expect(token.kind == (index % 2 == 0 ? .name : .comma))
            #expect(token.start == Int32(index))
            #expect(token.end == Int32(index + 1))
        }
        #expect(file.tokens[2 * count].kind == .newline)
        #expect(file.tokens.last?.kind == .endOfFile)
        #expect(file.tokens.last?.start == Int32(source.count))
    }

    @Test func deepBlocksEndInDedents() {
        let depth = 300
        var source = ""
        for level in 0..<depth { source += String(repeating: " ", count: level) + "if a:\n" }
        source += String(repeating: " ", count: depth) + "b"
        let file = TokenizedFile(bytes: Array(source.utf8))
        let kinds = file.tokens.map(\.kind)
        #expect(kinds.filter { $0 == .indent }.count == depth)
        #expect(kinds.filter { $0 == .dedent }.count == depth)
        #expect(kinds.suffix(depth + 1).dropLast().allSatisfy { $0 == .dedent })
        #expect(kinds.last == .endOfFile)
        #expect(file.lineStarts.count == depth + 1)
    }

    @Test func tokensMatchOneTokenPerByte() {
        let source = Array("((((((((x))))))))".utf8)
        let file = TokenizedFile(bytes: source)
        #expect(file.tokens.count == source.count + 2)
        #expect(file.tokens.map(\.start).prefix(source.count) == ArraySlice((0..<Int32(source.count))))
    }
}
