import DeploymentModel
import IAMCatalog
import JavaScriptAnalysis
import PolicyModel
import PolicySynthesis
import PythonAnalysis
import Rendering
import TestSupport
import Testing

/// A small project written to a temporary folder: a template and handler files.
struct ProjectFixture {
    var files: [String: String]

    /// Writes the files, runs the whole pipeline and returns the result.
    func generate(parameters: [String: String] = [:]) throws -> ProjectPolicies {
        let project = TemporaryProject(files: files)
        let synthesizer = PolicySynthesizer(
            catalog: .shared, analyzers: [PythonAnalyzer(), JavaScriptAnalyzer()], platform: .bundled)
        return ProjectGeneration(
            root: project.root, parameterOverrides: parameters, functionFilter: [], synthesizer: synthesizer
        ).run()
    }
}

extension FunctionPolicy {
    /// Every grant as `action resource`, with conditions appended, for set comparisons.
    var grants: Set<String> {
        var result = Set<String>()
        for statement in statements.map(\.statement) {
            let conditions = statement.conditions.map {
                " if \($0.conditionOperator) \($0.key)=\($0.values.map(\.description).joined(separator: "|"))"
            }.joined()
            for action in statement.actions {
                for resource in statement.resources { result.insert("\(action) \(resource)\(conditions)") }
            }
        }
        return result
    }

    var actions: Set<String> { Set(statements.flatMap(\.statement.actions)) }
}

extension ProjectPolicies {
    func function(_ logicalId: String) throws -> FunctionPolicy {
        try #require(
            functions.first { $0.function.logicalId == logicalId },
            "no function \(logicalId) in \(functions.map(\.function.logicalId))")
    }
}

/// `arn:${AWS::Partition}:service:${AWS::Region}:${AWS::AccountId}:rest`.
func regionalARN(_ service: String, _ rest: String) -> String {
    "arn:${AWS::Partition}:\(service):${AWS::Region}:${AWS::AccountId}:\(rest)"
}

/// A SAM template with one Python function `Fn` whose code is `src/app.py`.
func samTemplate(
    environment: [String: String] = [:], properties: String = "", resources: String = "", globals: String = ""
) -> String {
    var text = """
        AWSTemplateFormatVersion: "2010-09-09"
        Transform: AWS::Serverless-2016-10-31
        \(globals)
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: src/
              Handler: app.handler
              Runtime: python3.12

        """
    if !environment.isEmpty {
        text += "      Environment:\n        Variables:\n"
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) { text += "          \(key): \(value)\n" }
    }
    text +=
        properties.split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 }.joined(
            separator: "\n") + "\n"
    // Resources are written at their own level (two spaces) by the caller.
    text += resources + "\n"
    return text
}

/// Generates a project and renders it as CloudFormation, for checks on the rendered template.
struct TemporaryProjectRunner {
    var files: [String: String]

    func cloudFormation() throws -> String {
        let project = try ProjectFixture(files: files).generate()
        return CloudFormationRendering.render(project, explain: false, version: "test")
    }
}
