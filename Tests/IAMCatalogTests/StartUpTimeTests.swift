import Testing

@testable import IAMCatalog

@Suite struct StartUpTimeTests {
    /// Creating a catalog and making the first S3 lookups decodes only the two `s3.json`
    /// files (service and client). On a 2-core x86-64 Linux machine with other builds running
    /// it took about 2.3 ms in a release build and 7 ms in a debug build. The bound is loose so that a busy machine passes,
    /// while a catalog that decodes every file up front (about 10 MB) fails.
    @Test func firstS3LookupIsFast() {
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            let catalog = Catalog(paths: EmbeddedData.paths) { EmbeddedData.bytes(of: $0) }
            _ = catalog.operation(client: "s3", name: "GetObject")
            _ = catalog.action(ActionName(prefix: "s3", name: "GetObject"))
        }
        print("catalog start-up and first S3 lookup: \(elapsed)")
        #expect(elapsed < .milliseconds(500))
    }
}
