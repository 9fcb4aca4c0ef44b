/// Known privilege-escalation combinations: the methods Spencer Gietzen published in Rhino
/// Security Labs' "AWS IAM Privilege Escalation – Methods and Mitigation" (2018), each an IAM
/// action or set of actions that lets a principal gain permissions it was not given.
struct EscalationPath: Sendable {
    var actions: [String]
    /// The outcome the combination allows, worded to follow "lets the principal" in the message.
    var outcome: String
}

enum EscalationPaths {
    static let all: [EscalationPath] = [
        EscalationPath(
            actions: ["iam:CreatePolicyVersion"], outcome: "replace a managed policy's permissions with its own"),
        EscalationPath(
            actions: ["iam:SetDefaultPolicyVersion"], outcome: "switch a managed policy to a stronger earlier version"),
        EscalationPath(
            actions: ["iam:CreateAccessKey"], outcome: "create access keys for another user"),
        EscalationPath(
            actions: ["iam:CreateLoginProfile"], outcome: "set a console password for another user"),
        EscalationPath(
            actions: ["iam:UpdateLoginProfile"], outcome: "change another user's console password"),
        EscalationPath(
            actions: ["iam:AttachUserPolicy"], outcome: "attach any managed policy to a user"),
        EscalationPath(
            actions: ["iam:AttachGroupPolicy"], outcome: "attach any managed policy to a group"),
        EscalationPath(
            actions: ["iam:AttachRolePolicy"], outcome: "attach any managed policy to a role"),
        EscalationPath(
            actions: ["iam:PutUserPolicy"], outcome: "write any inline policy on a user"),
        EscalationPath(
            actions: ["iam:PutGroupPolicy"], outcome: "write any inline policy on a group"),
        EscalationPath(
            actions: ["iam:PutRolePolicy"], outcome: "write any inline policy on a role"),
        EscalationPath(
            actions: ["iam:AddUserToGroup"], outcome: "join a group with stronger permissions"),
        EscalationPath(
            actions: ["iam:UpdateAssumeRolePolicy"], outcome: "make a stronger role trust it"),
        EscalationPath(
            actions: ["iam:PassRole", "ec2:RunInstances"],
            outcome: "run an instance with a stronger role and read its credentials"),
        EscalationPath(
            actions: ["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"],
            outcome: "run its own code in a function with a stronger role"),
        EscalationPath(
            actions: ["iam:PassRole", "lambda:CreateFunction", "lambda:CreateEventSourceMapping"],
            outcome: "run its own code in a function with a stronger role, triggered by an event source"),
        EscalationPath(
            actions: ["lambda:UpdateFunctionCode"], outcome: "replace the code of a function that has a stronger role"),
        EscalationPath(
            actions: ["iam:PassRole", "glue:CreateDevEndpoint"],
            outcome: "open a Glue development endpoint with a stronger role"),
        EscalationPath(
            actions: ["glue:UpdateDevEndpoint"], outcome: "add its SSH key to a Glue endpoint with a stronger role"),
        EscalationPath(
            actions: ["iam:PassRole", "cloudformation:CreateStack"],
            outcome: "create stacks that act with a stronger role"),
        EscalationPath(
            actions: ["iam:PassRole", "datapipeline:CreatePipeline"],
            outcome: "run a data pipeline with a stronger role"),
        EscalationPath(
            actions: ["iam:PassRole", "codebuild:CreateProject", "codebuild:StartBuild"],
            outcome: "run a build with a stronger role"),
        EscalationPath(
            actions: ["iam:PassRole", "sagemaker:CreateNotebookInstance"],
            outcome: "open a notebook with a stronger role"),
    ]
}
