import Testing

@testable import DeploymentModel

@Suite struct SubVariableTests {
    @Test(arguments: ["!Sub '${${Table}}'", "!Sub 'a${}b'"])
    func malformedVariableIsAnError(expression: String) throws {
        let text = """
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
              Probe:
                Type: Custom::Probe
                Properties:
                  Value: \(expression)
            """
        let loaded = try LoadedTemplate(text)
        guard case .unknown? = loaded.probe() else {
            Issue.record("expected an unknown value, got \(String(describing: loaded.probe()))")
            return
        }
        #expect(loaded.messages(.error).contains { $0.contains("Fn::Sub expects") })
    }
}
