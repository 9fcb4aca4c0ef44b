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
