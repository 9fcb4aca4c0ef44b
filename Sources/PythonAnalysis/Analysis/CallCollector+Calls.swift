import Diagnostics
import SourceAnalysis

extension CallCollector {
    /// Visits every sub-expression, handling calls and references to local functions.
    func visit(_ expression: Expression, in scope: Int) {
        switch expression {
        case .call(let callee, let arguments, let position):
            visit(callee, in: scope)
            for argument in arguments { visit(argument.value, in: scope) }
            handleCall(callee, arguments, at: position, in: scope)
        case .name(let name, _):
            visitReference(name, in: scope)
        case .string(let parts):
            for case .field(let field) in parts { visit(field, in: scope) }
        case .attribute(let base, _, _), .starred(let base), .await(let base), .unary(_, let base),
            .namedAssignment(_, let base):
            visit(base, in: scope)
        case .subscript(let base, let indexes):
            visit(base, in: scope)
            for index in indexes { visit(index, in: scope) }
        case .binary(let first, let rest):
            visit(first, in: scope)
            for (_, operand) in rest { visit(operand, in: scope) }
        case .boolean(_, let items), .tuple(let items), .list(let items), .set(let items), .slice(let items):
            for item in items { visit(item, in: scope) }
        case .conditional(let value, let condition, let otherwise):
            for item in [value, condition, otherwise] { visit(item, in: scope) }
        case .dictionary(let entries):
            for (key, value) in entries {
                if let key { visit(key, in: scope) }
                visit(value, in: scope)
            }
        case .lambda(_, let body):
            visit(body, in: scope)
        case .comprehension(let element, let clauses):
            visit(element, in: scope)
            for clause in clauses {
                visit(clause.iterable, in: scope)
                for condition in clause.conditions { visit(condition, in: scope) }
            }
        case .yield(let value?):
            visit(value, in: scope)
        case .number, .constant, .unparsed, .yield(nil):
            break
        }
    }

    /// A local function used as a value (a callback, a registered handler) may be called.
    private func visitReference(_ name: String, in scope: Int) {
        guard let found = program.lookup(name, from: scope) else { return }
        for binding in found.bindings {
            switch binding {
            case .function(let id):
                enqueue(.function(id))
            case .importedName:
                for case .function(let id) in evaluator.value(ofName: name, in: scope).alternatives {
                    enqueue(.function(id))
                }
            default:
                continue
            }
        }
    }

    private func handleCall(_ callee: Expression, _ arguments: [Argument], at position: SourcePosition, in scope: Int) {
        var callPosition = position
        if case .attribute(_, _, let namePosition) = callee { callPosition = namePosition }
        let site = CallSite(arguments: arguments, scope: scope, location: location(of: callPosition))
        let value = evaluator.evaluate(callee, in: scope)
        var isLocal = false
        for alternative in value.alternatives {
            isLocal = followLocalCall(alternative, callee: callee, arguments: arguments, in: scope) || isLocal
            checkSDKFactory(alternative, at: site)
        }
        record(recognizer.calls(for: value, at: site))
        fileWrites.formUnion(FileWriteRecognizer(evaluator: evaluator).writes(for: value, at: site))
        if !isLocal, value.alternatives.contains(where: ExtensionRecognizer.mayMakeHTTPRequest) {
            record(ExtensionRecognizer(evaluator: evaluator).calls(at: site))
        }
    }

