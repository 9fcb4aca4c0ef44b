import Testing

@testable import PythonAnalysis

/// Trees of expressions whose operands return early from the precedence levels, and of lists
/// that reserve room from the tokens ahead.
@Suite struct ParserFastPathTests {
    @Test(arguments: [
        (
            "a or b and not c < d | e ^ f & g << h + i * -j ** k",
            "or(a, and(b, not((c < (d | (e ^ (f & (g << (h + (i * -((j ** k))))))))))))"
        ),
        ("a if b else c", "if(b, a, c)"),
        ("a if b or c else d if e else f", "if(or(b, c), a, if(e, d, f))"),
        ("lambda x, *y, z=1: x + z", "lambda(x, y, z: (x + z))"),
        ("lambda: a or b", "lambda(: or(a, b))"),
        ("(n := f(x)) > 0", "((n := f(x)) > 0)"),
        ("a not in b is not c in d", "(a not in b is not c in d)"),
        ("not a == b", "not((a == b))"),
        ("~a & -b | +c", "((~(a) & -(b)) | +(c))"),
        ("a.b(c)[d].e", "a.b(c)[d].e"),
        ("f(a, *b, k=c, **d)", "f(a, *b, k=c, **d)"),
        ("x[1:2, ::3, a]", "x[slice(1, 2), slice(3), a]"),
        ("[a for a in b if a for c in a]", "comp(a for a in b if a for c in a)"),
        ("{k: v for k, v in d}", "comp(tuple(k, v) for tuple(k, v) in d)"),
        ("(a for a in b)", "comp(a for a in b)"),
        ("[*a, b]", "list(*a, b)"),
        ("{a, *b}", "set(a, *b)"),
        ("{'k': 1, **m, 'j': 2}", "dict(s('k'): 1, **m, s('j'): 2)"),
        ("(a, b, c)", "tuple(a, b, c)"),
        ("f'x{a + b!r:>{w}}y' 'z'", "s('x' {(a + b)} 'y' 'z')"),
        ("await a.b ** 2", "(await(a.b) ** 2)"),
        ("True or None and False", "or(True, and(None, False))"),
        ("a // b >> c", "((a // b) >> c)"),
        ("a @ b % c - d", "((a @ b % c) - d)"),
    ])
    func expressionTree(source: String, expected: String) throws {
        #expect(Self.sketch(try assignedValue(source)) == expected)
    }

    @Test func operandEndsAtEveryTerminator() throws {
        let parsed = parse("f(a, b=c)[d:e]\nx = {k: v}\ny, z = p, q; w = (r)\n")
        #expect(parsed.problems.isEmpty)
        #expect(parsed.statements.count == 4)
        guard case .expression(let call) = parsed.statements[0] else {
            Issue.record("expected an expression statement")
            return
        }
        #expect(Self.sketch(call) == "f(a, b=c)[slice(d, e)]")
        guard case .assignment(let targets, let value) = parsed.statements[2] else {
            Issue.record("expected an assignment")
            return
        }
        #expect(targets.map(Self.sketch) == ["tuple(y, z)"])
        #expect(Self.sketch(value) == "tuple(p, q)")
    }

