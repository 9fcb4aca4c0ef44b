import TestSupport
import Testing

@testable import MinRoleCLI

/// Policies that `generate` writes are valid IAM, so `lint` must report no validity error
/// (MR1xx) on them. The template and code come from the repository's example project.
@Suite struct LintGeneratedPolicyTests {
    static let ordersFunctions = [
        "CreateOrderFunction", "ProcessOrderFunction", "ChargePaymentFunction", "SendReceiptFunction",
        "DailyReportFunction", "ArchiveReportsFunction", "GetReceiptFunction", "QuoteOrderFunction",
    ]

    static var ordersApp: String {
        let testFile = #filePath
        let root = testFile.firstRange(of: "/Tests/MinRoleCLITests/").map { String(testFile[..<$0.lowerBound]) }
        return (root ?? ".") + "/Examples/orders-app"
    }

    @Test(arguments: ordersFunctions)
    func generatedPolicyHasNoValidityError(function: String) throws {
        let generated = runMinRole([
            "generate", Self.ordersApp, "--format", "policy", "--function", function, "--region", "eu-west-1",
            "--account", "123456789012", "--partition", "aws",
        ])
        try #require(generated.status == 0, "generate failed: \(generated.error)")
        #expect(generated.output.contains("\"Statement\""))

        let project = TemporaryProject(files: ["\(function).json": generated.output])
        let result = runMinRole(["lint", project.root, "--fail-on", "note"])
        let validityLines = result.output.split(separator: "\n").filter { $0.contains("[MR1") }
        #expect(
            validityLines.isEmpty, "validity findings on generate's output:\n\(validityLines.joined(separator: "\n"))")
        #expect(result.output.contains("minrole lint: "))
    }
}
