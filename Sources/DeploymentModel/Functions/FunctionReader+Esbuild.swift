import Diagnostics
import Documents

extension DiagnosticCode {
    /// An esbuild function whose handler module matches none of its entry points.
    package static let esbuildEntryPointNotFound = DiagnosticCode("MR2040")
    /// `Metadata.BuildProperties.EntryPoints` of an esbuild function that is not a list of paths.
    package static let invalidEsbuildEntryPoints = DiagnosticCode("MR2041")
}

/// The entry points of SAM's esbuild build method (`Metadata.BuildProperties.EntryPoints`).
/// `Handler: app.lambdaHandler` names the bundled `app.js`, which esbuild writes from an entry
/// point such as `src/app.ts`. With several entry points, esbuild keeps their folders below
/// the nearest common folder.
package struct EsbuildEntryPoints: Sendable {
    /// Entry point paths relative to the code folder, without a leading `./`.
    package var paths: [String]

    package init(_ paths: [String]) {
        self.paths = paths.map { path in
            var text = Substring(path)
            while text.hasPrefix("./") { text = text.dropFirst(2) }
            return String(text)
        }
    }

    /// The result of matching a handler module to the entry points.
    package enum Match: Equatable, Sendable {
        /// The entry point whose output is the module.
        case matched(String)
        /// The only entry point, whose output name differs from the module.
        case onlyEntryPoint(String)
        /// Several entry points match equally well.
        case ambiguous([String])
        case notFound
    }

    /// Finds the entry point built into `module` (`app`, `handlers/app`): the one whose path
    /// without extension ends with the module path, else the one with the module's base name,
    /// else the only entry point.
    package func match(module: String) -> Match {
        let moduleParts = module.split(separator: "/")
        guard let moduleName = moduleParts.last else { return .notFound }
        let bySuffix = paths.filter { Self.stemParts(of: $0).reversed().starts(with: moduleParts.reversed()) }
        if bySuffix.count == 1 { return .matched(bySuffix[0]) }
        if bySuffix.count > 1 { return .ambiguous(bySuffix) }
        let byName = paths.filter { Self.stemParts(of: $0).last == moduleName }
        if byName.count == 1 { return .matched(byName[0]) }
        if byName.count > 1 { return .ambiguous(byName) }
        return paths.count == 1 ? .onlyEntryPoint(paths[0]) : .notFound
    }

    /// Returns the handler that names `entryPoint` from the code folder: `src/app.ts` and
    /// `app.lambdaHandler` give `src/app.lambdaHandler`.
    package static func handler(_ handler: String, entryPoint: String) -> String {
        let name = handler.split(separator: "/", omittingEmptySubsequences: false).last ?? Substring(handler)
        let functionPath = name.firstIndex(of: ".").map { name[name.index(after: $0)...] } ?? ""
        // NOTE: a handler carries no file extension, so the analysis reads a compiled `app.js`
        // that sits beside the entry point `app.ts` instead of the entry point.
        return stem(of: entryPoint) + "." + functionPath
    }

    /// Returns the module part of a Node.js handler: `src/app` of `src/app.handlers.get`.
    package static func module(ofHandler handler: String) -> String? {
        var text = Substring(handler)
        while text.hasPrefix("./") { text = text.dropFirst(2) }
        let folderEnd = text.lastIndex(of: "/").map { text.index(after: $0) } ?? text.startIndex
        guard let dot = text[folderEnd...].firstIndex(of: ".") else { return nil }
        return String(text[..<dot])
    }

    /// Returns the path without its extension: `src/app` for `src/app.ts`.
    static func stem(of path: String) -> String {
        let folderEnd = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        guard let dot = path[folderEnd...].lastIndex(of: "."), dot > folderEnd else { return path }
        return String(path[..<dot])
    }

    private static func stemParts(of path: String) -> [Substring] {
        stem(of: path).split(separator: "/")
    }
}

extension FunctionReader {
    /// Returns the handler the analysis reads for a function that SAM builds with esbuild
    /// (`Metadata.BuildMethod: esbuild`), whose module is the entry point it is bundled from
    /// (`src/app.lambdaHandler` for `app.lambdaHandler` and `EntryPoints: [src/app.ts]`).
    /// Other functions, and handlers no entry point matches, keep their handler.
    func sourceHandler(_ handler: String?, resource: TemplateResource) -> String? {
        guard let handler, let metadata = resource.metadata, text(metadata["BuildMethod"]) == "esbuild",
            let entryPoints = esbuildEntryPoints(metadata["BuildProperties"]?["EntryPoints"], resource: resource),
            let module = EsbuildEntryPoints.module(ofHandler: handler)
        else { return handler }
        let location = metadata["BuildProperties"]?["EntryPoints"]?.location ?? resource.location
        switch entryPoints.match(module: module) {
        case .matched(let path):
            return EsbuildEntryPoints.handler(handler, entryPoint: path)
        case .onlyEntryPoint(let path):
            diagnostics.report(
                .warning, .esbuildEntryPointNotFound,
                "the Handler of function '\(resource.logicalId)' names module '\(module)', but its only esbuild "
                    + "entry point is '\(path)'; the entry point is analyzed as the handler's module",
                at: location,
                notes: [
                    "esbuild bundles '\(path)' as '\(EsbuildEntryPoints.stem(of: path).split(separator: "/").last ?? "")"
                        + ".js'; name that module in Handler"
                ])
            return EsbuildEntryPoints.handler(handler, entryPoint: path)
        case .ambiguous(let paths):
            reportUnmatched(
                module, resource, at: location,
                "several esbuild entry points match it (\(paths.joined(separator: ", ")))",
                fix: "give the module's folder in Handler, as esbuild keeps it below the entry points' common folder")
        case .notFound:
            reportUnmatched(
                module, resource, at: location,
                "none of its esbuild entry points (\(entryPoints.paths.joined(separator: ", "))) is bundled as it",
                fix: "add the handler's source file to Metadata.BuildProperties.EntryPoints, or fix Handler")
        }
        return handler
    }

    /// Reads `EntryPoints` as relative paths inside the code folder, reporting any other value.
    /// Returns `nil` when there is no usable entry point.
    private func esbuildEntryPoints(_ node: Node?, resource: TemplateResource) -> EsbuildEntryPoints? {
        guard let node else { return nil }
        var paths: [String] = []
        for item in items(node) {
            guard let path = text(item), !path.isEmpty else {
                report("an esbuild entry point of function '\(resource.logicalId)' is not a path", at: item)
                continue
            }
            let components = path.split(separator: "/")
            guard !path.hasPrefix("/"), !components.contains("..") else {
                diagnostics.report(
                    .warning, .invalidEsbuildEntryPoints,
                    "esbuild entry point '\(path)' of function '\(resource.logicalId)' is outside its CodeUri folder",
                    at: item.location, notes: ["give entry points relative to CodeUri, without '..'"])
                continue
            }
            paths.append(path)
        }
        return paths.isEmpty ? nil : EsbuildEntryPoints(paths)
    }

    private func reportUnmatched(
        _ module: String, _ resource: TemplateResource, at location: SourceLocation, _ reason: String, fix: String
    ) {
        diagnostics.report(
            .error, .esbuildEntryPointNotFound,
            "the Handler of function '\(resource.logicalId)' names module '\(module)', but \(reason); "
                + "the handler is looked up in the code folder as written",
            at: location, notes: [fix])
    }
}
