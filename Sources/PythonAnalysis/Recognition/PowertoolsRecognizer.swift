import IAMCatalog
import SourceAnalysis

/// Lambda Powertools parameter functions (`parameters.get_parameter`) and providers
/// (`SSMProvider().get`), through the catalog's Powertools map.
struct PowertoolsRecognizer {
    let recognizer: SDKCallRecognizer

    static let packagePrefix = "aws_lambda_powertools."
    static let parametersModule = "aws_lambda_powertools.utilities.parameters"

    func functionCalls(_ path: String, at site: CallSite) -> [SDKCall] {
        guard path.hasPrefix(Self.packagePrefix), let (module, name) = split(path),
            let helper = lookup(module: module, name: name)
        else { return [] }
        return HelperRecognizer(recognizer: recognizer).calls(helper, at: site, known: [:])
    }

    func providerCalls(
        _ path: String, _ constructorArguments: [String: SymbolicValue], _ method: String, at site: CallSite
    ) -> [SDKCall] {
        guard path.hasPrefix(Self.packagePrefix), let (module, provider) = split(path),
            let helper = lookup(module: module, name: "\(provider).\(method)")
        else { return [] }
        return HelperRecognizer(recognizer: recognizer).calls(helper, at: site, known: constructorArguments)
    }

    private func split(_ path: String) -> (String, String)? {
        guard let dot = path.lastIndex(of: ".") else { return nil }
        return (String(path[..<dot]), String(path[path.index(after: dot)...]))
    }

    /// The function in its module, or in the `parameters` package that re-exports the
    /// functions of its submodules (`parameters.ssm.get_parameter`).
    private func lookup(module: String, name: String) -> HelperMethod? {
        let catalog = recognizer.catalog
        if let helper = catalog.powertoolsFunction(module: module, name: name) { return helper }
        guard module.hasPrefix(Self.parametersModule + ".") else { return nil }
        return catalog.powertoolsFunction(module: Self.parametersModule, name: name)
    }
}
