import Testing

@Test func placeholderJavaScriptAnalysisTests() {}
