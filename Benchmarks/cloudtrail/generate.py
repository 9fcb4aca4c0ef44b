#!/usr/bin/env python3
"""Write synthetic CloudTrail log files for the reader benchmark.

The files follow CloudTrail's own S3 layout
(AWSLogs/ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/ACCOUNT_CloudTrail_REGION_TIME_ID.json[.gz]),
each a {"Records": [...]} document of about 4 MB, with a few digest files beside them.
A share of the events (--role-share) is made by the role the benchmark selects,
arn:aws:iam::123456789012:role/service/orders-role through function orders-fn; the rest by
other roles and users. The output is deterministic for the same arguments.
"""

import argparse
import gzip
import json
import os
import random
import sys

ACCOUNT = "123456789012"
REGION = "us-east-1"
ROLE_ARN = f"arn:aws:iam::{ACCOUNT}:role/service/orders-role"
FILE_SIZE = 4 * 1024 * 1024

OTHER_ROLES = [f"team-{n}-role" for n in range(40)]

# (eventSource, eventName, requestParameters, resources, category)
CALLS = [
    ("s3.amazonaws.com", "GetObject",
     lambda r: {"bucketName": "orders-data", "Host": "orders-data.s3.amazonaws.com", "key": f"in/{r.randrange(10**6)}.json"},
     lambda p: [{"type": "AWS::S3::Object", "ARN": f"arn:aws:s3:::{p['bucketName']}/{p['key']}"},
                {"accountId": ACCOUNT, "type": "AWS::S3::Bucket", "ARN": f"arn:aws:s3:::{p['bucketName']}"}],
     "Data"),
    ("s3.amazonaws.com", "ListObjects",
     lambda r: {"bucketName": "orders-data", "prefix": "in/", "list-type": "2"},
     lambda p: [{"accountId": ACCOUNT, "type": "AWS::S3::Bucket", "ARN": f"arn:aws:s3:::{p['bucketName']}"}],
     "Data"),
    ("dynamodb.amazonaws.com", "GetItem",
     lambda r: {"tableName": "Orders", "key": {"pk": f"order#{r.randrange(10**7)}"}, "consistentRead": False},
     lambda p: [{"accountId": ACCOUNT, "type": "AWS::DynamoDB::Table",
                 "ARN": f"arn:aws:dynamodb:{REGION}:{ACCOUNT}:table/Orders"}],
     "Data"),
    ("dynamodb.amazonaws.com", "Query",
     lambda r: {"tableName": "Orders", "indexName": "byCustomer", "keyConditionExpression": "customer = :c"},
     lambda p: [{"accountId": ACCOUNT, "type": "AWS::DynamoDB::Table",
                 "ARN": f"arn:aws:dynamodb:{REGION}:{ACCOUNT}:table/Orders"}],
     "Data"),
    ("sqs.amazonaws.com", "SendMessage",
     lambda r: {"queueUrl": f"https://sqs.{REGION}.amazonaws.com/{ACCOUNT}/jobs", "messageBody": "HIDDEN_DUE_TO_SECURITY_REASONS"},
     None, "Data"),
    ("kms.amazonaws.com", "Decrypt",
     lambda r: {"encryptionAlgorithm": "SYMMETRIC_DEFAULT", "encryptionContext": {"aws:lambda:FunctionArn": "x"}},
     lambda p: [{"accountId": ACCOUNT, "type": "AWS::KMS::Key",
                 "ARN": f"arn:aws:kms:{REGION}:{ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab"}],
     "Management"),
    ("secretsmanager.amazonaws.com", "GetSecretValue", lambda r: {"secretId": "prod/orders/db"}, None, "Management"),
    ("ssm.amazonaws.com", "GetParameter", lambda r: {"name": "/orders/api-key", "withDecryption": True}, None,
     "Management"),
    ("sns.amazonaws.com", "Publish",
     lambda r: {"topicArn": f"arn:aws:sns:{REGION}:{ACCOUNT}:order-events", "message": "HIDDEN_DUE_TO_SECURITY_REASONS"},
     None, "Data"),
    ("sts.amazonaws.com", "GetCallerIdentity", lambda r: None, None, "Management"),
]


