import Testing

@testable import PolicyModel

@Suite struct PolicyJSONWriterTests {
    let document = PolicyDocument(statements: [
        Statement(
            sid: "CloudwatchPutMetricData", actions: ["cloudwatch:PutMetricData"], resources: [.wildcard],
            conditions: [
                Condition(
                    conditionOperator: "StringEquals", key: "cloudwatch:namespace",
                    values: [PatternString(literal: "Shop/Checkout")])
            ]),
        Statement(
            sid: "S3Objects", actions: ["s3:GetObject", "s3:PutObject"],
            resources: [PatternString(literal: "arn:aws:s3:::a/*"), PatternString(literal: "arn:aws:s3:::b/*")]),
    ])

    @Test func writesCanonicalKeyOrder() {
        let expected = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "CloudwatchPutMetricData",
                  "Effect": "Allow",
                  "Action": "cloudwatch:PutMetricData",
                  "Resource": "*",
                  "Condition": {
                    "StringEquals": {
                      "cloudwatch:namespace": "Shop/Checkout"
                    }
                  }
                },
                {
                  "Sid": "S3Objects",
                  "Effect": "Allow",
                  "Action": [
                    "s3:GetObject",
                    "s3:PutObject"
                  ],
                  "Resource": [
                    "arn:aws:s3:::a/*",
                    "arn:aws:s3:::b/*"
                  ]
                }
              ]
            }
            """
        #expect(PolicyJSONWriter().json(document) == expected)
    }

    @Test func escapesControlCharactersAndQuotes() {
        #expect(JSONTextBuilder.quoted("a\"b\\c\nd\u{01}é") == "\"a\\\"b\\\\c\\nd\\u0001é\"")
    }

    @Test func sizeIgnoresWhiteSpaceOutsideStrings() {
        let small = PolicyDocument(statements: [
            Statement(actions: ["s3:GetObject"], resources: [PatternString(literal: "arn:aws:s3:::a b/*")])
        ])
        let compact =
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::a b/*"}]}"#
        #expect(small.sizeForLimits() == compact.count)
    }

    @Test func emptyStatementListIsValidJSON() {
        #expect(
            PolicyJSONWriter().json(PolicyDocument(statements: []))
                == "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": []\n}")
    }
}