    /// Follows a call into local code; returns true when the callee is local.
    private func followLocalCall(_ value: Value, callee: Expression, arguments: [Argument], in scope: Int) -> Bool {
        switch value {
        case .function(let id):
            recordCall(to: id, arguments: arguments, in: scope, skipsFirstParameter: false)
            return true
        case .classObject(let id):
            for name in ["__init__", "__post_init__"] {
                if let method = program.method(named: name, inClass: id, bases: evaluator.baseClasses) {
                    recordCall(to: method, arguments: arguments, in: scope, skipsFirstParameter: true)
                }
            }
            return true
        case .boundMethod(.instance(let id), let name):
            guard let method = program.method(named: name, inClass: id, bases: evaluator.baseClasses) else {
                return true
            }
            recordCall(to: method, arguments: arguments, in: scope, skipsFirstParameter: true)
            return true
        case .instance(let id):
            if let method = program.method(named: "__call__", inClass: id, bases: evaluator.baseClasses) {
                recordCall(to: method, arguments: arguments, in: scope, skipsFirstParameter: true)
            }
            return true
        case .unknown:
            // A method called on an object the analysis cannot follow: include every local
            // method of that name rather than miss the calls it makes.
            guard case .attribute(_, let name, _) = callee else { return false }
            walkReadsClasses = true
            for method in program.methods(named: name) { enqueue(.function(method)) }
            return false
        default:
            return false
        }
    }

    /// Reports client factories whose service cannot be known, and notes X-Ray tracers.
    private func checkSDKFactory(_ value: Value, at site: CallSite) {
        switch value {
        case .external("boto3.client"), .external("boto3.resource"),
            .boundMethod(.session, "client"), .boundMethod(.session, "resource"),
            .boundMethod(.session, "create_client"):
            checkServiceName(at: site)
            checkExplicitCredentials(at: site)
        case .external("builtins.getattr"):
            checkDynamicAttribute(at: site)
        case _ where value.isSessionFactory:
            checkExplicitCredentials(at: site)
        case .external(let path):
            if path.hasPrefix("aws_xray_sdk") || path.hasSuffix(".Tracer") && path.hasPrefix("aws_lambda_powertools") {
                markXRaySampling()
            }
        default:
            break
        }
    }

    private func checkServiceName(at site: CallSite) {
        guard let name = evaluator.serviceName(site.arguments, in: site.scope) else {
            diagnostics.report(
                .warning, .pythonDynamicServiceName, "this client has no service name; its calls are not analyzed",
                at: site.location)
            return
        }
        guard let literals = evaluator.serviceNames(site.arguments, in: site.scope) else {
            diagnostics.report(
                .warning, .pythonDynamicServiceName,
                "the service name of this client is not a literal string (\(name)); its calls are not analyzed",
                at: site.location, notes: ["pass the service name as a string literal, or add its permissions by hand"])
            return
        }
        for literal in literals where evaluator.catalog.client(named: literal) == nil {
            diagnostics.report(
                .warning, .pythonUnknownService,
                "the catalog does not know the service '\(literal)'; calls on this client are not analyzed",
                at: site.location, notes: ["check the service name against the boto3 client names"])
        }
    }

    /// Notes a client or session that signs with keys passed in code, such as those
    /// `sts.assume_role` returns. Its calls stay in the result, because the keys may still
    /// belong to the execution role.
    private func checkExplicitCredentials(at site: CallSite) {
        guard site.keyword("aws_access_key_id") != nil || site.keyword("aws_session_token") != nil else { return }
        diagnostics.report(
            .note, .pythonExplicitCredentials,
            "this client signs with credentials passed in code; if they belong to another role, its calls do not "
                + "need the execution role's permissions", at: site.location,
            notes: ["remove the permissions of this client's calls from the policy when another role makes them"])
    }

    private func checkDynamicAttribute(at site: CallSite) {
        guard site.positional.count >= 2 else { return }
        let object = evaluator.evaluate(site.positional[0], in: site.scope)
        let isSDKObject = object.alternatives.contains { alternative in
            switch alternative {
            case .client, .serviceResource, .resourceObject: return true
            default: return false
            }
        }
        guard isSDKObject, evaluator.evaluate(site.positional[1], in: site.scope).symbolic.literalValue == nil else {
            return
        }
        diagnostics.report(
            .warning, .pythonDynamicAttribute,
            "getattr on an AWS SDK object with a name computed at run time; the operation it calls is not analyzed",
            at: site.location, notes: ["call the method by name, or add the permissions it needs by hand"])
    }
}
