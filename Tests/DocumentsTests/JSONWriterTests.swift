import Testing

@testable import Documents

@Suite struct JSONWriterTests {
    static let policy: JSONValue = [
        "Version": "2012-10-17",
        "Statement": [
            [
                "Sid": "ReadOrders",
                "Effect": "Allow",
                "Action": ["dynamodb:GetItem"],
                "Resource": "arn:aws:dynamodb:*:*:table/Orders",
                "Condition": [:],
            ]
        ],
        "Empty": [],
    ]

    @Test func prettyOutput() {
        let expected = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "ReadOrders",
                  "Effect": "Allow",
                  "Action": [
                    "dynamodb:GetItem"
                  ],
                  "Resource": "arn:aws:dynamodb:*:*:table/Orders",
                  "Condition": {}
                }
              ],
              "Empty": []
            }
            """
        #expect(Self.policy.jsonText() == expected)
    }

    @Test func compactOutput() {
        let expected =
            #"{"Version":"2012-10-17","Statement":[{"Sid":"ReadOrders","Effect":"Allow","Action":["dynamodb:GetItem"],"#
            + #""Resource":"arn:aws:dynamodb:*:*:table/Orders","Condition":{}}],"Empty":[]}"#
        #expect(Self.policy.jsonText(.compact) == expected)
    }

    @Test(arguments: [
        ("a/b", #""a/b""#),
        ("quote \" backslash \\", #""quote \" backslash \\""#),
        ("\n\r\t\u{08}\u{0C}", #""\n\r\t\b\f""#),
        ("\u{00}\u{01}\u{1F}\u{7F}", #""\u0000\u0001\u001f\u007f""#),
        ("caf\u{E9} \u{1F600} \u{2028}", "\"caf\u{E9} \u{1F600} \u{2028}\""),
        ("\"\u{301}x\n\u{301}", "\"\\\"\u{301}x\\n\u{301}\""),
    ])
    func stringEscaping(_ text: String, _ expected: String) {
        #expect(JSONValue.string(text).jsonText(.compact) == expected)
    }

    @Test(arguments: [
        (JSONValue.integer(-7), "-7"),
        (.number(0.1), "0.1"),
        (.number(2.0), "2.0"),
        (.number(1e-7), "1e-07"),
        (.number(.infinity), "null"),
        (.number(.nan), "null"),
        (.bool(false), "false"),
        (.null, "null"),
    ])
    func scalarText(_ value: JSONValue, _ expected: String) {
        #expect(value.jsonText() == expected)
    }

    @Test(arguments: [JSONWriter.Style.pretty, .compact]) func roundTrip(_ style: JSONWriter.Style) throws {
        let original: JSONValue = [
            "z": [1, 2.5, "x\u{0}y", ["nested": nil]], "a": true, "é": "\u{1F600}/\u{7}", "n": -0.0,
        ]
        let text = original.jsonText(style)
        let parsed = try JSONParser.parse(bytes: Array(text.utf8))
        #expect(parsed == original)
        #expect(parsed.object?.keys == ["z", "a", "é", "n"])
        #expect(parsed.jsonText(style) == text)
    }

    @Test func objectEditingKeepsOrder() {
        var object = JSONObject([("b", 1), ("a", 2), ("b", 3)])
        #expect(object.keys == ["b", "a"])
        #expect(object["b"] == .integer(3))
        object["c"] = "x"
        object["b"] = nil
        #expect(object.keys == ["a", "c"])
        #expect(object["c"] == .string("x"))
        #expect(object.map(\.key) == ["a", "c"])
    }
}
