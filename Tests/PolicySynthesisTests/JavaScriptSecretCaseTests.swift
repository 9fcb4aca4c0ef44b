import Testing

/// Parameters, secrets, keys, roles and metrics from JavaScript: Powertools for AWS Lambda
/// (TypeScript), the Parameters and Secrets extension on `localhost:2773`, and direct calls.
@Suite struct JavaScriptSecretCaseTests {
    static let cases: [JavaScriptCase] = [
        JavaScriptCase(
            name: "powertools parameter and secret functions",
            project: JavaScriptProject(
                environment: ["DB_URL_PARAM": "/shop/prod/db-url"],
                files: [
                    "app.ts": """
                    import { getParameter, getParameters } from "@aws-lambda-powertools/parameters/ssm";
                    import { getSecret } from "@aws-lambda-powertools/parameters/secrets";
                    export const handler = async (): Promise<void> => {
                      const url = await getParameter(process.env.DB_URL_PARAM as string);
                      const all = await getParameters("/shop/prod", { recursive: true, decrypt: true });
                      const creds = await getSecret("app-db-creds");
                    };
                    """
                ]),
            granted: [
                "ssm:GetParameter \(regionalARN("ssm", "parameter/shop/prod/db-url"))",
                "ssm:GetParametersByPath \(regionalARN("ssm", "parameter/shop/prod"))",
                "secretsmanager:GetSecretValue \(regionalARN("secretsmanager", "secret:app-db-creds-??????"))",
            ],
            notGranted: ["ssm:GetParameter \(regionalARN("ssm", "parameter//shop/prod/db-url"))"],
            absentActions: ["kms:Decrypt"]),
        JavaScriptCase(
            name: "powertools providers",
            project: JavaScriptProject(
                environment: ["SECRET_ARN": "!Ref DbSecret"],
                resources: """
                      DbSecret:
                        Type: AWS::SecretsManager::Secret
                        Properties: {Name: shop-db}
                    """,
                files: [
                    "app.ts": """
                    import { SSMProvider } from "@aws-lambda-powertools/parameters/ssm";
                    import { SecretsProvider } from "@aws-lambda-powertools/parameters/secrets";
                    const ssm = new SSMProvider();
                    const secrets = new SecretsProvider();
                    export const handler = async () => {
                      await ssm.get("/shop/flags/checkout");
                      await secrets.get(process.env.SECRET_ARN!);
                    };
                    """
                ]),
            granted: [
                "ssm:GetParameter \(regionalARN("ssm", "parameter/shop/flags/checkout"))",
                "secretsmanager:GetSecretValue \(regionalARN("secretsmanager", "secret:shop-db-??????"))",
            ]),
        JavaScriptCase(
            name: "direct secret and parameter path reads",
            project: JavaScriptProject(files: [
                "app.mjs": """
                import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
                import { GetParametersByPathCommand, SSMClient } from "@aws-sdk/client-ssm";
                const secrets = new SecretsManagerClient({});
                const ssm = new SSMClient({});
                export const handler = async () => {
                  await secrets.send(new GetSecretValueCommand({ SecretId: "app-db-creds" }));
                  await ssm.send(new GetParametersByPathCommand({ Path: "/shop/prod", Recursive: true, WithDecryption: true }));
                };
                """
            ]),
            granted: [
                "secretsmanager:GetSecretValue \(regionalARN("secretsmanager", "secret:app-db-creds-??????"))",
                "ssm:GetParametersByPath \(regionalARN("ssm", "parameter/shop/prod"))",
            ],
            notGranted: ["secretsmanager:GetSecretValue \(regionalARN("secretsmanager", "secret:app-db-creds"))"],
            absentActions: ["kms:Decrypt"]),
        JavaScriptCase(
            name: "extension secret over fetch",
            project: JavaScriptProject(
                environment: ["SECRET_NAME": "app-db-creds"],
                files: [
                    "app.mjs": """
                    const port = process.env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT ?? "2773";
                    export const handler = async () => {
                      const url = `http://localhost:${port}/secretsmanager/get?secretId=${encodeURIComponent(process.env.SECRET_NAME)}`;
                      const response = await fetch(url, { headers: { "X-Aws-Parameters-Secrets-Token": process.env.AWS_SESSION_TOKEN } });
                      return (await response.json()).SecretString;
                    };
                    """
                ]),
            granted: ["secretsmanager:GetSecretValue \(regionalARN("secretsmanager", "secret:app-db-creds-??????"))"]),
        JavaScriptCase(
            name: "extension parameter over http",
            project: JavaScriptProject(files: [
                "app.js": """
                const http = require("http");
                exports.handler = () => new Promise((resolve) => {
                  const options = { host: "localhost", port: 2773, path: "/systemsmanager/parameters/get?name=%2Fshop%2Fdb-url",
                    headers: { "X-Aws-Parameters-Secrets-Token": process.env.AWS_SESSION_TOKEN } };
                  http.get(options, (res) => resolve(res.statusCode));
                });
                """
            ]),
            granted: ["ssm:GetParameter \(regionalARN("ssm", "parameter/shop/db-url"))"]),
        JavaScriptCase(
            name: "kms key from the environment",
            project: JavaScriptProject(
                environment: ["KEY_ARN": "!GetAtt ExportKey.Arn"], resources: JavaScriptResources.exportKey,
                files: [
                    "app.mjs": """
                    import { DecryptCommand, EncryptCommand, KMSClient } from "@aws-sdk/client-kms";
                    const kms = new KMSClient({});
                    export const handler = async (event) => {
                      const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: process.env.KEY_ARN, Plaintext: event.data }));
                      return kms.send(new DecryptCommand({ KeyId: process.env.KEY_ARN, CiphertextBlob }));
                    };
                    """
                ]),
            granted: ["kms:Encrypt \(templateKeyARN("ExportKey"))", "kms:Decrypt \(templateKeyARN("ExportKey"))"],
            absentActions: ["kms:GenerateDataKey"]),
        JavaScriptCase(
            name: "assume a role of another account",
            project: JavaScriptProject(
                environment: ["AUDIT_ROLE_ARN": "arn:aws:iam::111122223333:role/audit-reader"],
                files: [
                    "app.mjs": """
                    import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
                    const sts = new STSClient({});
                    export const handler = async () => sts.send(new AssumeRoleCommand({ RoleArn: process.env.AUDIT_ROLE_ARN, RoleSessionName: "audit" }));
                    """
                ]),
            granted: ["sts:AssumeRole arn:aws:iam::111122223333:role/audit-reader"]),
        JavaScriptCase(
            name: "metric data scoped by namespace",
            project: JavaScriptProject(files: [
                "app.mjs": """
                import { CloudWatchClient, PutMetricDataCommand } from "@aws-sdk/client-cloudwatch";
                const cw = new CloudWatchClient({});
                export const handler = async () => cw.send(new PutMetricDataCommand({
                  Namespace: "Shop/Checkout", MetricData: [{ MetricName: "Orders", Value: 1 }],
                }));
                """
            ]),
            granted: ["cloudwatch:PutMetricData * if StringEquals cloudwatch:namespace=Shop/Checkout"]),
    ]

    @Test(arguments: cases) func policyMatches(_ testCase: JavaScriptCase) throws {
        try testCase.check()
    }
}
