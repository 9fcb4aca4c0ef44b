/// Every rule minrole knows, in id order.
package enum RuleRegistry {
    package static var all: [any LintRule] { [] }
    package static var descriptors: [RuleDescriptor] { all.map(\.descriptor) }
}
