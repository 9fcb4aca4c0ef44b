import Testing

@testable import PythonAnalysis

@Suite struct ParserTests {
    @Test(arguments: [
        "@app.get('/x')\n@other\ndef f(a, b: int = 1, *args, c, **kw) -> str:\n    return a\n",
        "class A(Base, metaclass=M):\n    x: int = 1\n    def m(self): pass\n",
        "with (open(a) as f, open(b) as g):\n    pass\n",
        "async def f():\n    async with s() as c:\n        await c.x()\n    async for i in y():\n        pass\n",
        "match command:\n    case {'a': x} if x:\n        pass\n    case [1, *rest]:\n        pass\n",
        "try:\n    a()\nexcept* (E, F) as e:\n    b()\nelse:\n    c()\nfinally:\n    d()\n",
        "x = [i for i in range(3) if i if not i]\ny = {k: v for k, v in z}\nz = (a for a in b)\n",
        "f = lambda a, b=2, *c, **d: a + b\n",
        "x = a if b else c if d else e\n",
        "x[1:2, ::3] = y @ z ** -w // 2 << 1 | 3 & ~4 ^ 5\n",
        "type Point = tuple[float, float]\ndef g[T](x: T) -> T: return x\n",
        "from ..pkg.mod import (a as b,\n    c,)\nimport x.y as z, w\n",
        "global a, b\nassert x, 'm'\ndel a[0], b\nraise E() from None\n",
        "print(*args, sep='', **kw)\nx: 'S3Client'\n",
        "s = f\"{x['k']!r:>{width}} {y=} {{}} {f'{z}'}\"\n",
    ])
    func validPythonParsesWithoutProblems(_ source: String) {
        let parsed = parse(source)
        #expect(parsed.problems.isEmpty, "\(parsed.problems)")
        #expect(!parsed.statements.isEmpty)
    }

    @Test func formattedStringFieldsAreParsed() throws {
        let parsed = parse("s = f\"a-{x['k']:>{w}}-{f'{y}'}\"\n")
        guard case .assignment(_, .string(let parts))? = parsed.statements.first else {
            Issue.record("expected a string assignment")
            return
        }
        #expect(parts.count == 4)
        guard case .field(.subscript(.name("x", _), _)) = parts[1] else {
            Issue.record("expected x['k'] as the first field, got \(parts[1])")
            return
        }
        guard case .field(.string(let nested)) = parts[3] else {
            Issue.record("expected a nested f-string, got \(parts[3])")
            return
        }
        #expect(nested.count == 1)
    }

    @Test func escapesAreDecoded() throws {
        let parsed = parse("s = 'a\\tb\\x41\\u00e9\\\\' r'\\n'\n")
        guard case .assignment(_, .string(let parts))? = parsed.statements.first,
            case .text(let first) = parts[0], case .text(let second) = parts[1]
        else {
            Issue.record("expected two text parts")
            return
        }
        #expect(first == "a\tbAé\\")
        #expect(second == "\\n")
    }

    @Test func decoratorsAttachToFunction() throws {
        let parsed = parse("@app.route('/x')\ndef f():\n    pass\n")
        guard case .function(let definition)? = parsed.statements.first else {
            Issue.record("expected a function")
            return
        }
        #expect(definition.decorators.count == 1)
        #expect(definition.name == "f")
    }
}
