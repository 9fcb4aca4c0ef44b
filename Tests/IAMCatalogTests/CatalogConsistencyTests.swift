import Testing

@testable import IAMCatalog

/// Whole-catalog checks: every mapping points at something the service files define.
@Suite struct CatalogConsistencyTests {
    let catalog = Catalog.shared

    @Test func clientCount() {
        #expect(catalog.clientNames.count == 424)
    }

    @Test func everyOperationActionExists() throws {
        var unknown: [String] = []
        var badResourceTypes: [String] = []
        for name in catalog.clientNames {
            let client = try #require(catalog.client(named: name), "client \(name) did not decode")
            for operation in client.operations {
                let info = try #require(catalog.operation(client: name, name: operation))
                for action in info.actions {
                    guard let known = catalog.action(action.action) else {
                        unknown.append("\(name).\(operation) → \(action.action)")
                        continue
                    }
                    if let type = action.resourceType, !known.resourceTypes.contains(where: { $0.name == type }) {
                        badResourceTypes.append("\(name).\(operation) → \(action.action) on \(type)")
                    }
                }
            }
        }
        #expect(unknown.isEmpty, "\(unknown.count) unknown actions: \(unknown.prefix(5))")
        #expect(badResourceTypes.isEmpty, "\(badResourceTypes.count): \(badResourceTypes.prefix(5))")
        #expect(catalog.loadProblems.isEmpty, "\(catalog.loadProblems.prefix(5))")
    }

    @Test func operationsWithoutMappingHaveNoActions() throws {
        let client = try #require(catalog.client(named: "s3"))
        for operation in client.operations {
            let info = try #require(catalog.operation(client: "s3", name: operation))
            if info.source == "none" { #expect(info.actions.isEmpty) }
            if info.actions.isEmpty { #expect(info.source == "none", "\(operation)") }
        }
    }

    @Test func everyCorrectionHasReasonAndSource() throws {
        let json = try #require(catalog.document(at: "Policies/corrections.json"))
        let corrections = try #require(json["corrections"]?.arrayValue)
        #expect(corrections.count >= 27)
        for correction in corrections {
            let name = "\(correction["client"].stringValue ?? "?").\(correction["operation"].stringValue ?? "?")"
            #expect(!(correction["reason"].stringValue ?? "").isEmpty, "\(name) has no reason")
            #expect(
                (correction["source"].stringValue ?? "").contains("https://docs.aws.amazon.com/"),
                "\(name) has no source")
            let operation = catalog.operation(
                client: correction["client"].stringValue ?? "", name: correction["operation"].stringValue ?? "")
            #expect(operation?.source == "correction", "\(name) is not applied")
        }
    }

    @Test func provenanceRecordsBuildDate() throws {
        let json = try #require(catalog.document(at: "Policies/provenance.json"))
        #expect(json["buildDate"].stringValue == "2026-12-04")
        #expect(json["counts"]?["services"] == .number(466))
    }
}
