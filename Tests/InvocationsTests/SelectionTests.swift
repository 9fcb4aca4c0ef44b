import TestSupport
import Testing

@testable import Invocations

@Suite struct SelectionTests {
    /// Three events: the fixture role's function, another function of the same role, and
    /// another role.
    private static let events = [
        Fixture.event(source: "sts.amazonaws.com", name: "GetCallerIdentity"),
        Fixture.event(
            source: "sts.amazonaws.com", name: "GetCallerIdentity",
            principal: "arn:aws:sts::123456789012:assumed-role/orders-role/refunds-fn"),
        Fixture.event(
            source: "sts.amazonaws.com", name: "GetCallerIdentity",
            principal: "arn:aws:sts::123456789012:assumed-role/billing-role/billing-fn",
            issuer: "arn:aws:iam::123456789012:role/billing-role"),
    ]

    private func principals(_ selector: RoleSelector) -> (kept: [String], skipped: Int) {
        let project = TemporaryProject(files: ["trail.json": Fixture.logFile(Self.events)])
        let result = readCalls([.cloudTrail(path: project.root + "/trail.json")], selector: selector)
        return (result.calls.map(\.request.principal), result.summary.recordsSkippedAsOtherPrincipal)
    }

    @Test func keepsEverythingWithoutSelector() {
        #expect(principals(RoleSelector()).kept.count == 3)
    }

    @Test func selectsBySessionIssuer() {
        let selected = principals(RoleSelector(roleARN: Fixture.roleARN))
        #expect(selected.kept.count == 2)
        #expect(selected.skipped == 1)
    }

    @Test func rejectsSameNameInOtherAccount() {
        let selected = principals(RoleSelector(roleARN: "arn:aws:iam::999999999999:role/service/orders-role"))
        #expect(selected.kept.isEmpty)
        #expect(selected.skipped == 3)
    }

    @Test func selectsByRoleName() {
        #expect(principals(RoleSelector(roleName: "billing-role")).kept.count == 1)
    }

    @Test func selectsByFunctionName() {
        let selected = principals(RoleSelector(functionName: "refunds-fn"))
        #expect(selected.kept == ["arn:aws:sts::123456789012:assumed-role/orders-role/refunds-fn"])
    }

    @Test func combinesFieldsWithAnd() {
        #expect(principals(RoleSelector(roleName: "billing-role", functionName: "orders-fn")).kept.isEmpty)
    }

    @Test func matchesSessionWithoutIssuer() {
        let selector = RoleSelector(roleARN: Fixture.roleARN)
        #expect(selector.matches(principal: Fixture.sessionARN))
        #expect(selector.matches(principal: Fixture.roleARN))
        #expect(!selector.matches(principal: "arn:aws:sts::123456789012:assumed-role/other/orders-fn"))
    }

    @Test func filterNeedsEveryText() {
        let filter = RecordFilter(selector: RoleSelector(roleARN: Fixture.roleARN, functionName: "orders-fn"))
        #expect(filter.requiredTexts.map { String(decoding: $0, as: UTF8.self) } == ["orders-role", "orders-fn"])
        #expect(filter.mayMatch(Array(Fixture.event(source: "s3.amazonaws.com", name: "GetObject").utf8)))
        #expect(!filter.mayMatch(Array(#"{"arn":"assumed-role/orders-role/other"}"#.utf8)))
        #expect(RecordFilter.contains(Array("abcabd".utf8), Array("abd".utf8)))
        #expect(!RecordFilter.contains(Array("ab".utf8), Array("abd".utf8)))
    }
}
