import Testing

@testable import PythonAnalysis

@Suite struct OperatorPrecedenceTests {
    @Test(arguments: [
        ("a + b * c", "(a + (b * c))"),
        ("a * b + c * d - e", "((a * b) + (c * d) - e)"),
        ("a | b ^ c & d << e + f * g", "(a | (b ^ (c & (d << (e + (f * g))))))"),
        ("a * b | c", "((a * b) | c)"),
        ("a // b % c @ d / e", "(a // b % c @ d / e)"),
        ("a >> b << c", "(a >> b << c)"),
        ("a < b == c", "(a < b == c)"),
        ("a + b < c * d", "((a + b) < (c * d))"),
        ("-a ** b + c", "(-((a ** b)) + c)"),
        ("a & b | c & d ^ e", "((a & b) | ((c & d) ^ e))"),
        ("a or b and not c", "or(a, and(b, not(c)))"),
        ("x != y >= z", "(x != y >= z)"),
    ])
    func operatorsNestByPrecedence(source: String, expected: String) throws {
        #expect(Self.outline(try assignedValue(source)) == expected)
    }

    /// Writes an expression with its nesting made explicit by parentheses.
    static func outline(_ expression: Expression) -> String {
        switch expression {
        case .name(let name, _): return name
        case .binary(let first, let rest):
            let tail = rest.map { " \($0.0) \(outline($0.1))" }.joined()
            return "(\(outline(first))\(tail))"
        case .unary(let symbol, let operand): return "\(symbol)(\(outline(operand)))"
        case .boolean(let word, let operands): return "\(word)(\(operands.map(outline).joined(separator: ", ")))"
        default: return "?"
        }
    }
}
