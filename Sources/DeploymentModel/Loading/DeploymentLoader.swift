import Diagnostics
import Documents
import FoundationEssentials

/// Reads every function from the templates under a project folder.
package struct DeploymentLoader: Sendable {
    package var root: String
    package var parameterOverrides: [String: String]

    package init(root: String, parameterOverrides: [String: String] = [:]) {
        self.root = root
        self.parameterOverrides = parameterOverrides
    }

    /// Finds templates (`template.yaml|yml|json` and other CloudFormation templates), skipping
    /// build output (`.aws-sam/`, `node_modules/`, `cdk.out`, `.git`, virtual environments).
    /// The paths are absolute and sorted.
    package func discoverTemplates(diagnostics: DiagnosticSink) -> [String] {
        TemplateDiscovery(root: absoluteRoot, diagnostics: diagnostics).templates()
    }

    /// Parses one template; returns `nil` and reports an error when it cannot be read or is not
    /// a template. Resources of the wrong shape are reported and left out.
    package func loadTemplate(at path: String, diagnostics: DiagnosticSink) -> Template? {
        let reader = SourceFileReader(root: absoluteRoot)
        let absolute: String
        let root: Node
        do {
            absolute = try reader.resolve(path)
            let document = try reader.readDocument(path)
            for warning in document.warnings { diagnostics.report(warning) }
            root = document.root
        } catch {
            diagnostics.report(error.diagnostic)
            return nil
        }
        let display = reader.displayPath(path)
        guard root.mapping != nil else {
            diagnostics.report(
                .error, .invalidTemplate, "template is not a mapping of sections", at: root.location,
                notes: ["a template starts with sections such as Parameters and Resources"])
            return nil
        }
        let parser = TemplateParser(diagnostics: diagnostics)
        guard let resources = parser.resources(in: root) else { return nil }
        parser.checkSections(of: root)
        var template = Template(
            path: absolute, displayPath: display, root: root, resources: resources, parameterValues: [:])
        (template.parameterValues, template.parameterDefaults) = parameterValues(
            for: template, diagnostics: diagnostics)
        for (name, definition) in template.conditions.sorted(by: { $0.key < $1.key }) {
            _ = template.conditionValue(name, at: definition.location, diagnostics: diagnostics)
        }
        template.checkIntrinsics(diagnostics: diagnostics)
        return template
    }

    /// The scanned root as an absolute path without a trailing `/`.
    package var absoluteRoot: String {
        var path = root.hasPrefix("/") ? root : FileManager.default.currentDirectoryPath + "/" + root
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path.normalizedPath
    }

    /// Returns the path relative to the scanned root, as diagnostics show it.
    package func relativePath(_ path: String) -> String {
        SourceFileReader(root: absoluteRoot).displayPath(path)
    }

    /// Overrides, then defaults. A parameter of an SSM type (`AWS::SSM::Parameter::Value<...>`)
    /// has as its default the name of an SSM parameter, whose value is read at deploy time.
    private func parameterValues(for template: Template, diagnostics: DiagnosticSink) -> (
        overrides: [String: String], defaults: [String: String]
    ) {
        var overrides: [String: String] = [:]
        var defaults: [String: String] = [:]
        for (name, declaration) in template.parameterDeclarations {
            if let override = parameterOverrides[name] { overrides[name] = override }
            let type = declaration["Type"]?.scalar ?? "String"
            if type.hasPrefix("AWS::SSM::Parameter::Value") { continue }
            guard let defaultNode = declaration["Default"] else { continue }
            if let text = defaultNode.scalar {
                defaults[name] = text
            } else if let items = defaultNode.sequence {
                defaults[name] = items.compactMap(\.scalar).joined(separator: ",")
            }
        }
        return (overrides, defaults)
    }
}

extension String {
    /// The path with `.` and `..` segments and repeated `/` removed, without touching the disk.
    var normalizedPath: String {
        let isAbsolute = hasPrefix("/")
        var parts: [Substring] = []
        for part in split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part == "..", isAbsolute {
                continue
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return isAbsolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }
}
