import Testing

@testable import Documents

@Suite struct ByteOrderMarkTests {
    @Test func markedTemplateKeepsEveryTopLevelKey() throws {
        let text =
            "\u{FEFF}Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n"
        let document = try DocumentReader.read(bytes: Array(text.utf8), displayPath: "template.yaml")
        #expect(document.root["Transform"]?.scalar == "AWS::Serverless-2016-10-31")
        #expect(document.root["Resources"]?["Fn"]?["Type"]?.scalar == "AWS::Serverless::Function")
        #expect(document.warnings.isEmpty)
        #expect(document.root["Resources"]?.location.line == 3)
        #expect(document.root["Transform"]?.location.column == 12)
    }
}

@Suite struct AliasTextLimitTests {
    @Test func largeScalarRepeatedByAliasesIsRejected() {
        let big = String(repeating: "x", count: 1_000_000)
        let uses = Array(repeating: "*big", count: 40).joined(separator: ", ")
        let text = "a: &big \"\(big)\"\nb: [\(uses)]\n"
        #expect(throws: DocumentError.self) {
            try DocumentReader.read(bytes: Array(text.utf8), displayPath: "t.yaml")
        }
    }

    @Test func smallAliasesStayAllowed() throws {
        let text = "a: &name orders\nb: [*name, *name, *name]\n"
        let document = try DocumentReader.read(bytes: Array(text.utf8), displayPath: "t.yaml")
        #expect(document.root["b"]?.sequence?.count == 3)
    }
}
