import Diagnostics
import Documents

/// Reads the `Resources` section into `TemplateResource`s, reporting each entry of the wrong
/// shape and keeping the others.
struct TemplateParser {
    let diagnostics: DiagnosticSink

    /// Reports each optional section that is present but is not a mapping; such a section is
    /// read as empty.
    func checkSections(of root: Node) {
        for name in ["Parameters", "Conditions", "Mappings", "Globals", "Outputs"] {
            guard let section = root[name], section.mapping == nil, !section.isNull else { continue }
            diagnostics.report(
                .error, .invalidTemplate, "\(name) must be a mapping", at: section.location,
                notes: ["the section is read as empty"])
        }
    }

    /// Reads the resources by logical id. Returns `nil` when the section is missing or is not a mapping.
    func resources(in root: Node) -> [String: TemplateResource]? {
        guard let section = root["Resources"] else {
            diagnostics.report(
                .error, .missingResources, "template has no Resources section", at: root.location,
                notes: ["a template declares at least one resource under Resources"])
            return nil
        }
        guard let pairs = section.mapping else {
            diagnostics.report(
                .error, .missingResources, "Resources must be a mapping of logical ids to resources",
                at: section.location)
            return nil
        }
        var resources: [String: TemplateResource] = [:]
        resources.reserveCapacity(pairs.count)
        for pair in pairs {
            guard let logicalId = pair.key.scalar else {
                diagnostics.report(
                    .error, .invalidResource, "resource logical id must be a string", at: pair.key.location)
                continue
            }
            if let resource = resource(logicalId, pair.value, at: pair.key.location) {
                resources[logicalId] = resource
            }
        }
        return resources
    }

    private func resource(_ logicalId: String, _ node: Node, at location: SourceLocation) -> TemplateResource? {
        guard node.mapping != nil else {
            diagnostics.report(
                .error, .invalidResource, "resource '\(logicalId)' must be a mapping with a Type", at: node.location)
            return nil
        }
        if let typeNode = node["Type"], typeNode.scalar == nil {
            diagnostics.report(
                .error, .invalidResource, "Type of resource '\(logicalId)' must be a string", at: typeNode.location)
            return nil
        }
        guard let type = node["Type"]?.scalar, !type.isEmpty else {
            diagnostics.report(
                .error, .invalidResource, "resource '\(logicalId)' has no Type", at: node.location,
                notes: ["add a Type such as AWS::Serverless::Function"])
            return nil
        }
        var properties = node["Properties"]
        if let given = properties, given.mapping == nil, !given.isNull {
            diagnostics.report(
                .error, .invalidResource, "Properties of resource '\(logicalId)' must be a mapping",
                at: given.location, notes: ["the resource is read as if it had no properties"])
            properties = nil
        }
        if properties?.isNull == true { properties = nil }
        return TemplateResource(
            logicalId: logicalId, type: type, properties: properties, metadata: node["Metadata"], location: location)
    }
}
