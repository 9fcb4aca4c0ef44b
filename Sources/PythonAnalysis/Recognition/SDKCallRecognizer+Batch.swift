import SourceAnalysis

extension SDKCallRecognizer {
    /// DynamoDB operations whose `RequestItems` keys are the tables the request reads or writes.
    static let batchTableOperations: Set<String> = ["BatchGetItem", "BatchWriteItem"]

    /// Returns the tables a DynamoDB batch names as `TableName`: the keys of its `RequestItems`
    /// dictionary, which are table names or ARNs and may be any expression (`{TABLE: ...}`).
    /// Returns `nil` when the call passes `TableName` or is not a batch.
    ///
    /// NOTE: only a dictionary written in the call has all its keys. A dictionary built
    /// elsewhere (`RequestItems=items`) keeps only its literal keys, so its tables stay
    /// unknown and the table widens to `*`.
    func batchTableNames(
        _ client: String, _ operation: String, known: [String: SymbolicValue], at site: CallSite
    ) -> SymbolicValue? {
        guard client == "dynamodb", Self.batchTableOperations.contains(operation), known["TableName"] == nil,
            case .dictionary(let entries)? = site.keyword("RequestItems")
        else { return nil }
        var tables: [SymbolicValue] = []
        for (key, _) in entries {
            guard let key else {
                tables.append(.unknown(reason: "RequestItems unpacks a dictionary the analysis cannot read"))
                continue
            }
            tables.append(evaluator.evaluate(key, in: site.scope).symbolic)
        }
        if tables.isEmpty { return nil }
        return tables.count == 1 ? tables[0] : .list(tables)
    }
}
