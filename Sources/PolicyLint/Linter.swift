import Diagnostics
import Documents
import IAMCatalog
import PolicyModel

/// Runs the rules over policy files and templates.
package struct Linter: Sendable {
    package let catalog: Catalog
    package let options: LintOptions

    package init(catalog: Catalog, options: LintOptions) {
        self.catalog = catalog
        self.options = options
    }

    /// Lints a policy JSON or YAML file: one policy document, an array of documents, or
    /// `{"PolicyDocument": ...}` wrappers.
    package func lintPolicyFile(path: String, text: [UInt8], diagnostics: DiagnosticSink) -> [Finding] {
        guard let root = parse(path: path, text: text, diagnostics: diagnostics) else { return [] }
        let locator = PolicyLocator()
        var policies: [LocatedPolicy] = []
        let nodes = Self.documentNodes(in: root, subject: nil, diagnostics: diagnostics)
        if nodes.isEmpty, root.sequence != nil {
            diagnostics.report(
                .error, .invalidPolicyDocument, "the file holds no policy document", at: root.location,
                notes: ["a policy file holds a policy document (a mapping with Statement) or a list of them"])
        }
        for (node, name) in nodes {
            let subject = name ?? node["Id"]?.scalar
            guard var policy = locator.policy(node, subject: subject, origin: .policyFile) else { continue }
            (policy.document, policy.shapeProblems) = PolicyReader.document(node, diagnostics: diagnostics) {
                PolicyReader(diagnostics: $0)
            }
            policies.append(policy)
        }
        return run(policies: policies, functions: [], isTemplate: false, diagnostics: diagnostics)
    }

    /// A SAM or CloudFormation template: inline and managed policies, IAM resources, SAM
    /// `Policies`.
    /// `fileSystemPath` is the template's path on disk when `path`, the path reports show, is
    /// relative to another folder. The files the template names are read beside it.
    package func lintTemplate(
        path: String, fileSystemPath: String? = nil, text: [UInt8], diagnostics: DiagnosticSink
    ) -> [Finding] {
        guard let root = parse(path: path, text: text, diagnostics: diagnostics),
            let template = TemplatePolicies.template(
                path: fileSystemPath ?? path, displayPath: path, root: root, diagnostics: diagnostics)
        else { return [] }
        let finder = TemplatePolicies(template: template, catalog: catalog, diagnostics: diagnostics)
        return run(
            policies: finder.policies(), functions: finder.functions(), isTemplate: true, diagnostics: diagnostics)
    }

    /// Runs every selected rule and returns the findings in file order.
    func run(
        policies: [LocatedPolicy], functions: [LocatedFunction], isTemplate: Bool, diagnostics: DiagnosticSink
    ) -> [Finding] {
        let context = LintContext(catalog: catalog, diagnostics: diagnostics)
        let rules = RuleRegistry.all.filter { options.runs($0.descriptor, isTemplate: isTemplate) }
        context.enabledRuleIds = Set(rules.map(\.descriptor.id))
        let expandedRules = rules.filter(\.readsExpandedPolicies)
        var findings: [Finding] = []
        // Policy by policy, so that each policy's statements stay in the cache while every rule reads them.
        for policy in policies {
            for rule in policy.origin.isWritten ? rules : expandedRules {
                findings += rule.check(policy, in: context)
            }
        }
        for group in Self.principalGroups(policies) {
            for rule in rules {
                findings += rule.check(principal: group, in: context)
            }
        }
        for function in functions {
            for rule in rules {
                findings += rule.check(function, in: context)
            }
        }
        return findings.sorted {
            ($0.location, $0.ruleId, $0.message) < ($1.location, $1.ruleId, $1.message)
        }
    }

    /// Groups the written policies by the role or function they belong to, in first-seen order.
    /// A policy without a `principalId` forms a group of its own.
    static func principalGroups(_ policies: [LocatedPolicy]) -> [[LocatedPolicy]] {
        var groups: [[LocatedPolicy]] = []
        var groupIndex: [String: Int] = [:]
        for policy in policies where policy.origin.isWritten {
            guard let id = policy.principalId else {
                groups.append([policy])
                continue
            }
            if let index = groupIndex[id] {
                groups[index].append(policy)
            } else {
                groupIndex[id] = groups.count
                groups.append([policy])
            }
        }
        return groups
    }

    private func parse(path: String, text: [UInt8], diagnostics: DiagnosticSink) -> Node? {
        do {
            let document = try DocumentReader.read(bytes: text, displayPath: path)
            for warning in document.warnings { diagnostics.report(warning) }
            return document.root
        } catch {
            diagnostics.report(error.diagnostic)
            return nil
        }
    }

    /// Returns the policy documents of a policy file, each with the `PolicyName` written beside
    /// its `PolicyDocument` wrapper, if any. Reports a file that contains none.
    static func documentNodes(in root: Node, subject: String?, diagnostics: DiagnosticSink) -> [(Node, String?)] {
        if let items = root.sequence {
            return items.flatMap { documentNodes(in: $0, subject: subject, diagnostics: diagnostics) }
        }
        guard root.mapping != nil else {
            diagnostics.report(
                .error, .invalidPolicyDocument,
                "a policy file holds a policy document (a mapping with Statement) or a list of them",
                at: root.location)
            return []
        }
        if root["Statement"] != nil { return [(root, subject)] }
        let name = root["PolicyName"]?.scalar ?? subject
        for wrapper in ["PolicyDocument", "Document", "Policy", "PolicyVersion"] {
            if let inner = root[wrapper] { return documentNodes(in: inner, subject: name, diagnostics: diagnostics) }
        }
        diagnostics.report(
            .error, .invalidPolicyDocument, "the document has no Statement", at: root.location,
            notes: ["a policy document is a mapping with Version and Statement"])
        return []
    }
}
