import Testing

@testable import DeploymentModel

@Suite struct TemplateFileNameTests {
    @Test(arguments: [
        ("template.yaml", "template.yaml"), ("infra/template.yaml", "template.yaml"), ("a/b/c.json", "c.json"),
        ("dir/", ""), ("caf\u{E9}/t.yml", "t.yml"), ("a/\u{301}b.yaml", "a/\u{301}b.yaml"),
    ])
    func fileNameIsLastComponent(path: String, expected: String) {
        #expect(TemplateDiscovery.fileName(path) == expected)
    }
}
