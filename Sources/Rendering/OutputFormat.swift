/// The output formats of `minrole generate`.
package enum OutputFormat: String, Sendable, CaseIterable {
    /// A readable report: each function's policy and why each statement is there.
    case text
    /// The versioned machine interface (`schemaVersion` 1).
    case json
    /// The IAM policy JSON of one function, ready to paste.
    case policy
    /// The `Policies:` block of each SAM function.
    case sam
    /// A complete scoped `AWS::IAM::Role` per function.
    case cloudformation
}

/// Values for the placeholders a pasted policy cannot keep.
package struct PlaceholderValues: Sendable {
    package var region: String?
    package var account: String?
    package var partition: String?

    package init(region: String? = nil, account: String? = nil, partition: String? = nil) {
        self.region = region
        self.account = account
        self.partition = partition
    }

    package var substitutions: [String: String] {
        var values: [String: String] = [:]
        if let region { values["AWS::Region"] = region }
        if let account { values["AWS::AccountId"] = account }
        if let partition { values["AWS::Partition"] = partition }
        return values
    }
}
