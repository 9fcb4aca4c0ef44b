import Testing

@Test func placeholderIAMCatalogTests() {}
