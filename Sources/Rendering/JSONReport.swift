import Diagnostics
import PolicyModel
import PolicySynthesis

/// `--format json`: `{"schemaVersion": 1, "functions": [...], "diagnostics": [...]}`.
/// Placeholders stay in `${AWS::Region}` form and each function lists the ones it uses.
package enum JSONReport {
    package static let schemaVersion = 1

    package static func render(_ project: ProjectPolicies) -> String {
        var out = JSONTextBuilder()
        out.beginObject()
        out.key("schemaVersion")
        out.raw(String(schemaVersion))
        out.key("functions")
        out.beginArray()
        if let rendered = project.renderedFunctions, rendered.count == project.functions.count {
            for text in rendered { out.raw(text) }
        } else {
            for function in project.functions { out.raw(renderFunction(function)) }
        }
        out.endArray()
        out.key("diagnostics")
        writeDiagnostics(project.diagnostics, into: &out)
        out.endObject()
        return out.text + "\n"
    }

    /// Returns one function's object as `render` writes it in the `functions` array, indented
    /// for that depth. `ProjectGeneration.renderFunction` calls it in the parallel loop.
    package static func renderFunction(_ policy: FunctionPolicy) -> String {
        // The builder indents by depth, so the object is written inside an object and an array,
        // as in `render`, and their opening text is dropped.
        var out = JSONTextBuilder()
        out.beginObject()
        out.beginArray()
        let openingCount = out.text.utf8.count
        write(policy, into: &out)
        let object = out.text.utf8.dropFirst(openingCount).drop { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: " ") }
        return String(Substring(object))
    }

    private static func write(_ policy: FunctionPolicy, into out: inout JSONTextBuilder) {
        let function = policy.function
        out.beginObject()
        out.member("logicalId", string: function.logicalId)
        if let name = function.functionName, case .literal(let text) = name {
            out.member("functionName", string: text)
        }
        out.member("template", string: policy.templateDisplayPath)
        if let runtime = function.runtime {
            out.member("runtime", string: runtime)
        }
        if let handler = function.handler {
            out.member("handler", string: handler)
        }
        out.key("policyDocument")
        PolicyJSONWriter().write(policy.document, into: &out)
        out.key("statements")
        out.beginArray()
        for statement in policy.statements { write(statement, into: &out) }
        out.endArray()
        out.key("placeholders")
        out.beginArray()
        for name in placeholders(in: policy) { out.stringValue(name) }
        out.endArray()
        out.key("diagnostics")
        writeDiagnostics(policy.diagnostics, into: &out)
        out.endObject()
    }

    private static func write(_ statement: ExplainedStatement, into out: inout JSONTextBuilder) {
        out.beginObject()
        out.member("sid", string: statement.statement.sid ?? "")
        out.key("reasons")
        out.beginArray()
        for reason in statement.reasons {
            out.beginObject()
            out.member("file", string: reason.file)
            out.member("line", number: reason.line)
            out.member("why", string: reason.why)
            out.endObject()
        }
        out.endArray()
        out.endObject()
    }

    /// Returns the placeholders the policy uses, which are values known only at deploy time.
    static func placeholders(in policy: FunctionPolicy) -> [String] {
        var names = Set<String>()
        for statement in policy.statements.map(\.statement) {
            for resource in statement.resources { names.formUnion(resource.placeholders) }
            for condition in statement.conditions {
                for value in condition.values { names.formUnion(value.placeholders) }
            }
        }
        return names.sorted()
    }

    static func writeDiagnostics(_ diagnostics: [Diagnostic], into out: inout JSONTextBuilder) {
        out.beginArray()
        for diagnostic in diagnostics {
            out.beginObject()
            out.member("severity", string: diagnostic.severity.rawValue)
            out.member("code", string: diagnostic.code.rawValue)
            out.member("message", string: diagnostic.message)
            if let location = diagnostic.location {
                out.member("file", string: location.file)
                if location.line > 0 {
                    out.member("line", number: location.line)
                }
                if location.column > 0 {
                    out.member("column", number: location.column)
                }
            }
            if !diagnostic.notes.isEmpty {
                out.key("notes")
                out.beginArray()
                for note in diagnostic.notes { out.stringValue(note) }
                out.endArray()
            }
            out.endObject()
        }
        out.endArray()
    }
}
