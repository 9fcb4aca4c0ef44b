import SourceAnalysis
import Testing

@testable import PythonAnalysis

/// A call the analysis must report: the client and operation, arguments it must carry (others
/// may be present), and the form when it matters.
struct ExpectedCall: Sendable, CustomStringConvertible {
    var client: String
    var operation: String
    var arguments: [String: SymbolicValue] = [:]
    var form: CallForm?
    var line: Int?

    var description: String { "\(client).\(operation)\(arguments)" }

    func matches(_ call: SDKCall) -> Bool {
        guard call.client == client, call.operation == operation else { return false }
        if let form, call.form != form { return false }
        if let line, call.location.line != line { return false }
        return arguments.allSatisfy { call.arguments[$0.key] == $0.value }
    }
}

struct SDKCallCase: CustomTestStringConvertible, Sendable {
    var name: String
    var source: String
    var expected: [ExpectedCall]
    /// When true, the result has exactly the expected operations; helpers that make several
    /// calls list only some of them and set this to false.
    var isExhaustive = true
    var testDescription: String { name }

    func check(file: String = #filePath, line: Int = #line) throws {
        let files = [
            "app.py": "import os\nimport boto3\n" + source, "clients.py": "import boto3\ns3 = boto3.client('s3')\n",
        ]
        let (result, diagnostics) = try Fixture(files).analyze()
        for expected in expected {
            #expect(
                result.calls.contains(where: expected.matches),
                "missing \(expected) in \(result.calls.map { "\($0.client).\($0.operation)\($0.arguments) \($0.form)" }) \(diagnostics)"
            )
        }
        if isExhaustive {
            let found = Set(result.calls.map { "\($0.client).\($0.operation)" })
            #expect(found == Set(expected.map { "\($0.client).\($0.operation)" }))
        }
    }
}

func env(_ name: String) -> SymbolicValue { .environment(name: name, defaultValue: nil) }
