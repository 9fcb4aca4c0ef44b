import Diagnostics
import Documents
import Testing

@testable import PolicyModel

private func read(_ text: String) throws -> (documents: [PolicyDocument], diagnostics: [Diagnostic]) {
    let root = try DocumentReader.parse(bytes: Array(text.utf8), displayPath: "policy.json")
    let sink = DiagnosticSink()
    return (PolicyReader(diagnostics: sink).policies(inFile: root), sink.diagnostics)
}

@Test func readsStatementsWithTheirLines() throws {
    let (documents, diagnostics) = try read(
        """
        {
          "Version": "2012-10-17",
          "Statement": [
            {"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"},
            {"Effect": "Deny", "NotAction": ["iam:*", "sts:*"], "NotResource": "*",
             "Condition": {"Bool": {"aws:SecureTransport": false}}}
          ]
        }
        """)
    #expect(diagnostics.isEmpty)
    let statements = try #require(documents.first).statements
    #expect(statements.count == 2)
    #expect(statements[0].sid == "Read")
    #expect(statements[0].location?.line == 4)
    #expect(statements[0].resources.map(\.description) == ["arn:aws:s3:::b/*"])
    #expect(statements[1].effect == .deny)
    #expect(statements[1].isNotAction)
    #expect(statements[1].isNotResource)
    #expect(statements[1].actions == ["iam:*", "sts:*"])
    #expect(statements[1].conditions.first?.values.map(\.description) == ["false"])
}

@Test func readsPrincipalsAndSingleStatementObjects() throws {
    let (documents, _) = try read(
        """
        {"Statement": {"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::1:role/R"], "Service": "lambda.amazonaws.com"},
          "Action": "sts:AssumeRole"}}
        """)
    let statement = try #require(documents.first?.statements.first)
    #expect(statement.principal?.entries["AWS"] == ["arn:aws:iam::1:role/R"])
    #expect(statement.principal?.entries["Service"] == ["lambda.amazonaws.com"])
    #expect(documents.first?.version == nil)
}

@Test(arguments: [
    #"[{"Statement": []}, {"Statement": []}]"#,
    #"{"PolicyVersion": {"Document": {"Statement": []}}}"#,
    #"{"RoleName": "R", "PolicyName": "P", "PolicyDocument": {"Statement": []}}"#,
])
func readsTheShapesTheCLIPrints(text: String) throws {
    let (documents, diagnostics) = try read(text)
    #expect(!documents.isEmpty)
    #expect(diagnostics.isEmpty)
}

@Test(arguments: [
    (#"{"Statement": [{"Action": "s3:GetObject", "Resource": "*"}]}"#, "Effect must be"),
    (#"{"Statement": [{"Effect": "allow", "Action": "s3:GetObject"}]}"#, "Effect must be"),
    (#"{"Statement": [{"Effect": "Allow", "Resource": "*"}]}"#, "no Action or NotAction"),
    (#"{"Statement": [{"Effect": "Allow", "Action": "a:b", "NotAction": "c:d"}]}"#, "both Action and NotAction"),
    (#"{"Statement": [{"Effect": "Allow", "Action": {"a": "b"}}]}"#, "string or a list of strings"),
    (#"{"Version": "2012-10-17"}"#, "no Statement"),
    (#""text""#, "a policy file holds"),
])
func reportsStatementsItCannotRead(text: String, message: String) throws {
    let (documents, diagnostics) = try read(text)
    #expect(documents.allSatisfy { $0.statements.isEmpty })
    let first = try #require(diagnostics.first)
    #expect(first.message.contains(message), "\(first.message)")
    #expect(first.location?.file == "policy.json")
}

@Test func warnsAboutUnknownElements() throws {
    let (documents, diagnostics) = try read(
        #"{"Statement": [{"Effect": "Allow", "Actions": "s3:*", "Action": "s3:GetObject"}]}"#)
    #expect(documents.first?.statements.count == 1)
    #expect(diagnostics.map(\.code) == [.unknownPolicyElement])
}
