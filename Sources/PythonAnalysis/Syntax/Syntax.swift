/// A position in a source file: line and byte column, both from 1.
package struct SourcePosition: Hashable, Sendable {
    package var line: Int
    package var column: Int

    package init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// One piece of a string literal: literal text, or an f-string replacement field.
package enum StringPart: Sendable {
    case text(String)
    case field(Expression)
}

/// A call argument: positional, `name=value`, `*iterable` or `**mapping`.
package struct Argument: Sendable {
    package enum Kind: Sendable {
        case positional
        case keyword(String)
        case unpackedIterable, unpackedMapping
    }
    package var kind: Kind
    package var value: Expression
}

/// The Python expressions the analysis reads. Operators it does not interpret keep their
/// operands, so calls inside them are still found. Operator chains are flat lists, so deep
/// trees come only from nesting, which the parser limits.
package indirect enum Expression: Sendable {
    case name(String, SourcePosition)
    case string([StringPart])
    case number(String)
    case constant(String)
    case attribute(Expression, String, SourcePosition)
    case call(Expression, [Argument], SourcePosition)
    case `subscript`(Expression, [Expression])
    /// `first op operand op operand ...` for one precedence level, with the operators' text.
    case binary(Expression, [(String, Expression)])
    case unary(String, Expression)
    case boolean(String, [Expression])
    case conditional(Expression, condition: Expression, otherwise: Expression)
    case tuple([Expression])
    case list([Expression])
    case set([Expression])
    /// Key-value pairs; a `nil` key is a `**mapping` entry.
    case dictionary([(Expression?, Expression)])
    case starred(Expression)
    case await(Expression)
    case lambda([Parameter], Expression)
    /// A comprehension or generator: the element and its `for` clauses.
    case comprehension(Expression, [ComprehensionClause])
    case namedAssignment(String, Expression)
    case slice([Expression])
    case yield(Expression?)
    case unparsed
}

/// `for target in iterable if condition ...` in a comprehension.
package struct ComprehensionClause: Sendable {
    package var target: Expression
    package var iterable: Expression
    package var conditions: [Expression]
}

package struct Parameter: Sendable {
    package enum Kind: Sendable { case normal, variadicPositional, variadicKeyword }
    package var name: String
    package var kind: Kind
    package var defaultValue: Expression?
    package var annotation: Expression?
}

package struct FunctionDefinition: Sendable {
    package var name: String
    package var parameters: [Parameter]
    package var decorators: [Expression]
    package var returnAnnotation: Expression?
    package var position: SourcePosition
    /// The body when it was parsed with the definition.
    private var parsedBody: [Statement]
    /// The body's tokens when its parsing waits until the body is first read.
    package private(set) var deferredBody: DeferredBody?

    package init(
        name: String, parameters: [Parameter], decorators: [Expression], returnAnnotation: Expression?,
        body: [Statement], position: SourcePosition, deferredBody: DeferredBody? = nil
    ) {
        self.name = name
        self.parameters = parameters
        self.decorators = decorators
        self.returnAnnotation = returnAnnotation
        self.parsedBody = body
        self.position = position
        self.deferredBody = deferredBody
    }

    /// The body's statements; a deferred body is parsed on first read.
    package var body: [Statement] {
        get { deferredBody?.statements ?? parsedBody }
        set {
            parsedBody = newValue
            deferredBody = nil
        }
    }
}

package struct ClassDefinition: Sendable {
    package var name: String
    package var bases: [Argument]
    package var decorators: [Expression]
    package var body: [Statement]
    package var position: SourcePosition
}

package struct ImportedName: Sendable {
    package var name: String
    package var alias: String?
}

/// The Python statements the analysis reads. Compound statements it does not model (`if`,
/// `while`, `try`, `match`) become `block`: their header expressions and bodies in order.
package indirect enum Statement: Sendable {
    case expression(Expression)
    case assignment(targets: [Expression], value: Expression)
    case annotatedAssignment(target: Expression, annotation: Expression, value: Expression?)
    case augmentedAssignment(target: Expression, value: Expression)
    case returnValue(Expression?)
    case importModules([ImportedName])
    /// `from ..module import a, b as c`; an empty `names` list means `import *`.
    case importFrom(level: Int, module: String, names: [ImportedName], position: SourcePosition)
    case global([String])
    case function(FunctionDefinition)
    case classDefinition(ClassDefinition)
    case forLoop(target: Expression, iterable: Expression, body: [Statement])
    case with(items: [(Expression, Expression?)], body: [Statement])
    case exceptHandler(type: Expression?, name: String?, body: [Statement])
    case block(headers: [Expression], body: [Statement])
    case other([Expression])
}
