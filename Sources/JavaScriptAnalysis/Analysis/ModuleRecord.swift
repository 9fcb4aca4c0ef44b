/// One local source file: its statements, scope and exports.
final class ModuleRecord {
    let id: Int
    /// The absolute path, resolved inside the code root.
    let path: String
    let displayPath: String
    let isTypeScript: Bool
    var statements: [Statement] = []
    /// The tokens the module's function bodies are parsed from when they first run.
    var unit: SourceUnit?
    /// The `exports` object, which `export` statements fill.
    let exports = ObjectBox()
    /// The `module` object, whose `exports` property CommonJS code may replace.
    let moduleObject: ObjectBox
    var isLoaded = false
    /// The module's top-level scope, once it runs.
    var scope: Scope?

    init(id: Int, path: String, displayPath: String, isTypeScript: Bool) {
        self.id = id
        self.path = path
        self.displayPath = displayPath
        self.isTypeScript = isTypeScript
        moduleObject = ObjectBox()
        moduleObject.properties["exports"] = .object(exports)
    }

    /// The module's exports as importers see them: `module.exports` when the code replaced
    /// it, otherwise the `exports` object.
    var exportedValue: Value { moduleObject.properties["exports"] ?? .object(exports) }

    /// The folder of the file, for relative imports.
    var folder: String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }
}
