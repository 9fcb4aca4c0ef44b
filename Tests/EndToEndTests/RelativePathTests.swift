import TestSupport
import Testing

/// Paths given relative to the folder minrole runs in.
@Suite struct RelativePathTests {
    @Test func aBaselineAndAConfigurationInSubfoldersAreRead() throws {
        let project = TemporaryProject(files: [
            "policies/read.json": #"{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}"#,
            "settings/lint.yaml": "fail-on: error\n",
        ])
        project.write("", to: "out/.keep")
        let written = try BinaryRunner.run(
            ["lint", "policies", "--write-baseline", "out/baseline.json"], workingDirectory: project.root)
        #expect(written.status == 0, "\(written.error)")
        let again = try BinaryRunner.run(
            ["lint", "policies", "--baseline", "out/baseline.json", "--config", "settings/lint.yaml"],
            workingDirectory: project.root)
        #expect(again.status == 0, "\(again.error)")
        #expect(!again.error.contains("not found"))
    }
}
