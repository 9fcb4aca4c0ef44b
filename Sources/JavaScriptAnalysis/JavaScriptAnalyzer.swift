import Diagnostics
import IAMCatalog
import SourceAnalysis

/// Finds the AWS SDK calls a JavaScript or TypeScript handler can make.
package struct JavaScriptAnalyzer: HandlerAnalyzer {
    package var catalog: Catalog

    package init(catalog: Catalog = .shared) { self.catalog = catalog }

    package var language: SourceLanguage { .javascript }

    package func supports(runtime: String) -> Bool { runtime.hasPrefix("nodejs") }

    package func analyze(_ entry: HandlerEntry, rootForDisplay: String, diagnostics: DiagnosticSink) -> AnalysisResult {
        AnalysisResult()
    }
}
