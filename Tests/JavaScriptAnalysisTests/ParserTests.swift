import Testing

@testable import JavaScriptAnalysis

/// Problems the parser reports for a source text.
private func problems(_ source: String, typeScript: Bool = true) -> [SyntaxProblem] {
    var parser = Parser(
        file: TokenizedFile(bytes: Array(source.utf8), allowsJSX: !typeScript), isTypeScript: typeScript)
    _ = parser.parseProgram()
    return parser.problems
}

@Suite struct ParserTests {
    @Test func typeScriptSyntaxParses() {
        let source = Self.typeScriptSample
        #expect(problems(source).isEmpty, "\(problems(source))")
    }

    static let typeScriptSample = """
        import type { Context, APIGatewayProxyEvent } from "aws-lambda";
        import { type Item, helper } from "./lib";
        export type Result = { statusCode: number; body: string } | undefined;
        export interface Store<T extends object = {}> { get(id: string): Promise<T | null>; [key: string]: unknown }
        declare const VERSION: string;
        enum Status { Open = "open", Closed = "closed" }
        const enum Flag { A, B }
        namespace Inner { export const x = 1; }
        abstract class Base<T> implements Store<T> {
          protected abstract table: string;
          static readonly instances = new Map<string, Base<unknown>>();
          #secret?: string;
          constructor(private readonly name: string, public count = 0) {}
          get size(): number { return this.count; }
          @decorated() async get(id: string): Promise<T | null> { return null as unknown as T; }
        }
        function overload(a: string): string;
        function overload(a: number): number;
        function overload(a: any): any { return a!; }
        const pick = <T,>(items: readonly T[], test: (item: T) => boolean): T | undefined => items.find(test);
        const typed: Array<Record<string, () => void>> = [];
        const shifted = (1 as number) >> 2;
        const config = { region: "eu-west-1" } satisfies Record<string, string>;
        const guard = (value: unknown): value is string => typeof value === "string";
        export type Pick<O> = O extends string ? "text" : O extends number ? "number" : never;
        const conditional = ok ? (value) : other;
        export const handler = async (event: APIGatewayProxyEvent, context: Context): Promise<Result> => {
          const body = JSON.parse(event.body ?? "{}") as { id?: string };
          const total = event.items?.reduce<number>((sum, item) => sum + item.price, 0) ?? 0;
          label: for (const [key, value] of Object.entries(body)) { if (!value) continue label; }
          for (let i = 0, j = 1; i < 10; i++) {}
          for (; total < 10; ) {}
          for (;;) { break; }
          for (const key in body) {}
          do { total; } while (false);
          switch (body.id) { case "a": break; default: { } }
          return { statusCode: 200, body: `${total}` };
        };
        """

    @Test func javaScriptSyntaxParses() {
        let source = Self.javaScriptSample
        #expect(problems(source, typeScript: false).isEmpty, "\(problems(source, typeScript: false))")
    }

    static let javaScriptSample = """
        #!/usr/bin/env node
        "use strict";
        const { a = 1, b: { c }, ...rest } = require("./x"), [first, , third = 3, ...others] = list;
        let value = a ? b : c, other = a?.[0]?.(1) ?? -1;
        async function* generate() { yield* other; yield 1; }
        const object = { async method() {}, get x() { return 1; }, set x(v) {}, [computed]: 1, 'quoted': 2, 3: 4, ...spread };
        const re = /[/]\\/(?<name>x)/gu.test(value) ? value / 2 / 3 : `a${`b${c}`}`;
        class Thing extends Base { static count = 0; #hidden = 1; constructor() { super(); this.#hidden++; } }
        module.exports = { handler: async (event) => { await new Promise((resolve) => setTimeout(resolve, 1)); } };
        x = y
        ++z
        const jsx = <Component prop={{ a: 1 }}>text {value} <b>bold</b></Component>;
        """

    @Test(arguments: [true, false]) func everyPrefixParses(typeScript: Bool) {
        let source = typeScript ? Self.typeScriptSample : Self.javaScriptSample
        let bytes = Array(source.utf8)
        for length in 0...bytes.count {
            let file = TokenizedFile(bytes: Array(bytes[0..<length]), allowsJSX: !typeScript)
            var parser = Parser(file: file, isTypeScript: typeScript)
            _ = parser.parseProgram()
            #expect(parser.index >= file.tokens.count - 1)
        }
    }

    @Test func problemNamesPosition() throws {
        let found = problems("const a = ;\nconst b = (1 + ;", typeScript: false)
        let first = try #require(found.first)
        #expect(first.position.line == 1)
        #expect(found.count >= 2)
    }
}
