import Testing

@Test func placeholderDocumentsTests() {}
