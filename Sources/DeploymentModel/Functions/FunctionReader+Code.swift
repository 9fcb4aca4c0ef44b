import Diagnostics
import Documents

extension FunctionReader {
    /// Finds the local code folder of a SAM function: `CodeUri` as a path, or `Metadata.DockerContext`
    /// for an image. `nil`, with a note, for code in S3, inline code and prebuilt images.
    func samCodeRoot(_ properties: Node, resource: TemplateResource) -> String? {
        if text(properties["PackageType"]) == "Image" {
            if let context = text(resource.metadata?["DockerContext"]) { return localFolder(context) }
            notLocal(resource, "its code is a container image without Metadata.DockerContext")
            return nil
        }
        if properties["InlineCode"] != nil {
            notLocal(resource, "its code is inline (InlineCode)")
            return nil
        }
        guard let codeNode = properties["CodeUri"] else {
            diagnostics.report(
                .warning, .invalidCode, "function '\(resource.logicalId)' has no CodeUri", at: resource.location,
                notes: ["set CodeUri to the folder that holds the handler code"])
            return nil
        }
        if codeNode.mapping != nil, IntrinsicName.call(in: codeNode) == nil {
            notLocal(resource, "its CodeUri is an S3 object (Bucket, Key)")
            return nil
        }
        return codeFolder(codeNode, resource: resource, property: "CodeUri")
    }

    /// Finds the local code folder of an `AWS::Lambda::Function`: `Code` as a local path (before
    /// `aws cloudformation package`) or the CDK asset path in `Metadata`.
    func lambdaCodeRoot(_ properties: Node, resource: TemplateResource) -> String? {
        if let asset = text(resource.metadata?["aws:asset:path"]) { return localFolder(asset) }
        guard let code = properties["Code"] else {
            diagnostics.report(
                .warning, .invalidCode, "function '\(resource.logicalId)' has no Code", at: resource.location,
                notes: ["set Code to the S3 object, image or inline code of the function"])
            return nil
        }
        if code.scalar != nil { return codeFolder(code, resource: resource, property: "Code") }
        if code["ZipFile"] != nil {
            notLocal(resource, "its code is inline (Code.ZipFile)")
        } else if code["ImageUri"] != nil {
            notLocal(resource, "its code is a container image (Code.ImageUri)")
        } else {
            notLocal(resource, "its code is an S3 object (Code.S3Bucket)")
        }
        return nil
    }

    private func codeFolder(_ node: Node, resource: TemplateResource, property: String) -> String? {
        guard let path = text(node) else {
            diagnostics.report(
                .warning, .invalidCode, "\(property) of function '\(resource.logicalId)' is known only at deploy time",
                at: node.location, notes: ["give \(property) as a literal path, or pass the parameter with --parameter"]
            )
            return nil
        }
        if path.hasPrefix("s3://") || path.hasPrefix("https://") {
            notLocal(resource, "its \(property) is the remote location \(path)")
            return nil
        }
        return localFolder(path)
    }

    private func notLocal(_ resource: TemplateResource, _ reason: String) {
        diagnostics.report(
            .note, .codeNotLocal, "the code of function '\(resource.logicalId)' is not read because \(reason)",
            at: resource.location, notes: ["point the function at a local folder to analyze its code"])
    }
}
