import Invocations
import Rendering

/// The source of the role to simulate.
enum RoleInput {
    /// Policy JSON files, by kind.
    case files
    /// A function's role as its template defines it.
    case template(path: String, function: String)
    /// The role `minrole generate` writes for a function of a project.
    case generated(path: String, function: String?)
}

/// The validated options of `simulate`.
struct SimulateOptions {
    var role: RoleInput
    var identityFiles: [String]
    var boundaryFile: String?
    var sessionPolicyFiles: [String]
    var resourcePolicyFiles: [String]
    var serviceControlFiles: [String]
    var resourceControlFiles: [String]
    var sources: [InvocationSource]
    var selector: RoleSelector
    var format: SimulationFormat
    var parameters: [String: String]
    var placeholders: PlaceholderValues
    var exitZero: Bool
    var deployChecks: Bool

    init(_ arguments: ParsedArguments) throws(UsageError) {
        identityFiles = arguments.all("policy")
        boundaryFile = arguments.value("boundary")
        sessionPolicyFiles = arguments.all("session-policy")
        resourcePolicyFiles = arguments.all("resource-policy")
        serviceControlFiles = arguments.all("scp")
        resourceControlFiles = arguments.all("rcp")
        role = try Self.roleInput(arguments, identityFiles: identityFiles)
        sources =
            arguments.all("requests").map { .requests(path: $0) }
            + arguments.all("cloudtrail").map { .cloudTrail(path: $0) }
            + arguments.all("access-denied").map { .accessDenied(path: $0) }
        deployChecks = arguments.flag("deploy-checks")
        guard !sources.isEmpty || deployChecks else {
            throw UsageError(
                "no calls to simulate; pass --requests FILE, --cloudtrail PATH, --access-denied FILE or --deploy-checks",
                command: "simulate")
        }
        if deployChecks, case .files = role {
            throw UsageError(
                "--deploy-checks needs the function's configuration; use it with --template or --generated",
                command: "simulate")
        }
        selector = RoleSelector(
            roleARN: arguments.value("role-arn"), roleName: arguments.value("role-name"),
            functionName: arguments.value("function-name"))
        let formatName = arguments.value("format") ?? "text"
        guard let format = SimulationFormat(rawValue: formatName) else {
            throw UsageError("unknown format '\(formatName)'; use text or json", command: "simulate")
        }
        self.format = format
        parameters = try Self.parameters(arguments)
        placeholders = PlaceholderValues(
            region: arguments.value("region"), account: arguments.value("account"),
            partition: arguments.value("partition"))
        exitZero = arguments.flag("exit-zero")
        try Self.checkPlaceholders(placeholders)
    }

    private static func roleInput(_ arguments: ParsedArguments, identityFiles: [String]) throws(UsageError)
        -> RoleInput
    {
        let template = arguments.value("template")
        let generated = arguments.value("generated")
        let chosen = [template != nil, generated != nil, !identityFiles.isEmpty].count { $0 }
        guard chosen == 1 else {
            throw UsageError(
                chosen == 0
                    ? "no role to simulate; pass --policy FILE, --template FILE --function ID, or --generated PATH"
                    : "--policy, --template and --generated each give the whole role; pass only one of them",
                command: "simulate")
        }
        if let template {
            guard let function = arguments.value("function") else {
                throw UsageError(
                    "--template needs --function ID: the function whose role to simulate", command: "simulate")
            }
            return .template(path: template, function: function)
        }
        if let generated { return .generated(path: generated, function: arguments.value("function")) }
        return .files
    }

    private static func checkPlaceholders(_ values: PlaceholderValues) throws(UsageError) {
        if let account = values.account, account.count != 12 || !account.allSatisfy(\.isNumber) {
            throw UsageError("--account takes a 12-digit account id, got '\(account)'", command: "simulate")
        }
        if let partition = values.partition, !GenerateOptions.partitions.contains(partition) {
            throw UsageError(
                "unknown partition '\(partition)'; use one of: \(GenerateOptions.partitions.joined(separator: ", "))",
                command: "simulate")
        }
        if let region = values.region, !GenerateOptions.isRegionName(region) {
            throw UsageError("'\(region)' is not a region name such as us-east-1 or eu-west-2", command: "simulate")
        }
    }

    private static func parameters(_ arguments: ParsedArguments) throws(UsageError) -> [String: String] {
        var parameters: [String: String] = [:]
        for assignment in arguments.all("parameter") {
            guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
                throw UsageError("--parameter takes KEY=VALUE, got '\(assignment)'", command: "simulate")
            }
            parameters[String(assignment[..<equals])] = String(assignment[assignment.index(after: equals)...])
        }
        return parameters
    }
}
