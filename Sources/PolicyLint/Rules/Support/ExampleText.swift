/// Builders for the policy texts in rule examples.
enum ExampleText {
    /// Writes a policy with `Version: 2012-10-17` and the given statements (JSON objects).
    static func policy(_ statements: String...) -> String {
        "{\"Version\": \"2012-10-17\", \"Statement\": [\(statements.joined(separator: ", "))]}"
    }

    /// Writes an `Allow` statement of the given actions and resources, each a JSON string or array.
    static func allow(_ action: String, _ resource: String, condition: String? = nil) -> String {
        var text = "{\"Effect\": \"Allow\", \"Action\": \(action), \"Resource\": \(resource)"
        if let condition { text += ", \"Condition\": \(condition)" }
        return text + "}"
    }

    /// A SAM template with one function whose properties are given as YAML lines indented by six spaces.
    static func samFunction(_ properties: String) -> String {
        """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Handler:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              InlineCode: "def handler(event, context): pass"
        \(properties)
        """
    }
}
