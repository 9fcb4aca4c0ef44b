import Testing

@Test func placeholderMinRoleCLITests() {}
