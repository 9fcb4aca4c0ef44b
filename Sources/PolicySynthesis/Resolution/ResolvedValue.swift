import DeploymentModel
import Diagnostics
import PolicyModel
import SourceAnalysis

/// A call argument after resolution: its text as a pattern, and the template resource it names
/// when it is a `Ref` or `Fn::GetAtt`.
package struct ResolvedValue: Hashable, Sendable {
    package var pattern: PatternString
    package var reference: ResourceReference?
    /// The reasons parts were widened, for the warning.
    package var widenedBecause: [String]

    package init(pattern: PatternString, reference: ResourceReference? = nil, widenedBecause: [String] = []) {
        self.pattern = pattern
        self.reference = reference
        self.widenedBecause = widenedBecause
    }
}

/// Resolves symbolic values from the code through the function's environment and the template.
package struct ValueResolver: Sendable {
    package var function: FunctionModel
    package var template: Template?
    /// The maximum number of alternatives one value may expand to through `Fn::If`.
    package var maximumAlternatives = 8
    /// The template's resources by the names they are known by; built from `template` when
    /// the caller has none to share.
    package var namedResources: NamedResourceIndex?

    package init(function: FunctionModel, template: Template?, namedResources: NamedResourceIndex? = nil) {
        self.function = function
        self.template = template
        self.namedResources = namedResources ?? template.map(NamedResourceIndex.init(template:))
    }

    /// Returns every value the argument can take, several when `Fn::If` keeps both branches.
    package func resolve(_ value: SymbolicValue) -> [ResolvedValue] {
        switch value {
        case .literal(let text):
            return [ResolvedValue(pattern: PatternString(literal: text))]
        case .environment(let name, let defaultValue):
            return resolveEnvironment(name, defaultValue: defaultValue)
        case .concatenation(let parts):
            return concatenate(parts.map(resolve))
        case .list(let items):
            // Each element names one resource (`Names=[...]`), so each gives one alternative.
            guard !items.isEmpty else {
                return [ResolvedValue(pattern: .wildcard, widenedBecause: ["the list is empty"])]
            }
            let values = items.flatMap(resolve)
            guard values.count > maximumAlternatives else { return values }
            // Dropping the rest would leave resources out, so the last alternative covers them.
            let rest = ResolvedValue(
                pattern: .wildcard, widenedBecause: ["the list has more than \(maximumAlternatives) values"])
            return Array(values.prefix(maximumAlternatives - 1)) + [rest]
        case .dictionary(let entries):
            // An S3 object location (`CopySource={"Bucket": b, "Key": k}`) reads as `b/k`.
            if let bucket = entries["Bucket"], let key = entries["Key"] {
                return concatenate([
                    resolve(bucket), [ResolvedValue(pattern: PatternString(literal: "/"))], resolve(key),
                ])
            }
            return [ResolvedValue(pattern: .wildcard, widenedBecause: ["the value is a mapping"])]
        case .event(let path):
            return resolveEvent(path)
        case .unknown(let reason):
            return [ResolvedValue(pattern: .wildcard, widenedBecause: [reason])]
        }
    }

    /// The reason an object key from an S3 event is open: the narrowest the event allows, so
    /// synthesis reports it as a note rather than a warning.
    package static let eventKeyReason = "the object key comes from the S3 event"

    /// Resolves a value from the invocation event. The bucket and object key of an S3
    /// notification come from the function's S3 events: their buckets and their key filter.
    private func resolveEvent(_ path: [String]) -> [ResolvedValue] {
        let s3Events = function.events.filter { $0.pushType == "S3" && $0.source != nil }
        let eventText = "event" + path.map { "[\($0)]" }.joined()
        guard !s3Events.isEmpty, path.count >= 3, path[path.count - 3] == "s3" else {
            return [ResolvedValue(pattern: .wildcard, widenedBecause: ["\(eventText) comes from the invocation event"])]
        }
        switch Array(path.suffix(2)) {
        case ["bucket", "name"]:
            return Array(s3Events.flatMap { resolve($0.source!) }.prefix(maximumAlternatives))
        case ["object", "key"]:
            return s3Events.map { event in
                var key = PatternString(literal: event.keyPrefix ?? "")
                key.append(PatternString.Segment.wildcard)
                key.append(.literal(event.keySuffix ?? ""))
                return ResolvedValue(pattern: key, widenedBecause: [ValueResolver.eventKeyReason])
            }
        default:
            return [ResolvedValue(pattern: .wildcard, widenedBecause: ["\(eventText) comes from the invocation event"])]
        }
    }

    private func resolveEnvironment(_ name: String, defaultValue: String?) -> [ResolvedValue] {
        if let templateValue = function.environment[name] {
            return resolve(templateValue)
        }
        if let defaultValue {
            return [ResolvedValue(pattern: PatternString(literal: defaultValue))]
        }
        return [
            ResolvedValue(
                pattern: .wildcard,
                widenedBecause: ["environment variable \(name) is not set in the template"]
            )
        ]
    }

    /// Resolves a template value, keeping both branches of `Fn::If`.
    package func resolve(_ value: TemplateValue) -> [ResolvedValue] {
        switch value {
        case .choice(_, let whenTrue, let whenFalse):
            // A branch of `AWS::NoValue` leaves the property unset, so it names no resource.
            let branches = [whenTrue, whenFalse].filter { !$0.isNoValue }
            guard !branches.isEmpty else {
                return [ResolvedValue(pattern: .wildcard, widenedBecause: ["both branches are AWS::NoValue"])]
            }
            return Array(branches.flatMap(resolve).prefix(maximumAlternatives))
        case .concatenation(let parts):
            return concatenate(parts.map(resolve))
        case .importValue:
            return [ResolvedValue(pattern: .wildcard, widenedBecause: ["the value is imported from another stack"])]
        case .unknown(let reason):
            return [ResolvedValue(pattern: .wildcard, widenedBecause: [reason])]
        default:
            let pattern = template?.pattern(for: value) ?? PatternString.wildcard
            let reference = template?.reference(for: value)
            let reasons = pattern.containsWildcard ? ["the template value cannot be resolved"] : []
            return [ResolvedValue(pattern: pattern, reference: reference, widenedBecause: reasons)]
        }
    }

    private func concatenate(_ alternatives: [[ResolvedValue]]) -> [ResolvedValue] {
        if alternatives.count == 1 { return alternatives[0] }
        if alternatives.allSatisfy({ $0.count == 1 }) {
            // One value per part: append in place, which stays linear in the number of parts.
            var result = ResolvedValue(pattern: PatternString())
            for part in alternatives {
                result.pattern.append(part[0].pattern)
                result.widenedBecause += part[0].widenedBecause
            }
            return [result]
        }
        var results = [ResolvedValue(pattern: PatternString())]
        for options in alternatives {
            var next: [ResolvedValue] = []
            for partial in results {
                for option in options {
                    next.append(
                        ResolvedValue(
                            pattern: partial.pattern + option.pattern,
                            reference: nil,
                            widenedBecause: partial.widenedBecause + option.widenedBecause
                        )
                    )
                }
            }
            results = Array(next.prefix(maximumAlternatives))
        }
        // A single part keeps its reference; a concatenation names no one resource.
        if alternatives.count == 1 { return alternatives[0] }
        return results
    }
}
