import Testing

@Test func placeholderRenderingTests() {}
