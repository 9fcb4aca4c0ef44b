/// MR505: a container image built neither from a Lambda base image nor with a runtime
/// interface client.
struct ImageRuntimeRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "MR505", name: "image-without-runtime-client", title: "Container image without a Lambda runtime",
        rationale:
            "Lambda starts a container image through the Runtime API; an image from a plain base without a runtime interface client fails on every invocation.",
        help:
            "Build FROM public.ecr.aws/lambda/<runtime>, or install the runtime interface client for the language (awslambdaric for Python, aws-lambda-ric for Node.js) and make it the entry point.",
        severity: .error, category: .deployment, isEnabledByDefault: false)

    /// Base images that contain the runtime, from the Lambda developer guide's list of AWS base images.
    static let basePrefixes = ["public.ecr.aws/lambda/", "amazon/aws-lambda-", "public.ecr.aws/sam/build-"]
    /// Runtime interface clients and libraries that implement the Runtime API, by language.
    static let clients = [
        "awslambdaric", "aws-lambda-ric", "aws-lambda-java-runtime-interface-client", "amazon.lambda.runtimesupport",
        "aws_lambda_ric", "aws-lambda-cpp", "aws-lambda-go", "lambda_runtime", "aws-lambda-web-adapter",
        "lambda-adapter",
    ]

    let examples: [RuleExample] = [
        .passing(
            Self.imageFunction, kind: .template,
            files: [
                "app/Dockerfile": .text(
                    "FROM public.ecr.aws/lambda/python:3.12\nCOPY app.py ./\nCMD [\"app.handler\"]\n")
            ]),
        .passing(
            Self.imageFunction, kind: .template,
            files: [
                "app/Dockerfile": .text(
                    "FROM python:3.12-slim\nRUN pip install awslambdaric\nENTRYPOINT [\"python\", \"-m\", \"awslambdaric\"]\n"
                )
            ]),
        .failing(
            Self.imageFunction, kind: .template,
            files: [
                "app/Dockerfile": .text(
                    "FROM public.ecr.aws/lambda/python:3.12 AS build\nRUN pip install -t /deps requests\nFROM python:3.12-slim\nCOPY --from=build /deps /deps\nCMD [\"python\", \"app.py\"]\n"
                )
            ]),
    ]

    private static let imageFunction = """
        Resources:
          Handler:
            Type: AWS::Serverless::Function
            Properties:
              PackageType: Image
            Metadata:
              DockerContext: ./app
              Dockerfile: Dockerfile
        """

    func check(_ function: LocatedFunction, in context: LintContext) -> [Finding] {
        guard function.property("PackageType").flatMap(function.literal) == "Image",
            let metadata = function.metadata, let node = metadata["Dockerfile"] ?? metadata["DockerContext"]
        else { return [] }
        let contextPath = metadata["DockerContext"].flatMap(function.literal) ?? "."
        let dockerfile = metadata["Dockerfile"].flatMap(function.literal) ?? "Dockerfile"
        let files = FunctionFiles(function: function, diagnostics: context.diagnostics)
        guard let relative = files.relativePath(contextPath + "/" + dockerfile, at: node),
            let text = files.text(of: relative, at: node)
        else { return [] }
        guard let base = Self.finalBaseImage(text) else { return [] }
        let lowered = text.lowercased()
        if Self.basePrefixes.contains(where: { base.lowercased().hasPrefix($0) }) { return [] }
        if Self.clients.contains(where: { lowered.contains($0) }) { return [] }
        return [
            finding(
                "the image of \(function.logicalId) is built FROM \(base.prefix(100)), which is no Lambda base image, and \(dockerfile) installs no runtime interface client; build FROM public.ecr.aws/lambda/<runtime> or install one",
                at: node, subject: function.logicalId)
        ]
    }

    /// Returns the image of the last `FROM`, which is the stage Lambda runs, or `nil` when there is none.
    static func finalBaseImage(_ text: String) -> String? {
        var base: String?
        for line in text.split(separator: "\n") {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard let first = words.first, first.uppercased() == "FROM" else { continue }
            base = words.dropFirst().first { !$0.hasPrefix("--") }.map(String.init)
        }
        return base
    }
}
