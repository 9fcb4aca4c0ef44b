#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Generates Python source of a given size and times the tokenizer over it, for the
/// throughput check that runs when `MINROLE_TOKENIZER_THROUGHPUT` is set.
package enum TokenizerThroughput {
    package static var isRequested: Bool { getenv("MINROLE_TOKENIZER_THROUGHPUT") != nil }

    private static let sample = """
        import os
        import boto3

        TABLE = os.environ["TABLE_NAME"]
        s3 = boto3.client("s3")


        class OrderStore:
            \"\"\"Reads and writes orders.\"\"\"

            def __init__(self, table_name: str = TABLE) -> None:
                self.table = boto3.resource("dynamodb").Table(table_name)

            def save(self, order: dict) -> None:
                # Orders are written with their status.
                self.table.put_item(Item={"pk": f"order#{order['id']}", "status": order.get("status", "NEW")})
                s3.put_object(Bucket="orders-bucket", Key="raw/%s.json" % order["id"], Body=b"{}")


        def handler(event, context):
            total = sum(item["price"] * 1.5e0 for item in event.get("items", []) if item)
            return {"statusCode": 200, "body": '{"total": %d}' % total}


        """

    package static func generatedSource(bytes: Int) -> [UInt8] {
        let unit = Array(sample.utf8)
        var source: [UInt8] = []
        source.reserveCapacity(bytes + unit.count)
        while source.count < bytes { source += unit }
        return source
    }

    /// Tokenizes the source once on one core, as `TokenizedFile` does, and returns the token
    /// count and the seconds taken.
    package static func measure(_ source: [UInt8]) -> (tokens: Int, seconds: Double) {
        let start = ContinuousClock.now
        let count = TokenizedFile(bytes: source).tokens.count - 1
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return (count, seconds)
    }
}
