import Diagnostics
import Testing

@testable import Documents

func parsed(_ text: String, limits: DocumentLimits = .default) throws -> ParsedDocument {
    try DocumentReader.read(bytes: Array(text.utf8), displayPath: "t.yaml", limits: limits)
}

func parseError(_ text: String, limits: DocumentLimits = .default) -> DocumentError? {
    parseError(bytes: Array(text.utf8), limits: limits)
}

func parseError(bytes: [UInt8], limits: DocumentLimits = .default) -> DocumentError? {
    do {
        _ = try DocumentReader.read(bytes: bytes, displayPath: "t.yaml", limits: limits)
        return nil
    } catch {
        return error
    }
}

struct TagCase: CustomTestStringConvertible, Sendable {
    var path: [String]
    var tag: String?
    var text: String?
    var line: Int
    var column: Int
    var testDescription: String { path.joined(separator: ".") }
}

@Suite struct YAMLTagTests {
    static let template = """
        Resources:
          Fn:
            Properties:
              Role: !GetAtt FnRole.Arn
              Long:
                Fn::GetAtt: [FnRole, Arn]
              Name: !Sub "${AWS::StackName}-fn"
              Table: !Ref Table
              Pick: !If [IsProd, a, b]
        """

    static let cases: [TagCase] = [
        TagCase(path: ["Role"], tag: "!GetAtt", text: "FnRole.Arn", line: 4, column: 13),
        TagCase(path: ["Name"], tag: "!Sub", text: "${AWS::StackName}-fn", line: 7, column: 13),
        TagCase(path: ["Table"], tag: "!Ref", text: "Table", line: 8, column: 14),
        TagCase(path: ["Pick"], tag: "!If", text: nil, line: 9, column: 13),
        TagCase(path: ["Long"], tag: nil, text: nil, line: 6, column: 9),
        TagCase(path: ["Long", "Fn::GetAtt"], tag: nil, text: nil, line: 6, column: 21),
    ]

    @Test(arguments: cases) func tagAndPosition(_ testCase: TagCase) throws {
        let root = try parsed(Self.template).root
        var node = try #require(root["Resources"]?["Fn"]?["Properties"])
        for key in testCase.path { node = try #require(node[key]) }
        #expect(node.tag == testCase.tag)
        #expect(node.scalar == testCase.text)
        #expect(node.location.line == testCase.line)
        #expect(node.location.column == testCase.column)
        #expect(node.location.file == "t.yaml")
    }

    @Test func shortFormIfItems() throws {
        let root = try parsed(Self.template).root
        let items = try #require(root["Resources"]?["Fn"]?["Properties"]?["Pick"]?.sequence)
        #expect(items.map(\.scalar) == ["IsProd", "a", "b"])
        #expect(items.map(\.location.column) == [18, 26, 29])
    }

    @Test func longFormGetAttItems() throws {
        let root = try parsed(Self.template).root
        let items = try #require(root["Resources"]?["Fn"]?["Properties"]?["Long"]?["Fn::GetAtt"]?.sequence)
        #expect(items.map(\.scalar) == ["FnRole", "Arn"])
        #expect(items[1].location == SourceLocation(file: "t.yaml", line: 6, column: 30))
    }

    @Test func mappingOrderKept() throws {
        let root = try parsed("b: 1\na: 2\nc: 3\n").root
        #expect(root.mapping?.map(\.key.scalar) == ["b", "a", "c"])
    }

    @Test func scalarStyles() throws {
        let root = try parsed("p: x\ns: 'x'\nd: \"x\"\nl: |\n  x\nf: >\n  x\n").root
        #expect(root["p"]?.content == .scalar("x", .plain))
        #expect(root["s"]?.content == .scalar("x", .singleQuoted))
        #expect(root["d"]?.content == .scalar("x", .doubleQuoted))
        #expect(root["l"]?.content == .scalar("x\n", .literal))
        #expect(root["f"]?.content == .scalar("x\n", .folded))
    }

    @Test func standardTagsResolved() throws {
        let root = try parsed("a: !!str 12\nb: !!int \"7\"\nc: !!map {x: 1}\nd: !Custom x\n").root
        #expect(root["a"]?.tag == nil)
        #expect(root["a"]?.content == .scalar("12", .doubleQuoted))
        #expect(root["b"]?.tag == nil)
        #expect(root["b"]?.content == .scalar("7", .plain))
        #expect(root["c"]?.tag == nil)
        #expect(root["c"]?["x"]?.scalar == "1")
        #expect(root["d"]?.tag == "!Custom")
    }

    @Test func taggedSequenceAndEmptyValue() throws {
        let root = try parsed("Cond: !Equals [!Ref Env, prod]\nEmpty:\n").root
        let items = try #require(root["Cond"]?.sequence)
        #expect(root["Cond"]?.tag == "!Equals")
        #expect(items.first?.tag == "!Ref")
        #expect(items.first?.scalar == "Env")
        #expect(root["Empty"]?.isNull == true)
    }
}

@Suite struct YAMLMergeKeyTests {
    @Test func explicitKeysWin() throws {
        let text = """
            defaults: &defaults
              runtime: python3.12
              timeout: 3
            functions:
              api:
                <<: *defaults
                timeout: 10
            """
        let document = try parsed(text)
        let api = try #require(document.root["functions"]?["api"])
        #expect(api.mapping?.map(\.key.scalar) == ["runtime", "timeout"])
        #expect(api["timeout"]?.scalar == "10")
        #expect(api["runtime"]?.location == SourceLocation(file: "t.yaml", line: 2, column: 12))
        #expect(document.warnings.isEmpty)
    }

    @Test func sequenceOfMappingsInOrder() throws {
        let root = try parsed("a: &a {x: 1, y: 1}\nb: &b {y: 2, z: 2}\nc:\n  <<: [*a, *b]\n  w: 0\n").root
        let merged = try #require(root["c"])
        #expect(merged.mapping?.map(\.key.scalar) == ["x", "y", "z", "w"])
        #expect(merged["y"]?.scalar == "1")
    }

    @Test func quotedKeyNotMerged() throws {
        let root = try parsed("a: {\"<<\": {x: 1}}\n").root
        #expect(root["a"]?.mapping?.map(\.key.scalar) == ["<<"])
    }

    @Test func scalarMergeValueRejected() throws {
        let error = try #require(parseError("a:\n  <<: text\n"))
        #expect(error.code == .yamlSyntax)
        #expect(error.location == SourceLocation(file: "t.yaml", line: 2, column: 7))
        #expect(error.message.contains("merge key"))
    }
}
