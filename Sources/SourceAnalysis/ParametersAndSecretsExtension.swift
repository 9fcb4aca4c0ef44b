/// The routes of the AWS Parameters and Secrets Lambda extension, which handler code calls over
/// HTTP on `localhost:2773`, and the API operation each stands for.
package struct ExtensionRoute: Sendable {
    /// The URL path, such as `/secretsmanager/get`.
    package var path: String
    /// The query parameter that names the parameter or secret.
    package var queryName: String
    package var client: String
    package var operation: String
    /// The API request parameter the query value fills.
    package var parameter: String

    package static let all = [
        ExtensionRoute(
            path: "/systemsmanager/parameters/get", queryName: "name", client: "ssm", operation: "GetParameter",
            parameter: "Name"),
        ExtensionRoute(
            path: "/secretsmanager/get", queryName: "secretId", client: "secretsmanager", operation: "GetSecretValue",
            parameter: "SecretId"),
    ]
}
