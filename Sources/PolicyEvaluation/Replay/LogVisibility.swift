/// The visibility of a call in a log of a function's invocations. CloudTrail records management
/// events by default, and data events (object, item and message operations) only when a trail
/// is set up to log them. Some calls it never records. A permission no log can show is
/// unobservable, never unused.
package enum LogVisibility: Sendable, Hashable {
    case recorded
    /// Recorded only when the trail logs data events for the service.
    case dataEvent
    /// Never in a log of invocations, for the reason given.
    case neverRecorded(String)

    /// Classifies an IAM action (`s3:GetObject`).
    package static func of(action: String) -> LogVisibility {
        let parts = action.lowercased().split(separator: ":", maxSplits: 1)
        guard parts.count == 2 else { return .recorded }
        let (service, name) = (String(parts[0]), String(parts[1]))
        if let reason = neverRecorded[service + ":" + name] { return .neverRecorded(reason) }
        if service == "ec2", name.hasSuffix("networkinterface") || name.hasSuffix("networkinterfaces") {
            return .neverRecorded(
                "Lambda uses it when it creates or updates the function's network interfaces, not during invocations")
        }
        if service == "s3", name.contains("object") || s3BucketReads.contains(name) { return .dataEvent }
        if dataEventActions[service]?.contains(name) == true { return .dataEvent }
        return .recorded
    }

    /// Calls that no log of invocations shows.
    private static let neverRecorded: [String: String] = [
        "iam:passrole":
            "IAM checks it when another call passes the role; CloudTrail records that call, not iam:PassRole",
        "logs:putlogevents": "CloudTrail does not record log event delivery",
        "logs:createlogstream": "Lambda's own log delivery uses it, outside the function's calls",
        "logs:createloggroup": "Lambda's own log delivery uses it, outside the function's calls",
        "xray:puttracesegments": "CloudTrail does not record trace delivery",
        "xray:puttelemetryrecords": "CloudTrail does not record trace delivery",
    ]

    /// Bucket-level S3 reads that CloudTrail logs as data events.
    private static let s3BucketReads: Set<String> = [
        "listbucket", "listbucketversions", "listbucketmultipartuploads", "listmultipartuploadparts",
        "abortmultipartupload",
    ]

    /// Data-event actions by service, from CloudTrail's list of data event resource types.
    private static let dataEventActions: [String: Set<String>] = [
        "dynamodb": [
            "getitem", "putitem", "updateitem", "deleteitem", "query", "scan", "batchgetitem", "batchwriteitem",
            "conditioncheckitem", "partiqlselect", "partiqlinsert", "partiqlupdate", "partiqldelete", "getrecords",
            "getsharditerator", "describestream", "liststreams",
        ],
        "lambda": ["invokefunction", "invokefunctionurl", "invokeasync"],
        "sns": ["publish", "publishbatch"],
        "sqs": [
            "sendmessage", "receivemessage", "deletemessage", "changemessagevisibility", "sendmessagebatch",
            "deletemessagebatch", "changemessagevisibilitybatch",
        ],
        "kinesis": ["putrecord", "putrecords", "getrecords", "getsharditerator", "subscribetoshard"],
        "cloudwatch": ["putmetricdata", "getmetricdata"],
        "states": ["sendtasksuccess", "sendtaskfailure", "sendtaskheartbeat", "startsyncexecution"],
        "bedrock": ["invokemodel", "invokemodelwithresponsestream", "converse", "conversestream"],
    ]
}
