/// The line and column at which a node starts in its file.
struct Position: Hashable, Sendable {
    var line: Int
    var column: Int
}

/// A function, method or arrow function. It is a class so the analysis can tell two
/// functions apart by identity and stop at recursion.
final class FunctionNode {
    let name: String?
    let position: Position
    /// True for a `get` accessor, whose body runs when the property is read.
    let isGetter: Bool
    private var parsedParameters: [Pattern]?
    /// The unit and token index of the parameter list's `(`, when the list is parsed on first use.
    private var deferredParameters: (unit: SourceUnit, index: Int)?
    private var parsedBody: [Statement]?
    private var deferredBody: DeferredBody?

    init(name: String?, parameters: [Pattern], body: [Statement], position: Position, isGetter: Bool = false) {
        self.name = name
        self.parsedParameters = parameters
        self.parsedBody = body
        self.position = position
        self.isGetter = isGetter
    }

    init(name: String?, parameters: [Pattern], body: DeferredBody, position: Position, isGetter: Bool = false) {
        self.name = name
        self.parsedParameters = parameters
        self.deferredBody = body
        self.position = position
        self.isGetter = isGetter
    }

    /// A function whose parameter list starts at token `parameterIndex` of `unit` and is
    /// parsed on first use, like its body. A function without a body has an empty one.
    init(
        name: String?, parameterIndex: Int, in unit: SourceUnit, body: DeferredBody?, position: Position,
        isGetter: Bool = false
    ) {
        self.name = name
        self.deferredParameters = (unit, parameterIndex)
        self.parsedBody = body == nil ? [] : nil
        self.deferredBody = body
        self.position = position
        self.isGetter = isGetter
    }

    var parameters: [Pattern] {
        if let parsedParameters { return parsedParameters }
        guard let (unit, index) = deferredParameters else { return [] }
        var parser = Parser(unit: unit, index: index)
        let patterns = parser.parseParameters()
        unit.recordProblems(of: parser)
        parsedParameters = patterns
        deferredParameters = nil
        return patterns
    }

    /// The body's statements. A block body is parsed on first use, because most functions of
    /// a project never run from a handler. Its syntax problems then go to its `SourceUnit`.
    var body: [Statement] {
        if let parsedBody { return parsedBody }
        guard let deferredBody else { return [] }
        let statements = deferredBody.parse()
        parsedBody = statements
        self.deferredBody = nil
        return statements
    }
}

/// A block body left unparsed: where its `{` is, and statements that run before it (the
/// assignments of TypeScript parameter properties).
struct DeferredBody {
    let unit: SourceUnit
    let braceIndex: Int
    var prelude: [Statement] = []

    func parse() -> [Statement] {
        var parser = Parser(unit: unit, index: braceIndex)
        let statements = parser.parseBlock()
        unit.recordProblems(of: parser)
        return prelude + statements
    }
}

/// A tokenized file with its bracket table, shared by the function bodies parsed from it.
final class SourceUnit {
    let file: TokenizedFile
    let isTypeScript: Bool
    /// For each opening bracket token, the index of its closing token (or the end of file).
    let matching: [Int32]
    /// Problems of function bodies parsed since the last `takeProblems()`, at most
    /// `Parser.maximumListedProblems` of them, and how many there were in all.
    private(set) var problems: [SyntaxProblem] = []
    private(set) var problemCount = 0

    init(file: TokenizedFile, isTypeScript: Bool) {
        self.file = file
        self.isTypeScript = isTypeScript
        self.matching = Parser.matchBrackets(file)
    }

    func recordProblems(of parser: Parser) {
        problemCount += parser.problemCount
        for problem in parser.problems where problems.count < Parser.maximumListedProblems { problems.append(problem) }
    }

    /// Returns the problems recorded since the last call and clears them.
    func takeProblems() -> (listed: [SyntaxProblem], count: Int) {
        defer {
            problems = []
            problemCount = 0
        }
        return (problems, problemCount)
    }
}

/// A class with its methods and field initializers; `constructor` is one of the methods.
final class ClassNode {
    let name: String?
    let superclass: Expression?
    let methods: [String: FunctionNode]
    let fields: [(String, Expression)]

    init(name: String?, superclass: Expression?, methods: [String: FunctionNode], fields: [(String, Expression)]) {
        self.name = name
        self.superclass = superclass
        self.methods = methods
        self.fields = fields
    }
}

enum PropertyKey {
    case name(String)
    case computed(Expression)
}

enum Property {
    case value(PropertyKey, Expression)
    case spread(Expression)
}

/// An argument or array element, which may be spread (`...items`).
struct Element {
    var value: Expression
    var isSpread: Bool
}

indirect enum Expression {
    case identifier(String, Position)
    case string(String)
    case number(String)
    /// A template literal: `texts` has one more entry than `substitutions`.
    case template(texts: [String], substitutions: [Expression])
    case object([Property])
    case array([Element?])
    case function(FunctionNode)
    case classExpression(ClassNode)
    case member(Expression, String)
    case index(Expression, Expression)
    case call(Expression, [Element], Position)
    case new(Expression, [Element], Position)
    /// `import("./module")`.
    case dynamicImport(Expression, Position)
    case unary(String, Expression)
    case binary(String, Expression, Expression)
    case conditional(Expression, Expression, Expression)
    case assignment(String, Pattern, Expression)
    case sequence([Expression])
    case this
    /// A value the analysis does not model: a regular expression, JSX, a tagged template.
    case opaque
}

indirect enum Pattern {
    case identifier(String)
    case object([(key: PropertyKey, value: Pattern)], rest: String?)
    case array([Pattern?], rest: String?)
    case defaulted(Pattern, Expression)
    /// An assignment target that is not a name: `module.exports.handler`, `this.client`.
    case expression(Expression)
}

struct ImportDeclaration {
    var source: String
    var defaultName: String?
    var namespaceName: String?
    /// Imported name and local name pairs.
    var named: [(imported: String, local: String)]
    var position: Position
}

struct ExportFrom {
    var source: String
    /// Exported name and name in the source module pairs; empty with `isAll` for `export *`.
    var named: [(exported: String, imported: String)]
    var isAll: Bool
    var namespaceName: String?
    var position: Position
}

indirect enum Statement {
    case variables([(Pattern, Expression?)])
    case expression(Expression)
    case function(String, FunctionNode)
    case classDeclaration(String, ClassNode)
    case returnValue(Expression?)
    case ifElse(Expression, [Statement], [Statement])
    case block([Statement])
    case forOf(Pattern, Expression, [Statement])
    case forIn(Pattern, Expression, [Statement])
    case loop(head: [Statement], body: [Statement])
    case tryCatch([Statement], Pattern?, [Statement], [Statement])
    case switchCases(Expression, [[Statement]])
    case throwValue(Expression)
    case importDeclaration(ImportDeclaration)
    case exportFrom(ExportFrom)
    /// `export { a, b as c }`: local name and exported name pairs.
    case exportNames([(local: String, exported: String)])
    /// `export const`, `export function`, `export class`: the declaration and its names.
    case exportDeclaration(Statement, [String])
    case exportDefault(Expression)
    case empty
}
