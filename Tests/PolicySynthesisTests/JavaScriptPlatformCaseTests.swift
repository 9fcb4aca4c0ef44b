import Testing

/// Permissions a Node.js function needs from its configuration and its tracing library, from
/// template to policy.
@Suite struct JavaScriptPlatformCaseTests {
    static let customRole = """
          FnRole:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument: {Version: "2012-10-17", Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]}
        """

    static let cases: [JavaScriptCase] = [
        JavaScriptCase(
            name: "active tracing on a custom role",
            project: JavaScriptProject(
                properties: ["Role: !GetAtt FnRole.Arn", "Tracing: Active"], resources: customRole,
                files: ["app.mjs": "export const handler = async () => ({ statusCode: 200 });\n"]),
            granted: ["xray:PutTraceSegments *", "xray:PutTelemetryRecords *"],
            absentActions: ["xray:GetSamplingRules"]),
        JavaScriptCase(
            name: "powertools tracer samples",
            project: JavaScriptProject(
                properties: ["Role: !GetAtt FnRole.Arn", "Tracing: Active"], resources: customRole,
                files: [
                    "app.ts": """
                    import { Tracer } from "@aws-lambda-powertools/tracer";
                    const tracer = new Tracer({ serviceName: "orders" });
                    export const handler = async () => {
                      tracer.putAnnotation("step", "start");
                      return { statusCode: 200 };
                    };
                    """
                ]),
            granted: [
                "xray:PutTraceSegments *", "xray:PutTelemetryRecords *", "xray:GetSamplingRules *",
                "xray:GetSamplingTargets *", "xray:GetSamplingStatisticSummaries *",
            ]),
        JavaScriptCase(
            name: "function in a VPC",
            project: JavaScriptProject(
                properties: ["VpcConfig: {SubnetIds: [subnet-1], SecurityGroupIds: [sg-1]}"],
                files: ["app.js": "exports.handler = async () => 1;\n"]),
            granted: [
                "ec2:CreateNetworkInterface *", "ec2:DescribeNetworkInterfaces *", "ec2:DescribeSubnets *",
                "ec2:DeleteNetworkInterface *", "ec2:AssignPrivateIpAddresses *", "ec2:UnassignPrivateIpAddresses *",
            ]),
    ]

    @Test(arguments: cases) func policyMatches(_ testCase: JavaScriptCase) throws {
        try testCase.check()
    }
}
