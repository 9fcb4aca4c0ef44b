extension Parser {
    /// Reads `import x, { a as b } from "m"`, `import * as ns from "m"`, `import "m"` and
    /// `import x = require("m")`. Type-only imports bind nothing the analysis reads.
    mutating func parseImport() -> Statement {
        let start = position
        index += 1
        if check("type") && (token(at: 1).kind == .identifier || check("{", at: 1) || check("*", at: 1))
            && !check("from", at: 1)
        {
            skipStatementRest()
            return .empty
        }
        var declaration = ImportDeclaration(
            source: "", defaultName: nil, namespaceName: nil, named: [], position: start)
        if current.kind == .string {
            declaration.source = file.literalValue(of: current)
            index += 1
            skipImportAttributes()
            endStatement()
            return .importDeclaration(declaration)
        }
        if let word = identifierText, !check("{") {
            index += 1
            if eat("=") {
                let value = parseAssignment()
                endStatement()
                return .variables([(.identifier(word), value)])
            }
            declaration.defaultName = word
            _ = eat(",")
        }

        if eat("*") {
            expect("as")
            declaration.namespaceName = identifierText
            index += 1
        } else if check("{") {
            declaration.named = parseSpecifiers().map { (imported: $0.0, local: $0.1) }
        }
        expect("from")
        if current.kind == .string {
            declaration.source = file.literalValue(of: current)
            index += 1
        } else {
            report("expected the module name as a string")
        }
        skipImportAttributes()
        endStatement()
        return .importDeclaration(declaration)
    }

    /// Reads `{ a, b as c, type d, "e" as f }`, returning the pairs in source order.
    mutating func parseSpecifiers() -> [(String, String)] {
        let closing = Int(matching[index])
        index += 1
        var pairs: [(String, String)] = []
        while index < closing && !atEnd && !check("}") {
            let before = index
            if check("type") && (token(at: 1).kind == .identifier || token(at: 1).kind == .string) && !check(",", at: 1)
                && !check("as", at: 1)
            {
                index += 1
            }
            let name = current.kind == .string ? file.literalValue(of: current) : file.text(of: current)
            index += 1
            var alias = name
            if eat("as") {
                alias = current.kind == .string ? file.literalValue(of: current) : file.text(of: current)
                index += 1
            }
            pairs.append((name, alias))
            if !eat(",") && index == before { index += 1 }
        }
        expect("}")
        return pairs
    }

    private mutating func skipImportAttributes() {
        if (check("with") || check("assert")) && check("{", at: 1) && !current.followsLineBreak {
            index += 1
            skipTokenOrGroup()
        }
    }

    mutating func parseExport() -> Statement {
        let start = position
        index += 1
        if eat("default") {
            if check("function") || (check("async") && check("function", at: 1)) {
                _ = eat("async")
                return .exportDefault(.function(parseFunction()))
            }
            if check("class") || (check("abstract") && check("class", at: 1)) {
                _ = eat("abstract")
                return .exportDefault(.classExpression(parseClass()))
            }
            let value = parseAssignment()
            endStatement()
            return .exportDefault(value)
        }
        if eat("=") {
            let value = parseAssignment()
            endStatement()
            return .exportDefault(value)
        }
        if check("type") && (check("{", at: 1) || check("*", at: 1)) { index += 1 }
        if check("*") || check("{") { return parseExportList(start) }
        let declaration = parseStatement()
        return .exportDeclaration(declaration, Self.declaredNames(declaration))
    }

    private mutating func parseExportList(_ start: Position) -> Statement {
        var namespaceName: String?
        var pairs: [(String, String)] = []
        let isAll = eat("*")
        if isAll {
            if eat("as") {
                namespaceName = current.kind == .string ? file.literalValue(of: current) : file.text(of: current)
                index += 1
            }
        } else {
            pairs = parseSpecifiers()
        }
        guard eat("from") else {
            endStatement()
            return .exportNames(pairs.map { (local: $0.0, exported: $0.1) })
        }
        let source = current.kind == .string ? file.literalValue(of: current) : ""
        if current.kind == .string { index += 1 } else { report("expected the module name as a string") }
        skipImportAttributes()
        endStatement()
        return .exportFrom(
            ExportFrom(
                source: source, named: pairs.map { (exported: $0.1, imported: $0.0) }, isAll: isAll,
                namespaceName: namespaceName, position: start))
    }

    static func declaredNames(_ statement: Statement) -> [String] {
        switch statement {
        case .variables(let declarations): return declarations.flatMap { boundNames($0.0) }
        case .function(let name, _), .classDeclaration(let name, _): return [name]
        default: return []
        }
    }

    static func boundNames(_ pattern: Pattern) -> [String] {
        switch pattern {
        case .identifier(let name): return [name]
        case .object(let entries, let rest): return entries.flatMap { boundNames($0.value) } + (rest.map { [$0] } ?? [])
        case .array(let items, let rest): return items.compactMap { $0 }.flatMap(boundNames) + (rest.map { [$0] } ?? [])
        case .defaulted(let inner, _): return boundNames(inner)
        case .expression: return []
        }
    }
}
