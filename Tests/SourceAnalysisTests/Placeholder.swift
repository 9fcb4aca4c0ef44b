import Testing

@Test func placeholderSourceAnalysisTests() {}
