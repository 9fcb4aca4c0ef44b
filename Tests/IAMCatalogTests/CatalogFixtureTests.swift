import Testing

@testable import IAMCatalog

/// A catalog over small inline files, to check how lookups behave on damaged data.
@Suite struct CatalogFixtureTests {
    static let files: [String: String] = [
        "Policies/services/demo.json": """
        {"prefix": "demo", "name": "Demo", "actions": {
          "GetThing": {"accessLevel": "Read", "conditionKeys": [], "dependentActions": ["demo:Other"],
            "resourceTypes": [{"name": "thing", "required": true, "conditionKeys": [], "dependentActions": []}]},
          "Odd": {"accessLevel": "Sideways", "resourceTypes": []}},
         "resourceTypes": {"thing": {"arnFormats": ["arn:${Partition}:demo:::thing/${ThingName}"], "conditionKeys": []}},
         "conditionKeys": {}}
        """,
        "Policies/services/broken.json": "{\"prefix\": \"broken\", ",
        "Policies/sdk/demo.json": """
        {"client": "demo", "iamPrefix": "demo", "serviceId": "Demo", "names": {}, "paginators": [], "waiters": {},
         "resources": {}, "operations": {
           "GetThing": {"pythonMethod": "get_thing", "source": "service-reference", "actions": [
             {"action": "demo:GetThing", "trigger": "always", "resourceType": "thing", "arnBindings": {"ThingName": "${Name}"}},
             {"action": "demo:GetThing", "trigger": {"argumentEquals": ["Mode", "x"]}, "resourceType": null},
             {"action": "not an action", "trigger": "always"},
             {"action": "demo:Other", "trigger": {"sometimes": true}}]},
           "Unmapped": {"pythonMethod": "unmapped", "source": "none", "actions": []}}}
        """,
        "Policies/sdk/notjson.json": "[1, 2",
    ]

    let catalog = Catalog(paths: Array(files.keys)) { path in files[path].map { Array($0.utf8) } }

    @Test func validFilesDecode() throws {
        let action = try #require(catalog.action(ActionName(prefix: "demo", name: "GetThing")))
        #expect(action.resourceTypes.first?.isRequired == true)
        #expect(action.dependentActions == [ActionName(prefix: "demo", name: "Other")])
        #expect(catalog.servicePrefixes == ["broken", "demo"])
    }

    @Test func unknownAccessLevelIsReported() {
        _ = catalog.service(prefix: "demo")
        #expect(catalog.loadProblems.contains { $0.contains("Sideways") })
    }

    @Test func truncatedServiceIsNilAndReported() {
        #expect(catalog.service(prefix: "broken") == nil)
        #expect(catalog.service(prefix: "broken") == nil)
        #expect(catalog.loadProblems.filter { $0.hasPrefix("Policies/services/broken.json") }.count == 1)
    }

    @Test func invalidOperationActionsAreSkipped() throws {
        let operation = try #require(catalog.operation(client: "demo", name: "GetThing"))
        #expect(operation.actions.count == 2)
        #expect(operation.actions.last?.trigger == .whenArgumentEquals("Mode", "x"))
        #expect(catalog.loadProblems.contains { $0.contains("invalid trigger") })
        #expect(catalog.loadProblems.contains { $0.contains("without a valid name") })
    }

    @Test func unmappedOperationHasNoActions() throws {
        let operation = try #require(catalog.operation(client: "demo", name: "Unmapped"))
        #expect(operation.actions.isEmpty)
        #expect(operation.source == "none")
    }

    @Test func invalidClientFileIsNil() {
        #expect(catalog.client(named: "notjson") == nil)
        #expect(catalog.loadProblems.contains { $0.hasPrefix("Policies/sdk/notjson.json") })
    }

    @Test func missingFilesAreNil() {
        #expect(catalog.client(sdkName: "x", language: "go") == nil)
        #expect(catalog.helperMethod(client: "s3", method: "upload_file") == nil)
        #expect(catalog.samPolicyTemplate(named: "S3ReadPolicy") == nil)
        #expect(catalog.forwardAccess(client: "s3", operation: "GetObject").isEmpty)
    }

    @Test func concurrentLookupsAgree() async {
        let results = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<16 {
                group.addTask { catalog.operation(client: "demo", name: "GetThing")?.actions.count ?? -1 }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results == Array(repeating: 2, count: 16))
    }
}
