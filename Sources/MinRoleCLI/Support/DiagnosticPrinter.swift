import Diagnostics
import Rendering

/// Prints diagnostics in compiler form, at most `maximumPerGroup` of one code in one file, so
/// a template with thousands of the same mistake stays readable. A last line counts the rest.
enum DiagnosticPrinter {
    static let maximumPerGroup = 20

    static func lines(for diagnostics: [Diagnostic]) -> [String] {
        var printedCount: [String: Int] = [:]
        var hidden: [String: (count: Int, example: Diagnostic)] = [:]
        var lines: [String] = []
        for diagnostic in Diagnostic.sortedForOutput(diagnostics) {
            let group = "\(diagnostic.location?.file ?? "")\u{0}\(diagnostic.code.rawValue)"
            let count = printedCount[group, default: 0]
            if count < maximumPerGroup {
                printedCount[group] = count + 1
                lines.append(diagnostic.description)
            } else {
                hidden[group, default: (0, diagnostic)].count += 1
            }
        }
        for group in hidden.keys.sorted() {
            guard let (count, example) = hidden[group] else { continue }
            let file = example.location?.file ?? "the input"
            lines.append(
                "\(file): note: \(count) more \(example.severity.rawValue)s like the above [\(example.code.rawValue)] were not printed"
            )
        }
        return lines
    }
}
