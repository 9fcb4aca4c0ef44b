import Diagnostics
import Testing

@testable import Documents

@Suite struct JSONDocumentTests {
    @Test func cloudFormationTemplatePositions() throws {
        let text = """
            {
              "AWSTemplateFormatVersion": "2010-09-09",
              "Resources": {
                "Fn": {
                  "Type": "AWS::Lambda::Function",
                  "Properties": {
                    "Role": {"Fn::GetAtt": ["FnRole", "Arn"]},
                    "Table": {"Ref": "Table"}
                  }
                }
              }
            }
            """
        let root = try parsed(text).root
        let properties = try #require(root["Resources"]?["Fn"]?["Properties"])
        let getAtt = try #require(properties["Role"]?["Fn::GetAtt"]?.sequence)
        #expect(getAtt.map(\.scalar) == ["FnRole", "Arn"])
        #expect(getAtt[0].location == SourceLocation(file: "t.yaml", line: 7, column: 33))
        #expect(getAtt[0].content == .scalar("FnRole", .doubleQuoted))
        let reference = try #require(properties["Table"]?["Ref"])
        #expect(reference.location == SourceLocation(file: "t.yaml", line: 8, column: 26))
        #expect(root["Resources"]?.location == SourceLocation(file: "t.yaml", line: 3, column: 16))
    }

    @Test func minifiedJSON() throws {
        let root = try parsed(#"{"a":1,"b":[true,null,"x"],"c":{"d":-2.5e3}}"#).root
        #expect(root["a"]?.content == .scalar("1", .plain))
        #expect(root["b"]?.sequence?.map(\.scalar) == ["true", "null", "x"])
        #expect(root["b"]?.sequence?[1].isNull == true)
        #expect(root["c"]?["d"]?.scalar == "-2.5e3")
        #expect(root["c"]?["d"]?.location.column == 37)
    }

    @Test(arguments: [
        "{\n\t\"a\": [\n\t\t1,\n\t\t2\n\t]\n}\n",
        "\t{\"a\": [1, 2]}\t\n\t\n",
        "{\"a\":\t[1,\t2]\t}",
        "\t\n[\n\t{\"a\": [1, 2]}\n]",
    ])
    func tabsAsWhiteSpace(_ text: String) throws {
        let root = try parsed(text).root
        let object = root.sequence?.first ?? root
        #expect(object["a"]?.sequence?.map(\.scalar) == ["1", "2"])
    }

    @Test func tabInsideStringKept() throws {
        let root = try parsed("{\"a\":\t\"x\ty\"}").root
        #expect(root["a"]?.scalar == "x\ty")
    }

    @Test func escapes() throws {
        let root = try parsed(#"{"a": "http:\/\/x\u00e9\n\"q\"\\", "b": "\ud83d\ude00"}"#).root
        #expect(root["a"]?.scalar == "http://x\u{e9}\n\"q\"\\")
        #expect(root["b"]?.scalar == "\u{1F600}")
    }

    @Test func iamPolicy() throws {
        let text = """
            {
            \t"Version": "2012-10-17",
            \t"Statement": [{
            \t\t"Effect": "Allow",
            \t\t"Action": ["s3:GetObject"],
            \t\t"Resource": "arn:aws:s3:::bucket/*",
            \t\t"Condition": {"StringEquals": {"aws:PrincipalTag/team": "a b"}}
            \t}]
            }
            """
        let root = try parsed(text).root
        let statement = try #require(root["Statement"]?.sequence?.first)
        #expect(statement["Resource"]?.scalar == "arn:aws:s3:::bucket/*")
        #expect(statement["Condition"]?["StringEquals"]?["aws:PrincipalTag/team"]?.scalar == "a b")
        #expect(statement["Effect"]?.location == SourceLocation(file: "t.yaml", line: 4, column: 13))
    }

    @Test func syntaxErrorPosition() throws {
        let error = try #require(parseError("{\n  \"a\": 1\n  \"b\": 2\n}"))
        #expect(error.code == .yamlSyntax)
        #expect(error.location.line == 3)
    }
}

@Suite struct JSONFallbackTests {
    @Test(arguments: [
        "{\"" + String(repeating: "k", count: 1100) + "\": [1, \"x\"]}",
        "{\"k\"\n  : [1, \"x\"]}",
        "\u{FEFF}{\"k\"\n  : [1, \"x\"]}",
        "{\"k\"\n  : [1, \"\\ud83d\\ude00x\"]}",
    ])
    func validJSONReadWithoutPositions(_ text: String) throws {
        let document = try parsed(text)
        let pair = try #require(document.root.mapping?.first)
        let items = try #require(pair.value.sequence)
        #expect(items.first?.content == .scalar("1", .plain))
        #expect(items.last?.scalar?.hasSuffix("x") == true)
        #expect(items.last?.content == .scalar(items.last?.scalar ?? "", .doubleQuoted))
        #expect(pair.value.location == SourceLocation(file: "t.yaml"))
        #expect(document.warnings.map(\.code) == [.positionsUnavailable])
    }

    @Test func escapesKeptInFallback() throws {
        let document = try parsed("{\"k\"\n  : \"\\ud83d\\ude00\\t\"}")
        #expect(document.root["k"]?.scalar == "\u{1F600}\t")
    }

    @Test func invalidJSONKeepsYAMLError() throws {
        let error = try #require(parseError("{\"k\"\n  : [1, }"))
        #expect(error.code == .yamlSyntax)
        #expect(error.message.hasPrefix("invalid YAML"))
        #expect(error.location.line == 2)
    }
}
