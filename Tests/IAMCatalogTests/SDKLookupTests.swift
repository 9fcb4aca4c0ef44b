import Testing

@testable import IAMCatalog

@Suite struct SDKLookupTests {
    let catalog = Catalog.shared

    @Test func listObjectsV2ListsTheBucket() throws {
        let operation = try #require(catalog.operation(client: "s3", name: "ListObjectsV2"))
        #expect(operation.actions.count == 1)
        let action = try #require(operation.actions.first)
        #expect(action.action == ActionName(prefix: "s3", name: "ListBucket"))
        #expect(action.trigger == .always)
        #expect(action.resourceType == "bucket")
        #expect(action.arnBindings == [ARNVariableBinding(variable: "BucketName", template: "${Bucket}")])
        #expect(operation.source == "correction")
    }

    @Test(arguments: [
        ("list_objects_v2", "ListObjectsV2"),
        ("get_object", "GetObject"),
        ("put_bucket_lifecycle_configuration", "PutBucketLifecycleConfiguration"),
    ])
    func pythonMethodNames(method: String, operation: String) {
        #expect(catalog.operationName(client: "s3", pythonMethod: method) == operation)
    }
}
