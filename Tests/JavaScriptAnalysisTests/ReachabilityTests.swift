import SourceAnalysis
import Testing

@testable import JavaScriptAnalysis

/// A project, its handler string, and the operations its handler reaches.
struct ReachCase: CustomTestStringConvertible, Sendable {
    var name: String
    var files: [String: String]
    var handler = "app.handler"
    var expected: [String]

    var testDescription: String { name }
}

private let publish = """
    import { SNSClient, PublishCommand } from "@aws-sdk/client-sns";
    const sns = new SNSClient({});
    """
private let publishCall = "sns.send(new PublishCommand({ TopicArn: 't', Message: 'm' }))"
private let requirePublish = """
    const { SNSClient, PublishCommand } = require("@aws-sdk/client-sns");
    const sns = new SNSClient({});
    """

@Suite(.enabled(if: catalogIsAvailable)) struct ReachabilityTests {
    static let entries: [ReachCase] = [
        ReachCase(
            name: "exports.handler",
            files: ["app.js": "\(requirePublish)\nexports.handler = async function (event) { await \(publishCall); };"],
            expected: ["sns:Publish"]),
        ReachCase(
            name: "module.exports.handler",
            files: ["app.cjs": "\(requirePublish)\nmodule.exports.handler = async () => \(publishCall);"],
            expected: ["sns:Publish"]),
        ReachCase(
            name: "module.exports object",
            files: [
                "app.js":
                    "\(requirePublish)\nasync function handler() { await \(publishCall); }\nmodule.exports = { handler };"
            ],
            expected: ["sns:Publish"]),
        ReachCase(
            name: "export const", files: ["app.mjs": "\(publish)\nexport const handler = async () => \(publishCall);"],
            expected: ["sns:Publish"]),
        ReachCase(
            name: "export async function",
            files: [
                "app.mts":
                    "\(publish)\nexport async function handler(event: any): Promise<void> { await \(publishCall); }"
            ],
            expected: ["sns:Publish"]),
        ReachCase(
            name: "export default function",
            files: ["app.mjs": "\(publish)\nexport default async function (event) { await \(publishCall); }"],
            handler: "app.default", expected: ["sns:Publish"]),
        ReachCase(
            name: "export default object",
            files: ["app.mjs": "\(publish)\nexport default { handler: async () => \(publishCall) };"],
            expected: ["sns:Publish"]),
        ReachCase(
            name: "export renamed",
            files: ["app.mjs": "\(publish)\nconst main = async () => \(publishCall);\nexport { main as handler };"],
            expected: ["sns:Publish"]),
        ReachCase(
            name: "folder handler with TypeScript",
            files: [
                "src/index.ts":
                    "\(publish)\nexport const handler = async (): Promise<void> => { await \(publishCall); };"
            ],
            handler: "src/index.handler", expected: ["sns:Publish"]),
        ReachCase(
            name: "TSX file",
            files: [
                "app.tsx":
                    "\(publish)\nconst view = <div className=\"x\">{'it\\'s'}</div>;\nexport const handler = async () => \(publishCall);"
            ],
            expected: ["sns:Publish"]),
        ReachCase(
            name: "bound class method",
            files: [
                "app.ts": """
                \(publish)
                class Lambda {
                  private readonly topic = "t";
                  @tracer.captureLambdaHandler()
                  public async handler(event: unknown, context: unknown): Promise<void> {
                    await sns.send(new PublishCommand({ TopicArn: this.topic, Message: "m" }));
                  }
                }
                const instance = new Lambda();
                export const handler = instance.handler.bind(instance);
                """
            ],
            expected: ["sns:Publish"]),
        ReachCase(
            name: "static method and object literal method",
            files: [
                "app.mjs": """
                \(publish)
                class Topics { static publish(message) { return sns.send(new PublishCommand({ TopicArn: "t", Message: message })); } }
                const repository = { client: sns, save(item) { return this.client.send(new PublishCommand({ TopicArn: "u", Message: item })); } };
                export const handler = async () => { await Topics.publish("a"); await repository.save("b"); };
                """
            ],
            expected: ["sns:Publish", "sns:Publish"]),
        ReachCase(
            name: "TypeScript compiled to CommonJS",
            files: [
                "dist/app.js": """
                "use strict";
                Object.defineProperty(exports, "__esModule", { value: true });
                exports.handler = void 0;
                const client_sns_1 = require("@aws-sdk/client-sns");
                const sns = new client_sns_1.SNSClient({});
                const handler = async (event) => {
                    await sns.send(new client_sns_1.PublishCommand({ TopicArn: process.env.TOPIC, Message: "m" }));
                };
                exports.handler = handler;
                """
            ],
            handler: "dist/app.handler", expected: ["sns:Publish"]),
        ReachCase(
            name: "tsc re-export through defineProperty",
            files: [
                "dist/index.js": """
                "use strict";
                Object.defineProperty(exports, "__esModule", { value: true });
                exports.handler = void 0;
                var handler_1 = require("./handler");
                Object.defineProperty(exports, "handler", { enumerable: true, get: function () { return handler_1.handler; } });
                """,
                "dist/handler.js": "\(requirePublish)\nexports.handler = async () => \(publishCall);",
            ],
            handler: "dist/index.handler", expected: ["sns:Publish"]),
        ReachCase(
            name: "middy wrapper",
            files: [
                "app.mjs":
                    "import middy from '@middy/core';\n\(publish)\nconst base = async (event) => \(publishCall);\nexport const handler = middy(base).use(jsonBodyParser());"
            ],
            expected: ["sns:Publish"]),
    ]

    static let imports: [ReachCase] = [
        ReachCase(
            name: "require of a local module with an index file",
            files: [
                "app.js": "const { notify } = require('./lib');\nexports.handler = async () => notify();",
                "lib/index.js": "\(requirePublish)\nexports.notify = () => \(publishCall);",
            ],
            expected: ["sns:Publish"]),
        ReachCase(
            name: "import of a .js name that is a TypeScript file",
            files: [
                "app.ts": "import { notify } from './lib/notify.js';\nexport const handler = async () => notify();",
                "lib/notify.ts": "\(publish)\nexport function notify(): Promise<unknown> { return \(publishCall); }",
            ],
            expected: ["sns:Publish"]),
        ReachCase(
            name: "types from a declaration file",
            files: [
                "app.ts":
                    "import { Order } from './types';\n\(publish)\nexport const handler = async (order: Order) => \(publishCall);",
                "types.d.ts": "export interface Order { id: string }\nexport declare const VERSION: string;",
            ],
            expected: ["sns:Publish"]),
        ReachCase(
            name: "re-exports",
            files: [
                "app.mjs":
                    "import { notify, store } from './lib/all.mjs';\nexport const handler = async () => { await notify(); await store(); };",
                "lib/all.mjs": "export * from './notify.mjs';\nexport { save as store } from './store.mjs';",
                "lib/notify.mjs": "\(publish)\nexport const notify = () => \(publishCall);",
                "lib/store.mjs":
                    "import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';\nconst s3 = new S3Client({});\nexport const save = () => s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'k' }));",
            ],
            expected: ["s3:PutObject", "sns:Publish"]),
        ReachCase(
            name: "dynamic import with a literal",
            files: [
                "app.mjs":
                    "export const handler = async () => { const { notify } = await import('./notify.mjs'); await notify(); };",
                "notify.mjs": "\(publish)\nexport const notify = () => \(publishCall);",
            ],
            expected: ["sns:Publish"]),
        ReachCase(
            name: "JSON configuration and a stylesheet",
            files: [
                "app.js": """
                \(requirePublish)
                const config = require('./config.json');
                require('./styles.css');
                exports.handler = async () => sns.send(new PublishCommand({ TopicArn: config.topics[0].arn, Message: "m" }));
                """,
                "config.json": #"{ "topics": [{ "arn": "arn:aws:sns:us-east-1:123456789012:orders" }] }"#,
                "styles.css": "body { color: red; }",
            ],
            expected: ["sns:Publish"]),
        ReachCase(
            name: "node_modules are not analyzed",
            files: [
                "app.js":
                    "const helper = require('helper');\nconst local = require('./node_modules/helper');\nexports.handler = async () => { helper.notify(); local.notify(); };",
                "node_modules/helper/index.js": "\(requirePublish)\nexports.notify = () => \(publishCall);",
            ],
            expected: []),
        ReachCase(
            name: "circular imports",
            files: [
                "app.mjs":
                    "import { b } from './b.mjs';\n\(publish)\nexport const a = () => \(publishCall);\nexport const handler = async () => b();",
                "b.mjs": "import { a } from './app.mjs';\nexport const b = () => a();",
            ],
            expected: ["sns:Publish"]),
        ReachCase(
            name: "uncalled functions are not reached",
            files: [
                "app.mjs": "\(publish)\nconst unused = () => \(publishCall);\nexport const handler = async () => 1;"
            ],
            expected: []),
        ReachCase(
            name: "top-level await runs at load",
            files: ["app.mjs": "\(publish)\nawait \(publishCall);\nexport const handler = async () => 1;"],
            expected: ["sns:Publish"]),
    ]

    @Test(arguments: entries + imports) func reachesCalls(_ testCase: ReachCase) {
        let (result, diagnostics) = Fixture(testCase.files).analyze(handler: testCase.handler)
        #expect(diagnostics.errors.isEmpty, "\(diagnostics)")
        #expect(result.summary == testCase.expected)
    }

    @Test func middyHandlerGetsTheEvent() throws {
        let files = ReachabilityTests.entries.first { $0.name == "middy wrapper" }!.files
        let source = files["app.mjs"]!.replacing("TopicArn: 't'", with: "TopicArn: event.topic")
        let call = try #require(Fixture(["app.mjs": source]).analyze().result.calls.first)
        #expect(call.arguments["TopicArn"] == .event(path: ["topic"]))
    }

    @Test func jsonValuesReachArguments() throws {
        let files = ReachabilityTests.imports.first { $0.name == "JSON configuration and a stylesheet" }!.files
        let call = try #require(Fixture(files).analyze().result.calls.first)
        #expect(call.arguments["TopicArn"] == .literal("arn:aws:sns:us-east-1:123456789012:orders"))
    }

    @Test func filesReadAreListed() {
        let files = ReachabilityTests.imports.first { $0.name == "re-exports" }!.files
        let result = Fixture(files).analyze().result
        #expect(result.filesRead.sorted() == ["app.mjs", "lib/all.mjs", "lib/notify.mjs", "lib/store.mjs"])
        #expect(result.bytesRead > 0)
    }

    @Test func missingImportIsReported() {
        let (_, diagnostics) = Fixture([
            "app.js": "const x = require('./missing');\nexports.handler = async () => x.run();"
        ]).analyze()
        let problem = diagnostics.with(.javaScriptImportNotFound).first
        #expect(problem?.location?.file == "app.js")
        #expect(problem?.location?.line == 1)
    }

    @Test func dynamicImportPathIsReported() {
        let source = "exports.handler = async (event) => { require('./' + event.name); await import(event.module); };"
        let (_, diagnostics) = Fixture(["app.js": source]).analyze()
        #expect(diagnostics.with(.javaScriptDynamicImport).count == 2)
    }

    @Test func unexportedTopLevelHandlerIsAnalyzedWithWarning() {
        let source = "\(publish)\nexport const other = 1;\nasync function handler() { await \(publishCall); }"
        let (result, diagnostics) = Fixture(["app.mjs": source]).analyze()
        let problems = diagnostics.with(.javaScriptHandlerFunctionNotFound)
        #expect(problems.count == 1)
        #expect(problems.first?.severity == .warning)
        #expect(result.summary == (catalogIsAvailable ? ["sns:Publish"] : []))
    }

    @Test func missingHandlerFileIsReported() {
        let (_, diagnostics) = Fixture(["other.js": "exports.handler = () => 1;"]).analyze(handler: "app.handler")
        #expect(diagnostics.with(.javaScriptHandlerFileNotFound).count == 1)
    }

    @Test func missingHandlerFunctionIsReported() {
        let (_, diagnostics) = Fixture(["app.mjs": "export async function main() {}"]).analyze()
        let problems = diagnostics.with(.javaScriptHandlerFunctionNotFound)
        #expect(problems.count == 1)
        #expect(problems.first?.severity == .error)
    }

    @Test func esbuildBundleExportsHandler() {
        let source = """
            var __defProp = Object.defineProperty;
            var __getOwnPropNames = Object.getOwnPropertyNames;
            var __hasOwnProp = Object.prototype.hasOwnProperty;
            var __export = (target, all) => { for (var name in all) __defProp(target, name, { get: all[name], enumerable: true }); };
            var __copyProps = (to, from, except, desc) => {
              if (from && typeof from === "object" || typeof from === "function") {
                for (let key of __getOwnPropNames(from))
                  if (!__hasOwnProp.call(to, key) && key !== except)
                    __defProp(to, key, { get: () => from[key], enumerable: true });
              }
              return to;
            };
            var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);
            var app_exports = {};
            __export(app_exports, { handler: () => handler });
            module.exports = __toCommonJS(app_exports);
            var import_client_sns = require("@aws-sdk/client-sns");
            var sns = new import_client_sns.SNSClient({});
            var handler = async (event) => {
              await sns.send(new import_client_sns.PublishCommand({ TopicArn: event.topic, Message: "m" }));
            };
            """
        let (result, diagnostics) = Fixture(["index.js": source]).analyze(handler: "index.handler")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(result.summary == (catalogIsAvailable ? ["sns:Publish"] : []))
        #expect(result.calls.first?.arguments["TopicArn"] == (catalogIsAvailable ? .event(path: ["topic"]) : nil))
    }

    @Test(arguments: ["handler", "../app.handler", "app.", "/abs/app.handler"]) func invalidHandlerIsReported(
        handler: String
    ) {
        let (_, diagnostics) = Fixture(["app.js": ""]).analyze(handler: handler)
        #expect(diagnostics.with(.javaScriptHandlerInvalid).count == 1)
    }

    @Test func explicitCredentialsAreNoted() {
        let source = """
            import { S3Client, ListBucketsCommand } from "@aws-sdk/client-s3";
            const s3 = new S3Client({ credentials: { accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET } });
            export const handler = async () => s3.send(new ListBucketsCommand({}));
            """
        let (result, diagnostics) = Fixture(app: source).analyze()
        #expect(diagnostics.with(.javaScriptExplicitCredentials).count == 1)
        #expect(result.summary == (catalogIsAvailable ? ["s3:ListBuckets"] : []))
    }

    @Test func tracerNeedsSampling() {
        let source =
            "import { Tracer } from '@aws-lambda-powertools/tracer';\nconst tracer = new Tracer();\nexport const handler = async () => 1;"
        #expect(Fixture(app: source).analyze().result.usesXRaySampling)
    }
}
