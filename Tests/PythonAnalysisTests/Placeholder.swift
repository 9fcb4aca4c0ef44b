import Testing

@Test func placeholderPythonAnalysisTests() {}
