import Testing

@Test func placeholderPolicyModelTests() {}
