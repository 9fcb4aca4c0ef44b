import Testing

@Test func placeholderDeploymentModelTests() {}
