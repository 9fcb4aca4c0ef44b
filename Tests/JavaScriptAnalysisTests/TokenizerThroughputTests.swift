import JavaScriptAnalysis
import Testing

/// Tokenizer throughput on a generated 50 MB file. It runs only when
/// `MINROLE_TOKENIZER_THROUGHPUT` is set, because a timing is not a unit test; the figure is
/// meaningful only in an optimized build.
@Suite struct TokenizerThroughputTests {
    static let isEnabled = JavaScriptTokenizerThroughput.isRequested

    @Test(.enabled(if: isEnabled)) func fiftyMegabytes() {
        let source = JavaScriptTokenizerThroughput.generatedSource(bytes: 50 * 1024 * 1024)
        let (tokens, seconds) = JavaScriptTokenizerThroughput.measure(source)
        let megabytesPerSecond = Double(source.count) / 1_048_576 / seconds
        print("tokenized \(source.count) bytes into \(tokens) tokens in \(seconds) s: \(megabytesPerSecond) MB/s")
        #expect(tokens > source.count / 16)
    }
}