def event(r, when, role, function):
    source, name, params, resources, category = r.choice(CALLS)
    parameters = params(r)
    record = {
        "eventVersion": "1.09",
        "userIdentity": {
            "type": "AssumedRole",
            "principalId": f"AROA{r.randrange(10**12):012d}:{function}",
            "arn": f"arn:aws:sts::{ACCOUNT}:assumed-role/{role}/{function}",
            "accountId": ACCOUNT,
            "accessKeyId": f"ASIA{r.randrange(10**12):012d}",
            "sessionContext": {
                "sessionIssuer": {
                    "type": "Role", "principalId": f"AROA{r.randrange(10**12):012d}",
                    "arn": ROLE_ARN if role == "orders-role" else f"arn:aws:iam::{ACCOUNT}:role/{role}",
                    "accountId": ACCOUNT, "userName": role,
                },
                "attributes": {"creationDate": when, "mfaAuthenticated": "false"},
            },
        },
        "eventTime": when,
        "eventSource": source,
        "eventName": name,
        "awsRegion": REGION,
        "sourceIPAddress": f"52.{r.randrange(256)}.{r.randrange(256)}.{r.randrange(256)}",
        "userAgent": "Boto3/1.35.0 md/Botocore#1.35.0 ua/2.0 os/linux#5.10 lang/python#3.12.3 exec-env/AWS_Lambda_python3.12",
        "requestParameters": parameters,
        "responseElements": None,
        "requestID": f"{r.getrandbits(128):032x}",
        "eventID": f"{r.getrandbits(128):032x}",
        "readOnly": name.startswith(("Get", "List", "Query", "Decrypt")),
        "eventType": "AwsApiCall",
        "managementEvent": category == "Management",
        "recipientAccountId": ACCOUNT,
        "eventCategory": category,
        "tlsDetails": {"tlsVersion": "TLSv1.3", "cipherSuite": "TLS_AES_128_GCM_SHA256",
                       "clientProvidedHostHeader": source.replace("amazonaws.com", f"{REGION}.amazonaws.com")},
    }
    if resources:
        record["resources"] = resources(parameters)
    if r.random() < 0.01:
        record["errorCode"] = "AccessDenied"
        record["errorMessage"] = "Access Denied"
    return record


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", help="folder to write the AWSLogs tree into")
    parser.add_argument("--size-mb", type=float, required=True, help="uncompressed size to write, in MiB")
    parser.add_argument("--gzip", action="store_true", help="write .json.gz files, as CloudTrail does")
    parser.add_argument("--role-share", type=float, default=0.02,
                        help="share of events made by orders-role (0 to 1, default 0.02)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if not 0 <= args.role_share <= 1:
        sys.exit("--role-share must be between 0 and 1")

    r = random.Random(args.seed)
    total = int(args.size_mb * 1024 * 1024)
    written = 0
    minute = 0
    while written < total:
        day, rest = divmod(minute, 24 * 60)
        hour, minutes = divmod(rest, 60)
        when = f"2026-11-{1 + day % 30:02d}T{hour:02d}:{minutes:02d}:00Z"
        folder = os.path.join(args.out, "AWSLogs", ACCOUNT, "CloudTrail", REGION, "2026", "11", f"{1 + day % 30:02d}")
        os.makedirs(folder, exist_ok=True)
        stamp = f"202611{1 + day % 30:02d}T{hour:02d}{minutes:02d}Z"
        name = f"{ACCOUNT}_CloudTrail_{REGION}_{stamp}_{r.getrandbits(64):016x}.json"
        parts = []
        size = 0
        while size < FILE_SIZE and written + size < total:
            if r.random() < args.role_share:
                role, function = "orders-role", "orders-fn"
            else:
                role = r.choice(OTHER_ROLES)
                function = role.replace("-role", "-fn")
            text = json.dumps(event(r, when, role, function), separators=(",", ":"))
            parts.append(text)
            size += len(text) + 1
        body = ('{"Records":[' + ",".join(parts) + "]}").encode()
        path = os.path.join(folder, name)
        if args.gzip:
            with gzip.open(path + ".gz", "wb", compresslevel=6) as out:
                out.write(body)
        else:
            with open(path, "wb") as out:
                out.write(body)
        written += len(body)
        minute += 5
        if minute % 60 == 0:
            write_digest(args.out, day, hour, r)
    print(f"wrote {written / 1048576:.1f} MiB of events under {args.out}")


def write_digest(out, day, hour, r):
    folder = os.path.join(out, "AWSLogs", ACCOUNT, "CloudTrail-Digest", REGION, "2026", "11", f"{1 + day % 30:02d}")
    os.makedirs(folder, exist_ok=True)
    digest = {"awsAccountId": ACCOUNT, "digestStartTime": f"2026-11-{1 + day % 30:02d}T{hour:02d}:00:00Z",
              "digestEndTime": f"2026-11-{1 + day % 30:02d}T{hour:02d}:59:59Z", "logFiles": []}
    name = f"{ACCOUNT}_CloudTrail-Digest_{REGION}_trail_{REGION}_202611{1 + day % 30:02d}T{hour:02d}0000Z.json.gz"
    with gzip.open(os.path.join(folder, name), "wb") as digest_file:
        digest_file.write(json.dumps(digest).encode())


if __name__ == "__main__":
    main()
