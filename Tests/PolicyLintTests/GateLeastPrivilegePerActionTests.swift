import Diagnostics
import PolicyModel
import Testing

@testable import PolicyLint

/// `check` compares each granted action with that action's own needed resources.
@Suite struct GateLeastPrivilegePerActionTests {
    static let location = SourceLocation(file: "template.yaml", line: 3)

    func need(_ action: String, _ resource: PatternString) -> NeededPermission {
        NeededPermission(
            action: action, resource: resource, location: SourceLocation(file: "src/app.py", line: 7), why: "a call")
    }

    func need(_ action: String, _ resource: String) -> NeededPermission {
        need(action, PatternString(literal: resource))
    }

    func findings(granting actions: [String], on resources: [String], needed: [NeededPermission]) -> [Finding] {
        let statement = GrantedStatement(
            actions: actions, resources: resources.map { PatternString(literal: $0) }, location: Self.location,
            origin: "an inline policy")
        let role = ExistingRole(statements: [statement], isComplete: true, isCreatedBySAM: false, notes: [])
        return LeastPrivilegeComparison(catalog: .shared).findings(
            functionId: "Fn", functionLocation: Self.location, role: role, needed: needed)
    }

    static let logGroup = "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/Fn:*"

    @Test func vpcActionsOnStarAreNotExcess() throws {
        let needed = [
            need("ec2:CreateNetworkInterface", "*"), need("ec2:DeleteNetworkInterface", "*"),
            need("logs:CreateLogStream", Self.logGroup), need("logs:PutLogEvents", Self.logGroup),
        ]
        let result = findings(
            granting: [
                "ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface", "logs:CreateLogStream",
                "logs:PutLogEvents",
            ],
            on: ["*"], needed: needed)
        let excess = try #require(result.first { $0.ruleId == "MR401" })
        #expect(result.count == 1, "\(result.map(\.message))")
        #expect(!excess.message.contains("ec2:"), "\(excess.message)")
        #expect(excess.message.contains("logs:CreateLogStream, logs:PutLogEvents only on \(Self.logGroup)"))
    }

    @Test func s3ActionsUseTheirOwnResources() throws {
        let needed = [
            need("s3:DeleteObject", "arn:aws:s3:::docs/*"), need("s3:ListBucket", "arn:aws:s3:::docs"),
            need("s3:PutObject", "arn:aws:s3:::docs/out/*"),
        ]
        let result = findings(
            granting: ["s3:DeleteObject", "s3:ListBucket", "s3:PutObject"],
            on: ["arn:aws:s3:::docs", "arn:aws:s3:::docs/*"], needed: needed)
        let excess = result.filter { $0.ruleId == "MR401" }
        #expect(excess.count == 1, "\(excess.map(\.message))")
        let message = try #require(excess.first?.message)
        #expect(message.contains("grants s3:PutObject on arn:aws:s3:::docs/*,"), "\(message)")
        #expect(message.contains("s3:PutObject only on arn:aws:s3:::docs/out/*"), "\(message)")
        #expect(!result.contains { $0.ruleId == "MR402" })
    }

    @Test func widenedTableNeedAcceptsNamedTable() {
        let widened = PatternString([.literal("arn:aws:dynamodb:eu-west-1:123456789012:table/"), .wildcard])
        let result = findings(
            granting: ["dynamodb:GetItem"], on: ["arn:aws:dynamodb:eu-west-1:123456789012:table/${TableName}"],
            needed: [need("dynamodb:GetItem", widened)])
        #expect(result.isEmpty, "\(result.map(\.message))")
    }

    @Test func namedNeedIsStillMissingOnOtherTable() {
        let result = findings(
            granting: ["dynamodb:GetItem"], on: ["arn:aws:dynamodb:eu-west-1:123456789012:table/other"],
            needed: [need("dynamodb:GetItem", "arn:aws:dynamodb:eu-west-1:123456789012:table/orders")])
        #expect(result.contains { $0.ruleId == "MR402" })
        #expect(result.contains { $0.ruleId == "MR401" })
    }

    @Test func wholeStarNeedIsNotMetByOneArn() {
        let result = findings(
            granting: ["ec2:CreateNetworkInterface"],
            on: ["arn:aws:ec2:eu-west-1:123456789012:network-interface/eni-1"],
            needed: [need("ec2:CreateNetworkInterface", PatternString.wildcard)])
        #expect(result.contains { $0.ruleId == "MR402" })
    }
}
