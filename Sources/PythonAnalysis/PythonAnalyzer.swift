import Diagnostics
import IAMCatalog
import SourceAnalysis

/// Finds the AWS SDK calls a Python handler can make, from the handler function through the
/// local modules it imports.
package struct PythonAnalyzer: HandlerAnalyzer {
    package var catalog: Catalog

    package init(catalog: Catalog = .shared) { self.catalog = catalog }

    package var language: SourceLanguage { .python }

    package func supports(runtime: String) -> Bool { runtime.hasPrefix("python") }

    package func analyze(_ entry: HandlerEntry, rootForDisplay: String, diagnostics: DiagnosticSink) -> AnalysisResult {
        AnalysisResult()
    }
}
