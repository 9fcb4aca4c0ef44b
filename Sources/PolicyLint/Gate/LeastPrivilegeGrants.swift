import DeploymentModel
import Diagnostics
import Documents
import IAMCatalog
import PolicyModel

/// A start and an end in a file the user wrote.
package struct SourceSpan: Hashable, Sendable {
    package var start: SourceLocation
    package var end: SourceLocation?

    package init(start: SourceLocation, end: SourceLocation?) {
        self.start = start
        self.end = end
    }
}

/// One statement a function's existing role has, with resources resolved through the template
/// to the same `${...}` placeholder form that generated policies use.
package struct GrantedStatement: Hashable, Sendable {
    package var effect: Effect
    package var actions: [String]
    package var isNotAction: Bool
    package var resources: [PatternString]
    package var isNotResource: Bool
    package var hasConditions: Bool
    /// The statement in the template, or the `Policies` entry that expands to it.
    package var location: SourceLocation
    package var endLocation: SourceLocation?
    /// The statement's source, for messages: "an inline policy", "SAM policy template
    /// S3ReadPolicy", "managed policy AWSLambdaBasicExecutionRole".
    package var origin: String
    /// The positions of each action and each resource (keyed by its `description`), for
    /// statements read from the template itself.
    package var actionSpans: [String: SourceSpan] = [:]
    package var resourceSpans: [String: SourceSpan] = [:]

    package init(
        effect: Effect = .allow, actions: [String], isNotAction: Bool = false, resources: [PatternString],
        isNotResource: Bool = false, hasConditions: Bool = false, location: SourceLocation,
        endLocation: SourceLocation? = nil, origin: String
    ) {
        self.effect = effect
        self.actions = actions
        self.isNotAction = isNotAction
        self.resources = resources
        self.isNotResource = isNotResource
        self.hasConditions = hasConditions
        self.location = location
        self.endLocation = endLocation
        self.origin = origin
    }
}

/// A function's existing role as statements, and whether every part of it could be read.
package struct ExistingRole: Sendable {
    package var statements: [GrantedStatement]
    /// False when some policy could not be expanded: an unknown SAM policy template, a managed
    /// policy whose document the catalog lacks, or a role from outside the template. The
    /// comparison then reports no missing permissions, because the unread part may grant them.
    package var isComplete: Bool
    /// SAM adds the permissions of event sources, dead-letter queues and destinations to the
    /// roles it creates, so those are not reported missing.
    package var isCreatedBySAM: Bool
    package var notes: [Diagnostic]
}

