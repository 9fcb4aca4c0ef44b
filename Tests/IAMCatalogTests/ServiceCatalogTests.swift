import Testing

@testable import IAMCatalog

@Suite struct ServiceCatalogTests {
    let catalog = Catalog.shared

    @Test func allServicesPresent() {
        #expect(catalog.servicePrefixes.count == 466)
        #expect(catalog.servicePrefixes == catalog.servicePrefixes.sorted())
    }

    @Test func everyServiceDecodes() {
        var failed: [String] = []
        for prefix in catalog.servicePrefixes where catalog.service(prefix: prefix) == nil {
            failed.append(prefix)
        }
        #expect(failed.isEmpty, "services that did not decode: \(failed.prefix(5))")
        #expect(catalog.loadProblems.isEmpty, "\(catalog.loadProblems.prefix(5))")
    }

    @Test func getObjectAction() throws {
        let action = try #require(catalog.action(ActionName(prefix: "s3", name: "GetObject")))
        #expect(action.accessLevel == .read)
        #expect(action.resourceTypes.map(\.name).contains("object"))
        #expect(action.conditionKeys.contains("s3:ExistingObjectTag/<key>"))
    }

    @Test func actionLookupIgnoresCase() {
        #expect(catalog.action(ActionName(prefix: "S3", name: "getobject"))?.name.name == "GetObject")
    }

    @Test func accessLevels() {
        #expect(catalog.action(ActionName(prefix: "s3", name: "ListBucket"))?.accessLevel == .list)
        #expect(catalog.action(ActionName(prefix: "s3", name: "PutObject"))?.accessLevel == .write)
        #expect(
            catalog.action(ActionName(prefix: "s3", name: "PutBucketPolicy"))?.accessLevel == .permissionsManagement)
        #expect(catalog.action(ActionName(prefix: "s3", name: "PutObjectTagging"))?.accessLevel == .tagging)
    }

    @Test func bucketARNFormat() throws {
        let bucket = try #require(catalog.resourceType(prefix: "s3", name: "bucket"))
        #expect(bucket.arnFormats == ["arn:${Partition}:s3:::${BucketName}"])
    }

    @Test func conditionKeyTypes() throws {
        let service = try #require(catalog.service(prefix: "cloudwatch"))
        #expect(service.conditionKeys["cloudwatch:namespace"]?.types == ["String"])
    }

    @Test func dependentActions() throws {
        let action = try #require(catalog.action(ActionName(prefix: "access-analyzer", name: "CreateAnalyzer")))
        #expect(action.dependentActions.contains(ActionName(prefix: "iam", name: "CreateServiceLinkedRole")))
    }

    @Test func unknownNamesAreNil() {
        #expect(catalog.service(prefix: "no-such-prefix") == nil)
        #expect(catalog.action(ActionName(prefix: "s3", name: "NoSuchAction")) == nil)
        #expect(catalog.resourceType(prefix: "s3", name: "no-such-type") == nil)
        #expect(catalog.service(prefix: "../services/s3") == nil)
    }
}
