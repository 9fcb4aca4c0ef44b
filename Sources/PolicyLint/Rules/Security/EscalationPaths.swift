/// Known privilege-escalation combinations. The list follows the methods Spencer Gietzen
/// published in Rhino Security Labs' "AWS IAM Privilege Escalation – Methods and Mitigation"
/// (2018), as cloudsplaining lists them in `PRIVILEGE_ESCALATION_METHODS`
/// (cloudsplaining/shared/constants.py), where each has a pathfinding.cloud page
/// (https://pathfinding.cloud/paths/<id>, the id in `reference` where one is published).
struct EscalationPath: Sendable {
    var actions: [String]
    /// The outcome the combination allows, worded to follow "lets the principal" in the message.
    var outcome: String
    var reference: String?
}

enum EscalationPaths {
    static let all: [EscalationPath] = [
        EscalationPath(
            actions: ["iam:CreatePolicyVersion"], outcome: "replace a managed policy's permissions with its own",
            reference: "iam-001"),
        EscalationPath(
            actions: ["iam:SetDefaultPolicyVersion"], outcome: "switch a managed policy to a stronger earlier version",
            reference: nil),
        EscalationPath(
            actions: ["iam:CreateAccessKey"], outcome: "create access keys for another user", reference: "iam-002"),
        EscalationPath(
            actions: ["iam:CreateLoginProfile"], outcome: "set a console password for another user",
            reference: "iam-004"),
        EscalationPath(
            actions: ["iam:UpdateLoginProfile"], outcome: "change another user's console password", reference: "iam-006"
        ),
        EscalationPath(
            actions: ["iam:AttachUserPolicy"], outcome: "attach any managed policy to a user", reference: "iam-008"),
        EscalationPath(
            actions: ["iam:AttachGroupPolicy"], outcome: "attach any managed policy to a group", reference: "iam-010"),
        EscalationPath(
            actions: ["iam:AttachRolePolicy"], outcome: "attach any managed policy to a role", reference: "iam-009"),
        EscalationPath(
            actions: ["iam:PutUserPolicy"], outcome: "write any inline policy on a user", reference: "iam-007"),
        EscalationPath(
            actions: ["iam:PutGroupPolicy"], outcome: "write any inline policy on a group", reference: "iam-011"),
        EscalationPath(
            actions: ["iam:PutRolePolicy"], outcome: "write any inline policy on a role", reference: "iam-005"),
        EscalationPath(
            actions: ["iam:AddUserToGroup"], outcome: "join a group with stronger permissions", reference: "iam-013"),
        EscalationPath(
            actions: ["iam:UpdateAssumeRolePolicy"], outcome: "make a stronger role trust it", reference: "iam-012"),
        EscalationPath(
            actions: ["iam:PassRole", "ec2:RunInstances"],
            outcome: "run an instance with a stronger role and read its credentials", reference: "ec2-001"),
        EscalationPath(
            actions: ["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"],
            outcome: "run its own code in a function with a stronger role", reference: "lambda-001"),
        EscalationPath(
            actions: ["iam:PassRole", "lambda:CreateFunction", "lambda:CreateEventSourceMapping"],
            outcome: "run its own code in a function with a stronger role, triggered by an event source",
            reference: "lambda-002"),
        EscalationPath(
            actions: ["lambda:UpdateFunctionCode"], outcome: "replace the code of a function that has a stronger role",
            reference: "lambda-003"),
        EscalationPath(
            actions: ["iam:PassRole", "glue:CreateDevEndpoint"],
            outcome: "open a Glue development endpoint with a stronger role", reference: "glue-001"),
        EscalationPath(
            actions: ["glue:UpdateDevEndpoint"], outcome: "add its SSH key to a Glue endpoint with a stronger role",
            reference: "glue-002"),
        EscalationPath(
            actions: ["iam:PassRole", "cloudformation:CreateStack"],
            outcome: "create stacks that act with a stronger role", reference: "cloudformation-001"),
        EscalationPath(
            actions: ["iam:PassRole", "datapipeline:CreatePipeline"],
            outcome: "run a data pipeline with a stronger role", reference: "datapipeline-001"),
        EscalationPath(
            actions: ["iam:PassRole", "codebuild:CreateProject", "codebuild:StartBuild"],
            outcome: "run a build with a stronger role", reference: nil),
        EscalationPath(
            actions: ["iam:PassRole", "sagemaker:CreateNotebookInstance"],
            outcome: "open a notebook with a stronger role", reference: nil),
    ]
}