/// Reads the statements of a function's role from the template and the catalog.
package struct ExistingRoleReader: Sendable {
    package var catalog: Catalog
    package var template: Template

    package init(catalog: Catalog, template: Template) {
        self.catalog = catalog
        self.template = template
    }

    package func role(of function: FunctionModel) -> ExistingRole {
        var role = ExistingRole(statements: [], isComplete: true, isCreatedBySAM: false, notes: [])
        if case .external = function.role {
            role.isComplete = false
            role.notes.append(
                Diagnostic(
                    .note, .roleNotCompared,
                    "\(function.logicalId) uses a role defined outside the template; its permissions were not compared with the code",
                    at: function.location))
            return role
        }
        var policies = function.existingPolicies
        if case .generatedBySAM = function.role {
            role.isCreatedBySAM = true
            policies += samManagedPolicies(for: function)
        }
        for policy in policies { add(policy, of: function, to: &role) }
        return role
    }

    /// Lists the managed policies SAM attaches to every role it creates, and those it adds for
    /// tracing and VPC access.
    private func samManagedPolicies(for function: FunctionModel) -> [ExistingPolicy] {
        var names = ["AWSLambdaBasicExecutionRole"]
        if function.tracingActive { names.append("AWSXrayWriteOnlyAccess") }
        if function.hasVPC { names.append("AWSLambdaVPCAccessExecutionRole") }
        return names.map { .managed(.literal($0), location: function.location) }
    }

    private func add(_ policy: ExistingPolicy, of function: FunctionModel, to role: inout ExistingRole) {
        switch policy {
        case .inline(let document, _):
            role.statements += statements(inDocument: document)
        case .samTemplate(let name, let parameters, let location):
            guard let samTemplate = catalog.samPolicyTemplate(named: name) else {
                role.isComplete = false
                role.notes.append(notCompared("SAM policy template '\(name)'", function: function, at: location))
                return
            }
            role.statements += samTemplate.statements.map {
                granted(template.statement(from: $0, parameters: parameters), location, "SAM policy template \(name)")
            }
        case .managed(let value, let location):
            let text = template.literalText(of: value) ?? ""
            let name = String(text.split(separator: "/").last ?? "")
            guard let statements = catalog.managedPolicy(named: name)?.statements else {
                role.isComplete = false
                let shown = text.isEmpty ? "a managed policy given by reference" : "managed policy '\(text)'"
                role.notes.append(notCompared(shown, function: function, at: location))
                return
            }
            role.statements += statements.map {
                granted(template.statement(from: $0, parameters: [:]), location, "managed policy \(name)")
            }
        }
    }

    /// Converts a statement the catalog expanded, placing it at the `Policies` entry that names it.
    private func granted(_ statement: Statement, _ location: SourceLocation, _ origin: String) -> GrantedStatement {
        GrantedStatement(
            effect: statement.effect, actions: statement.actions, isNotAction: statement.isNotAction,
            resources: statement.resources, isNotResource: statement.isNotResource,
            hasConditions: !statement.conditions.isEmpty, location: location, origin: origin)
    }

    private func notCompared(_ what: String, function: FunctionModel, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .note, .roleNotCompared,
            "minrole does not know the statements of \(what), so permissions of \(function.logicalId) are not reported missing",
            at: location)
    }

    /// Reads the statements of a policy document node: `Statement` as one mapping or a list.
    func statements(inDocument document: Node) -> [GrantedStatement] {
        guard let statementNode = document["Statement"] else { return [] }
        let items = statementNode.sequence ?? [statementNode]
        return items.compactMap { item in
            guard item.mapping != nil else { return nil }
            let sink = DiagnosticSink()
            let actionNode = item["Action"] ?? item["NotAction"]
            let resourceNode = item["Resource"] ?? item["NotResource"]
            var actions: [String] = []
            var actionSpans: [String: SourceSpan] = [:]
            for node in actionNode.map({ $0.sequence ?? [$0] }) ?? [] {
                let texts = texts(in: template.evaluate(node, diagnostics: sink))
                actions += texts
                for text in texts { actionSpans[text] = SourceSpan(start: node.location, end: node.endLocation) }
            }
            var resources: [PatternString] = []
            var resourceSpans: [String: SourceSpan] = [:]
            for node in resourceNode.map({ IntrinsicCheck.isIntrinsic($0) ? [$0] : ($0.sequence ?? [$0]) }) ?? [] {
                let patterns = patterns(in: template.evaluate(node, diagnostics: sink))
                resources += patterns
                for pattern in patterns {
                    resourceSpans[pattern.description] = SourceSpan(start: node.location, end: node.endLocation)
                }
            }
            let effect = item["Effect"]?.scalar == "Deny" ? Effect.deny : .allow
            var statement = GrantedStatement(
                effect: effect, actions: actions, isNotAction: item["Action"] == nil && item["NotAction"] != nil,
                resources: resources, isNotResource: item["Resource"] == nil && item["NotResource"] != nil,
                hasConditions: item["Condition"] != nil, location: item.location, endLocation: item.endLocation,
                origin: "an inline policy")
            statement.actionSpans = actionSpans
            statement.resourceSpans = resourceSpans
            return statement
        }
    }

    private func texts(in value: TemplateValue) -> [String] {
        if case .list(let items) = value { return items.compactMap { template.literalText(of: $0) } }
        return template.literalText(of: value).map { [$0] } ?? []
    }

    private func patterns(in value: TemplateValue) -> [PatternString] {
        let items: [TemplateValue]
        if case .list(let list) = value { items = list } else { items = [value] }
        return items.flatMap { template.patterns(for: $0) }
    }
}

/// Tells an intrinsic function call (a tagged node or a one-key `Fn::` or `Ref` mapping) from a
/// plain list or value.
enum IntrinsicCheck {
    static func isIntrinsic(_ node: Node) -> Bool {
        if node.tag != nil { return true }
        guard let pairs = node.mapping, pairs.count == 1, let key = pairs[0].key.scalar else { return false }
        return key == "Ref" || key.hasPrefix("Fn::")
    }
}
