import DeploymentModel
import Diagnostics
import Documents
import FoundationEssentials
import PolicyModel

/// A folder under the system's temporary folder, removed when the value is released.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = "/tmp/minrole-deployment-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` to `relativePath`, creating the folders on the way.
    func write(_ text: String, to relativePath: String) throws {
        let full = path + "/" + relativePath
        if let slash = full.lastIndex(of: "/") {
            try FileManager.default.createDirectory(atPath: String(full[..<slash]), withIntermediateDirectories: true)
        }
        guard FileManager.default.createFile(atPath: full, contents: Data(text.utf8)) else {
            throw FixtureError.cannotWrite(full)
        }
    }
}

enum FixtureError: Error {
    case cannotWrite(String)
    case notLoaded([Diagnostic])
}

/// A template loaded from YAML or JSON text through the real parser, with its diagnostics.
struct LoadedTemplate {
    let folder: TemporaryFolder
    let loader: DeploymentLoader
    let template: Template
    let diagnostics: DiagnosticSink

    init(_ text: String, overrides: [String: String] = [:], name: String = "template.yaml") throws {
        folder = try TemporaryFolder()
        try folder.write(text, to: name)
        loader = DeploymentLoader(root: folder.path, parameterOverrides: overrides)
        diagnostics = DiagnosticSink()
        guard let template = loader.loadTemplate(at: folder.path + "/" + name, diagnostics: diagnostics) else {
            throw FixtureError.notLoaded(diagnostics.diagnostics)
        }
        self.template = template
    }

    /// Reads the functions of the template, adding diagnostics to `diagnostics`.
    func functions() -> [FunctionModel] { loader.functions(in: template, diagnostics: diagnostics) }

    func function(_ logicalId: String) -> FunctionModel? { functions().first { $0.logicalId == logicalId } }

    /// Evaluates the `Value` property of resource `Probe`.
    func probe(_ logicalId: String = "Probe") -> TemplateValue? {
        guard let node = template.resources[logicalId]?.properties?["Value"] else { return nil }
        return template.evaluate(node, diagnostics: diagnostics)
    }

    func messages(_ severity: Severity) -> [String] {
        diagnostics.diagnostics.filter { $0.severity == severity }.map(\.message)
    }

    func codes(_ severity: Severity) -> [DiagnosticCode] {
        diagnostics.diagnostics.filter { $0.severity == severity }.map(\.code)
    }
}

/// Builds a template in memory from literal nodes, without the parser.
func makeTemplate(_ tree: TreeLiteral, parameterValues: [String: String] = [:]) -> (Template, DiagnosticSink) {
    let root = tree.node()
    let diagnostics = DiagnosticSink()
    var resources: [String: TemplateResource] = [:]
    for pair in root["Resources"]?.mapping ?? [] {
        guard let id = pair.key.scalar, let type = pair.value["Type"]?.scalar else { continue }
        resources[id] = TemplateResource(
            logicalId: id, type: type, properties: pair.value["Properties"], metadata: pair.value["Metadata"],
            location: pair.key.location)
    }
    let template = Template(
        path: "/project/template.yaml", displayPath: "template.yaml", root: root, resources: resources,
        parameterValues: parameterValues)
    return (template, diagnostics)
}

extension PatternString {
    /// Builds a pattern from `${Name}` text, with `*` as a wildcard, for compact expectations.
    static func parse(_ text: String) -> PatternString {
        var pattern = PatternString()
        var rest = Substring(text)
        while !rest.isEmpty {
            if rest.hasPrefix("${"), let close = rest.firstIndex(of: "}") {
                pattern.append(.placeholder(String(rest[rest.index(rest.startIndex, offsetBy: 2)..<close])))
                rest = rest[rest.index(after: close)...]
            } else if rest.hasPrefix("*") {
                pattern.append(PatternString.Segment.wildcard)
                rest = rest.dropFirst()
            } else {
                let end = rest.dropFirst().firstIndex { $0 == "$" || $0 == "*" } ?? rest.endIndex
                pattern.append(.literal(String(rest[..<end])))
                rest = rest[end...]
            }
        }
        return pattern
    }
}
