#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Generates JavaScript source of a given size and times the tokenizer over it, for the
/// throughput check that runs when `MINROLE_TOKENIZER_THROUGHPUT` is set.
package enum JavaScriptTokenizerThroughput {
    package static var isRequested: Bool { getenv("MINROLE_TOKENIZER_THROUGHPUT") != nil }

    private static let sample = """
        import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
        import { DynamoDBDocumentClient, PutCommand } from "@aws-sdk/lib-dynamodb";

        const TABLE = process.env.TABLE_NAME ?? "orders";
        const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));

        /** Stores one order with its status. */
        export const handler = async (event: APIGatewayProxyEvent): Promise<Result> => {
          const order = JSON.parse(event.body ?? "{}") as Order;
          const total = order.items?.reduce((sum, item) => sum + item.price * 1.5e0, 0) / 2;
          if (/^[a-z]+\\/\\d+$/i.test(order.id)) {
            await db.send(new PutCommand({ TableName: TABLE, Item: { pk: `order#${order.id}`, total } }));
          }
          return { statusCode: 200, body: `{"total": ${total}}` }; /* done */
        };


        """

    package static func generatedSource(bytes: Int) -> [UInt8] {
        let unit = Array(sample.utf8)
        var source: [UInt8] = []
        source.reserveCapacity(bytes + unit.count)
        while source.count < bytes { source += unit }
        return source
    }

    /// Generates minified-looking source: the sample repeated on one line without line breaks.
    package static func generatedSingleLine(bytes: Int) -> [UInt8] {
        generatedSource(bytes: bytes).map { $0 == UInt8(ascii: "\n") ? UInt8(ascii: " ") : $0 }
    }

    /// Tokenizes the source once on one core and returns the token count and the seconds taken.
    package static func measure(_ source: [UInt8]) -> (tokens: Int, seconds: Double) {
        let start = ContinuousClock.now
        var count = 0
        source.withUnsafeBufferPointer { buffer in
            var tokenizer = Tokenizer(bytes: buffer, allowsJSX: false)
            while tokenizer.next().kind != .endOfFile { count += 1 }
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return (count, seconds)
    }
}
