import Diagnostics
import Documents
import PolicyModel

/// A resource of a template, with its properties left as written.
package struct TemplateResource: Sendable {
    package var logicalId: String
    package var type: String
    package var properties: Node?
    package var metadata: Node?
    /// The position of the logical id in the template.
    package var location: SourceLocation

    package init(logicalId: String, type: String, properties: Node?, metadata: Node?, location: SourceLocation) {
        self.logicalId = logicalId
        self.type = type
        self.properties = properties
        self.metadata = metadata
        self.location = location
    }

    /// The property under `name`, or `nil` when it is absent.
    package subscript(property name: String) -> Node? { properties?[name] }
}

/// A parsed SAM or CloudFormation template, with parameters, mappings and conditions, able to
/// evaluate intrinsic functions and to say what a reference means.
///
/// Evaluation lives in `Evaluation/Template+Evaluation.swift`; names, ARNs, keys and
/// conversions live in the `Template+*.swift` files under `References/`.
package struct Template: Sendable {
    package var path: String
    package var displayPath: String
    package var root: Node
    package var resources: [String: TemplateResource]
    /// Parameter values given with `--parameter`. A parameter without one stays symbolic
    /// (`${Stage}`) in policies, so they hold for every stack built from the template.
    package var parameterValues: [String: String]
    /// Parameter defaults, used where evaluation needs a literal (conditions, map keys, a
    /// runtime) and to fill placeholders in `--format policy`.
    package var parameterDefaults: [String: String] = [:]
    /// The `Parameters` section, by name.
    package private(set) var parameterDeclarations: [String: Node]
    /// The `Conditions` section, by name.
    package private(set) var conditions: [String: Node]
    /// The `Mappings` section, by map name.
    package private(set) var mappings: [String: Node]
    /// Logical ids of `AWS::Serverless::*` resources, whose names prefix the resources SAM
    /// generates (`FunctionRole`, `ApiStage`, ...).
    private var serverlessIds: [String]

    package init(
        path: String, displayPath: String, root: Node, resources: [String: TemplateResource],
        parameterValues: [String: String]
    ) {
        self.path = path
        self.displayPath = displayPath
        self.root = root
        self.resources = resources
        self.parameterValues = parameterValues
        self.parameterDeclarations = Template.sectionEntries(root["Parameters"])
        self.conditions = Template.sectionEntries(root["Conditions"])
        self.mappings = Template.sectionEntries(root["Mappings"])
        self.serverlessIds = resources.values.filter { $0.type.hasPrefix("AWS::Serverless::") }.map(\.logicalId)
    }

    /// True for a name SAM gives a resource it generates: `<Function>Role`, `<Function>.Alias`,
    /// `ServerlessRestApi` and other names that start with a SAM resource's logical id.
    package func isGeneratedBySAM(_ name: String) -> Bool {
        if name.hasPrefix("ServerlessRestApi") || name.hasPrefix("ServerlessHttpApi") { return true }
        return serverlessIds.contains { name.hasPrefix($0) && name != $0 }
    }

    /// The folder that contains the template, used to resolve relative code paths.
    package var folder: String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "." }
        if slash == path.utf8.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// The resource ids in the order the template declares them.
    package var resourcesInOrder: [TemplateResource] {
        resources.values.sorted { ($0.location, $0.logicalId) < ($1.location, $1.logicalId) }
    }

    private static func sectionEntries(_ section: Node?) -> [String: Node] {
        guard let pairs = section?.mapping else { return [:] }
        var entries: [String: Node] = [:]
        for pair in pairs {
            if let name = pair.key.scalar { entries[name] = pair.value }
        }
        return entries
    }
}
