import Testing

@testable import PolicyEvaluation

@Suite struct ConditionValueTests {
    @Test(arguments: [
        ("1970-01-01T00:00:00Z", 0.0), ("1970-01-02", 86_400.0), ("2026-12-05T10:00:00Z", 1_796_464_800.0),
        ("2026-12-05T11:00:00+01:00", 1_796_464_800.0), ("2026-12-05T10:00Z", 1_796_464_800.0),
        ("1796464800", 1_796_464_800.0), ("2000-02-29T00:00:00Z", 951_782_400.0), ("1969-12-31T23:59:59Z", -1.0),
    ])
    func datesRead(_ text: String, _ seconds: Double) {
        #expect(DateValue.seconds(text) == seconds)
    }

    @Test(arguments: [
        "", "2026-13-01", "2026-02-30", "2026-12-05T24:00:00Z", "2026-12-05T10:61Z", "2026-12-05T10:00:00+1",
        "2026/12/05", "tomorrow", "2026-12-05T10", "2026-12-05T10:00:00ZZ", "1e9", String(repeating: "9", count: 400),
    ])
    func invalidDatesRejected(_ text: String) {
        #expect(DateValue.seconds(text) == nil)
    }

    @Test(arguments: ["-1", "0", "10", "10.5", "+3", "0.001"])
    func numbersRead(_ text: String) {
        #expect(ConditionValueParsing.number(text) != nil)
    }

    @Test(arguments: ["", "-", ".", "1e3", "0x10", "inf", "nan", "1 ", " 1", "1,000", "--1"])
    func invalidNumbersRejected(_ text: String) {
        #expect(ConditionValueParsing.number(text) == nil)
    }

    @Test(arguments: [("QQ==", [UInt8(65)]), ("QUI=", [65, 66]), ("QUJD", [65, 66, 67]), ("", [])])
    func base64Decoded(_ text: String, _ bytes: [UInt8]) {
        #expect(ConditionValueParsing.base64(text) == bytes)
    }

    @Test(arguments: ["Q", "QQ=", "Q===", "QQ==QQ==", "QQ!=", "=QQQ"])
    func invalidBase64Rejected(_ text: String) {
        #expect(ConditionValueParsing.base64(text) == nil)
    }

    @Test(arguments: [
        ("10.0.0.0/8", "10.255.1.2", true), ("10.0.0.0/8", "11.0.0.1", false), ("0.0.0.0/0", "1.2.3.4", true),
        ("2001:db8::/32", "2001:db8:ffff::1", true), ("2001:db8::/32", "2001:db9::1", false),
        ("::/0", "::1", true), ("::1", "::1", true), ("1::", "1:0:0:0:0:0:0:0", true),
        ("2001:db8::/32", "10.0.0.1", false),
    ])
    func networksContain(_ range: String, _ address: String, _ expected: Bool) throws {
        let network = try #require(IPNetwork(range))
        let parsed = try #require(IPNetwork(address))
        #expect(network.contains(parsed) == expected)
    }

    @Test(arguments: [
        "", "1.2.3", "1.2.3.4.5", "256.0.0.1", "1.2.3.4/33", "1.2.3.4/-1", "1.2.3.4/", "::1::", "1:2:3:4:5:6:7:8:9",
        "12345::", "g::1", "1.2.3.04444", "::/129", "+1::",
    ])
    func invalidNetworksRejected(_ text: String) {
        #expect(IPNetwork(text) == nil)
    }
}
