import Foundation
import Testing

/// The example application's output in every format, compared byte for byte with committed
/// files. Set `MINROLE_RECORD_GOLDEN=1` to rewrite them after an intended change, then review
/// the diff.
@Suite struct GoldenOutputTests {
    static let cases: [(name: String, arguments: [String])] = [
        ("orders-app.txt", []),
        ("orders-app.json", ["--format", "json"]),
        ("orders-app.sam.yaml", ["--format", "sam", "--explain"]),
        ("orders-app.cloudformation.yaml", ["--format", "cloudformation"]),
        (
            "orders-app.CreateOrderFunction.policy.json",
            [
                "--format", "policy", "--function", "CreateOrderFunction", "--region", "eu-west-1", "--account",
                "123456789012", "--partition", "aws",
            ]
        ),
    ]

    @Test(arguments: cases.map(\.name))
    func matchesGoldenFile(name: String) throws {
        let arguments = try #require(Self.cases.first { $0.name == name }).arguments
        let project = BinaryRunner.repositoryRoot + "/Examples/orders-app"
        let result = try BinaryRunner.run(["generate", project] + arguments)
        try #require(result.status == 0, "exit \(result.status): \(result.error)")
        let path = BinaryRunner.repositoryRoot + "/Tests/EndToEndTests/Golden/" + name
        if ProcessInfo.processInfo.environment["MINROLE_RECORD_GOLDEN"] == "1" {
            try result.output.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let expected = BinaryRunner.read(path)
        try #require(!expected.isEmpty, "missing \(path); run the tests with MINROLE_RECORD_GOLDEN=1 to create it")
        #expect(
            result.output == expected,
            "output differs from \(name); if the change is intended, rerun with MINROLE_RECORD_GOLDEN=1 and review the diff"
        )
    }
}
