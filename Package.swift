// swift-tools-version: 6.0
import PackageDescription

// The C libraries are linked from their static archives (Debian's libyaml-dev, libjson-c-dev,
// zlib1g-dev), so the release binary runs when copied alone to another machine of this kind.
let staticCLibraries: [LinkerSetting] = [
    .linkedLibrary(":libyaml.a"),
    .linkedLibrary(":libjson-c.a"),
    .linkedLibrary(":libz.a"),
]

// Release builds of the analyzers skip the run-time exclusivity checks, which cost about 5% of
// a large project's analysis (every read of a class's array or dictionary property is
// checked). Debug builds, where the tests run, keep them.
let analyzerSettings: [SwiftSetting] = [
    .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))
]

let package = Package(
    name: "minrole",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "minrole", targets: ["minrole"])
    ],
    targets: [
        .systemLibrary(name: "CYAML", providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(name: "CJSONC", providers: [.apt(["libjson-c-dev"])]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),

        .target(name: "Diagnostics"),
        .target(
            name: "Documents",
            dependencies: ["Diagnostics", "CYAML", "CJSONC", "CZlib"],
            linkerSettings: staticCLibraries
        ),
        .target(name: "IAMCatalog", dependencies: ["Documents"]),
        .target(name: "PolicyModel", dependencies: ["Diagnostics", "Documents"]),
        .target(name: "DeploymentModel", dependencies: ["Diagnostics", "Documents", "PolicyModel", "IAMCatalog"]),
        .target(name: "SourceAnalysis", dependencies: ["Diagnostics"]),
        .target(
            name: "PythonAnalysis", dependencies: ["Diagnostics", "Documents", "SourceAnalysis", "IAMCatalog"],
            swiftSettings: analyzerSettings
        ),
        .target(
            name: "JavaScriptAnalysis", dependencies: ["Diagnostics", "Documents", "SourceAnalysis", "IAMCatalog"],
            swiftSettings: analyzerSettings
        ),
        .target(
            name: "PolicySynthesis",
            dependencies: [
                "Diagnostics", "Documents", "IAMCatalog", "PolicyModel", "DeploymentModel",
                "SourceAnalysis", "PythonAnalysis",
            ]
        ),
        .target(name: "PolicyEvaluation", dependencies: ["Diagnostics", "PolicyModel", "IAMCatalog"]),
        .target(name: "Invocations", dependencies: ["Diagnostics", "Documents", "PolicyModel", "IAMCatalog"]),
        .target(
            name: "PolicyLint",
            dependencies: [
                "Diagnostics", "Documents", "IAMCatalog", "PolicyModel", "DeploymentModel", "PolicyEvaluation",
            ]
        ),
        .target(
            name: "Rendering",
            dependencies: [
                "Diagnostics", "Documents", "IAMCatalog", "PolicyModel", "DeploymentModel", "PolicySynthesis",
                "PolicyLint", "PolicyEvaluation", "Invocations",
            ]
        ),
        .target(
            name: "MinRoleCLI",
            dependencies: [
                "Diagnostics", "Documents", "IAMCatalog", "PolicyModel", "DeploymentModel",
                "SourceAnalysis", "PythonAnalysis", "JavaScriptAnalysis", "PolicySynthesis", "Rendering",
                "PolicyEvaluation", "Invocations", "PolicyLint",
            ]
        ),
        .executableTarget(name: "minrole", dependencies: ["MinRoleCLI"]),

        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "DocumentsTests", dependencies: ["Documents"]),
        .testTarget(name: "IAMCatalogTests", dependencies: ["IAMCatalog"]),
        .testTarget(name: "PolicyModelTests", dependencies: ["PolicyModel", "Documents", "Diagnostics"]),
        .testTarget(
            name: "PolicyEvaluationTests",
            dependencies: ["PolicyEvaluation", "PolicyModel", "Documents", "Diagnostics", "IAMCatalog"],
            resources: [.copy("Scenarios")]
        ),
        .testTarget(name: "DeploymentModelTests", dependencies: ["DeploymentModel", "Documents", "IAMCatalog"]),
        .testTarget(name: "SourceAnalysisTests", dependencies: ["SourceAnalysis"]),
        .testTarget(name: "PythonAnalysisTests", dependencies: ["PythonAnalysis", "IAMCatalog"]),
        .testTarget(
            name: "JavaScriptAnalysisTests", dependencies: ["JavaScriptAnalysis", "IAMCatalog", "TestSupport"]),
        .testTarget(
            name: "PolicySynthesisTests",
            dependencies: [
                "PolicySynthesis", "DeploymentModel", "PythonAnalysis", "JavaScriptAnalysis", "IAMCatalog", "Documents",
                "Rendering",
                "TestSupport",
            ]
        ),
        .testTarget(
            name: "RenderingTests", dependencies: ["Rendering", "PolicySynthesis", "DeploymentModel", "Diagnostics"]),
        .testTarget(
            name: "InvocationsTests",
            dependencies: ["Invocations", "Documents", "PolicyModel", "IAMCatalog", "TestSupport"]),
        .testTarget(
            name: "PolicyLintTests",
            dependencies: ["PolicyLint", "PolicyModel", "IAMCatalog", "Documents", "DeploymentModel", "TestSupport"]),
        .testTarget(name: "MinRoleCLITests", dependencies: ["MinRoleCLI", "Documents", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["minrole", "TestSupport"]),
    ]
)
