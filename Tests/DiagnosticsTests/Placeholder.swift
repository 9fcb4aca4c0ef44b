import Testing

@Test func placeholderDiagnosticsTests() {}
