import Testing

@Test func placeholderPolicySynthesisTests() {}