    @Test func chainedAssignmentKeepsEachTarget() throws {
        let parsed = parse("a = b.c = d[0] = f()\n")
        guard case .assignment(let targets, let value) = try #require(parsed.statements.first) else {
            Issue.record("expected an assignment")
            return
        }
        #expect(targets.map(Self.sketch) == ["a", "b.c", "d[0]"])
        #expect(Self.sketch(value) == "f()")
    }

    /// Lists longer than the 64 tokens the estimate reads still keep every item.
    @Test(arguments: [1, 2, 40, 200])
    func longListsKeepEveryItem(count: Int) throws {
        let items = (0..<count).map { "f(x\($0))" }.joined(separator: ", ")
        let source =
            "a = [\(items)]\nb = g(\(items))\nc = {\(items)}\nd = {\((0..<count).map { "k\($0): \($0)" }.joined(separator: ", "))}\n"
        let parsed = parse(source)
        #expect(parsed.problems.isEmpty)
        #expect(parsed.statements.count == 4)
        for statement in parsed.statements {
            guard case .assignment(_, let value) = statement else {
                Issue.record("expected an assignment, got \(statement)")
                continue
            }
            switch value {
            case .list(let elements), .set(let elements): #expect(elements.count == count)
            case .call(_, let arguments, _): #expect(arguments.count == count)
            case .dictionary(let entries): #expect(entries.count == count)
            default: Issue.record("unexpected value \(value)")
            }
        }
    }

    @Test(arguments: [
        "x = " + String(repeating: "not ", count: 120) + "a\n",
        "x = " + String(repeating: "-", count: 120) + "a\n",
        "x = " + String(repeating: "(", count: 120) + "a" + String(repeating: ")", count: 120) + "\n",
        "x = a" + String(repeating: ".b", count: 120) + "\n",
        "x = " + String(repeating: "a if b else ", count: 120) + "c\n",
    ])
    func deepNestingIsStillLimited(source: String) {
        let parsed = parse(source + "y = 1\n")
        #expect(parsed.problems.map(\.message).contains { $0.contains("nesting is deeper than") })
        #expect(parsed.statements.count == 1)
    }

    /// Writes an expression with its nesting made explicit.
    static func sketch(_ expression: Expression) -> String {
        switch expression {
        case .name(let name, _): return name
        case .number(let text), .constant(let text): return text
        case .string(let parts): return "s(" + parts.map(sketch).joined(separator: " ") + ")"
        case .attribute(let base, let name, _): return "\(sketch(base)).\(name)"
        case .call(let function, let arguments, _): return "\(sketch(function))(\(list(arguments.map(sketch))))"
        case .subscript(let base, let items): return "\(sketch(base))[\(list(items.map(sketch)))]"
        case .binary(let first, let rest):
            return "(\(sketch(first))" + rest.map { " \($0.0) \(sketch($0.1))" }.joined() + ")"
        case .unary(let symbol, let operand): return "\(symbol)(\(sketch(operand)))"
        case .boolean(let word, let operands): return "\(word)(\(list(operands.map(sketch))))"
        case .conditional(let value, let condition, let otherwise):
            return "if(\(sketch(condition)), \(sketch(value)), \(sketch(otherwise)))"
        case .tuple(let items): return "tuple(\(list(items.map(sketch))))"
        case .list(let items): return "list(\(list(items.map(sketch))))"
        case .set(let items): return "set(\(list(items.map(sketch))))"
        case .dictionary(let entries):
            let items = entries.map { entry in (entry.0.map { "\(sketch($0)): " } ?? "**") + sketch(entry.1) }
            return "dict(\(list(items)))"
        case .starred(let value): return "*\(sketch(value))"
        case .await(let value): return "await(\(sketch(value)))"
        case .lambda(let parameters, let body): return "lambda(\(list(parameters.map(\.name))): \(sketch(body)))"
        case .comprehension(let element, let clauses):
            let clauseText = clauses.map { clause in
                " for \(sketch(clause.target)) in \(sketch(clause.iterable))"
                    + clause.conditions.map { " if \(sketch($0))" }.joined()
            }
            return "comp(\(sketch(element))\(clauseText.joined()))"
        case .namedAssignment(let name, let value): return "(\(name) := \(sketch(value)))"
        case .slice(let parts): return "slice(\(list(parts.map(sketch))))"
        case .yield(let value): return "yield(\(value.map(sketch) ?? ""))"
        case .unparsed: return "?"
        }
    }

    static func sketch(_ argument: Argument) -> String {
        switch argument.kind {
        case .positional: return sketch(argument.value)
        case .keyword(let name): return "\(name)=\(sketch(argument.value))"
        case .unpackedIterable: return "*\(sketch(argument.value))"
        case .unpackedMapping: return "**\(sketch(argument.value))"
        }
    }

    static func sketch(_ part: StringPart) -> String {
        switch part {
        case .text(let text): return "'\(text)'"
        case .field(let value): return "{\(sketch(value))}"
        }
    }

    static func list(_ items: [String]) -> String { items.joined(separator: ", ") }
}
