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
/// trees come only from nesting, which the parser limits. Only the cases that hold an
/// expression directly are `indirect`, so names and literals, the most common nodes, are
/// stored in place instead of in an allocation of their own.
package enum Expression: Sendable {
    case name(String, SourcePosition)
    case string([StringPart])
    case number(String)
    case constant(String)
    indirect case attribute(Expression, String, SourcePosition)
    indirect case call(Expression, [Argument], SourcePosition)
    indirect case `subscript`(Expression, [Expression])
    /// `first op operand op operand ...` for one precedence level, with the operators' text.
    indirect case binary(Expression, [(String, Expression)])
    indirect case unary(String, Expression)
    case boolean(String, [Expression])
    indirect case conditional(Expression, condition: Expression, otherwise: Expression)
    case tuple([Expression])
    case list([Expression])
    case set([Expression])
    /// Key-value pairs; a `nil` key is a `**mapping` entry.
    case dictionary([(Expression?, Expression)])
    indirect case starred(Expression)
    indirect case await(Expression)
    indirect case lambda([Parameter], Expression)
    /// A comprehension or generator: the element and its `for` clauses.
    indirect case comprehension(Expression, [ComprehensionClause])
    indirect case namedAssignment(String, Expression)
    case slice([Expression])
    indirect case yield(Expression?)
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

/// A `def` statement. Its fields are never changed after parsing, so they are kept in one
/// shared object. Each walk over a module copies every definition in it, and a copy then
/// retains one reference instead of one per field.
package struct FunctionDefinition: Sendable {
    private final class Storage: Sendable {
        let name: String
        let parameters: [Parameter]
        let decorators: [Expression]
        let returnAnnotation: Expression?
        let position: SourcePosition
        /// The body when it was parsed with the definition.
        let parsedBody: [Statement]
        /// The body's tokens when its parsing waits until the body is first read.
        let deferredBody: DeferredBody?

        init(
            name: String, parameters: [Parameter], decorators: [Expression], returnAnnotation: Expression?,
            position: SourcePosition, parsedBody: [Statement], deferredBody: DeferredBody?
        ) {
            self.name = name
            self.parameters = parameters
            self.decorators = decorators
            self.returnAnnotation = returnAnnotation
            self.position = position
            self.parsedBody = parsedBody
            self.deferredBody = deferredBody
        }
    }

    private let storage: Storage

    package init(
        name: String, parameters: [Parameter], decorators: [Expression], returnAnnotation: Expression?,
        body: [Statement], position: SourcePosition, deferredBody: DeferredBody? = nil
    ) {
        storage = Storage(
            name: name, parameters: parameters, decorators: decorators, returnAnnotation: returnAnnotation,
            position: position, parsedBody: body, deferredBody: deferredBody)
    }

    package var name: String { storage.name }
    package var parameters: [Parameter] { storage.parameters }
    package var decorators: [Expression] { storage.decorators }
    package var returnAnnotation: Expression? { storage.returnAnnotation }
    package var position: SourcePosition { storage.position }
    /// The body's tokens when its parsing waits until the body is first read.
    package var deferredBody: DeferredBody? { storage.deferredBody }

    /// The body's statements; a deferred body is parsed on first read.
    package var body: [Statement] { storage.deferredBody?.statements ?? storage.parsedBody }
}

/// A `class` statement, with its fields in one shared object for the reason given at
/// `FunctionDefinition`.
package struct ClassDefinition: Sendable {
    private final class Storage: Sendable {
        let name: String
        let bases: [Argument]
        let decorators: [Expression]
        let body: [Statement]
        let position: SourcePosition

        init(name: String, bases: [Argument], decorators: [Expression], body: [Statement], position: SourcePosition) {
            self.name = name
            self.bases = bases
            self.decorators = decorators
            self.body = body
            self.position = position
        }
    }

    private let storage: Storage

    package init(name: String, bases: [Argument], decorators: [Expression], body: [Statement], position: SourcePosition)
    {
        storage = Storage(name: name, bases: bases, decorators: decorators, body: body, position: position)
    }

    package var name: String { storage.name }
    package var bases: [Argument] { storage.bases }
    package var decorators: [Expression] { storage.decorators }
    package var body: [Statement] { storage.body }
    package var position: SourcePosition { storage.position }
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
