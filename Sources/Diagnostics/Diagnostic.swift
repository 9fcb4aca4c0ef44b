/// How serious a diagnostic is. Ordered from least to most serious.
package enum Severity: String, Sendable, Comparable, CaseIterable {
    case note
    case warning
    case error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    package static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A problem or remark about the user's input, reported with its location. Diagnostics are
/// values: analysis collects them and carries on, and only the command decides the exit code.
package struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    package var severity: Severity
    /// A stable identifier such as `MR2001`, so that users can search for it and suppress it.
    package var code: DiagnosticCode
    package var message: String
    package var location: SourceLocation?
    /// Further lines: what to do, or where a related value came from.
    package var notes: [String]

    package init(
        _ severity: Severity,
        _ code: DiagnosticCode,
        _ message: String,
        at location: SourceLocation? = nil,
        notes: [String] = []
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.notes = notes
    }

    /// `path:line:column: error: what is wrong [code]`, the form compilers use.
    package var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity.rawValue): \(message) [\(code.rawValue)]"
        for note in notes { text += "\n  note: \(note)" }
        return text
    }
}

/// A stable diagnostic code. Each module declares its own codes as static members, numbered by
/// stage: `MR1xxx` reading files, `MR2xxx` deployment templates, `MR3xxx` source analysis,
/// `MR4xxx` policy synthesis, `MR5xxx` command line.
package struct DiagnosticCode: RawRepresentable, Hashable, Sendable, Comparable {
    package var rawValue: String
    package init(rawValue: String) { self.rawValue = rawValue }
    package init(_ rawValue: String) { self.rawValue = rawValue }
    package static func < (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.rawValue < rhs.rawValue }
}
