/// The output formats of `minrole lint` and `minrole check`.
package enum FindingsFormat: String, Sendable, CaseIterable {
    /// `path:line:column: severity: message [RULE]` lines and a summary.
    case text
    /// The versioned machine interface (`schemaVersion` 1).
    case json
    /// SARIF 2.1.0, as GitHub code scanning reads it.
    case sarif
    /// JUnit XML, one `testsuite` per file or per function.
    case junit
}

/// Information about the tool that SARIF and JSON reports carry.
package struct ToolInfo: Sendable {
    package var name: String
    package var version: String
    package var informationUri: String

    package init(name: String = "minrole", version: String, informationUri: String) {
        self.name = name
        self.version = version
        self.informationUri = informationUri
    }
}
