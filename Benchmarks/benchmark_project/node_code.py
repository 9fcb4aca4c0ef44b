"""AWS SDK for JavaScript v3 code for the generated Node.js modules.

The code is written once for JavaScript and TypeScript: text between ``<%`` and ``%>`` is
TypeScript only (type annotations, non-null assertions) and is dropped for JavaScript.
Declarations marked ``export`` become ``exports.name = name`` lines in CommonJS modules.
``<<noun>>`` and ``<<Noun>>`` are replaced by a word chosen per module.

Each entry of NODE_AWS_MODULES mirrors the kind of the same name in aws_code.AWS_MODULES and
reads the same environment variables, so the template is shared by every language.
"""

OBJECT_STORE = (
    [
        ("@aws-sdk/client-s3", ["GetObjectCommand", "NoSuchKey", "PutObjectCommand", "S3Client", "paginateListObjectsV2"]),
        ("@aws-sdk/s3-request-presigner", ["getSignedUrl"]),
    ],
    '''
const s3 = new S3Client({});
const DATA_BUCKET = process.env.DATA_BUCKET<%!%>;

export async function read<<Noun>>Document(key<%: string%>)<%: Promise<Payload>%> {
  try {
    const response = await s3.send(new GetObjectCommand({ Bucket: DATA_BUCKET, Key: `<<noun>>s/${key}.json` }));
    return JSON.parse(await response.Body<%!%>.transformToString("utf-8"));
  } catch (error) {
    if (error instanceof NoSuchKey) {
      throw new RangeError(`<<noun>> document ${key} not found`);
    }
    throw error;
  }
}

export async function write<<Noun>>Document(key<%: string%>, document<%: unknown%>)<%: Promise<void>%> {
  await s3.send(
    new PutObjectCommand({
      Bucket: DATA_BUCKET,
      Key: `<<noun>>s/${key}.json`,
      Body: JSON.stringify(document),
      ContentType: "application/json",
    }),
  );
}

export async function listRecent<<Noun>>Keys(since<%: Date%>)<%: Promise<string[]>%> {
  const keys<%: string[]%> = [];
  const pages = paginateListObjectsV2({ client: s3, pageSize: 1000 }, { Bucket: DATA_BUCKET, Prefix: "<<noun>>s/" });
  for await (const page of pages) {
    for (const item of page.Contents ?? []) {
      if (item.Key && item.LastModified && item.LastModified >= since) {
        keys.push(item.Key);
      }
    }
  }
  return keys;
}

export async function share<<Noun>>Link(key<%: string%>, minutes = 15)<%: Promise<string>%> {
  const command = new GetObjectCommand({ Bucket: DATA_BUCKET, Key: `<<noun>>s/${key}.json` });
  return getSignedUrl(s3, command, { expiresIn: minutes * 60 });
}
''',
    '''
  const key = String(result.reference ?? "latest");
  await write<<Noun>>Document(key, result);
  result.<<noun>>Link = await share<<Noun>>Link(key);
  const since = new Date(Date.now() - 24 * 60 * 60 * 1000);
  result.recent<<Noun>>s = (await listRecent<<Noun>>Keys(since)).length;
''',
)

BUCKET_SCAN = (
    [
        ("@aws-sdk/client-s3", ["GetObjectCommand", "ListObjectsV2Command", "S3Client"]),
        ("@aws-sdk/lib-storage", ["Upload"]),
        ("node:fs", ["createReadStream"]),
        ("node:path", ["basename"]),
    ],
    '''
const archiveClient = new S3Client({ maxAttempts: 5 });
const ARCHIVE_BUCKET = process.env["ARCHIVE_BUCKET"]<%!%>;

export async function archived<<Noun>>Sizes(prefix = "<<noun>>/")<%: Promise<Map<string, number>>%> {
  const sizes = new Map<%<string, number>%>();
  let token<%: string | undefined%>;
  do {
    const page = await archiveClient.send(
      new ListObjectsV2Command({ Bucket: ARCHIVE_BUCKET, Prefix: prefix, ContinuationToken: token }),
    );
    for (const object of page.Contents ?? []) {
      sizes.set(object.Key<%!%>, object.Size ?? 0);
    }
    token = page.NextContinuationToken;
  } while (token);
  return sizes;
}

export async function loadArchived<<Noun>>(key<%: string%>)<%: Promise<string>%> {
  const response = await archiveClient.send(new GetObjectCommand({ Bucket: ARCHIVE_BUCKET, Key: key }));
  return response.Body<%!%>.transformToString("utf-8");
}

export async function archive<<Noun>>Export(path<%: string%>)<%: Promise<string>%> {
  const key = `exports/<<noun>>/${basename(path)}`;
  const upload = new Upload({
    client: archiveClient,
    params: { Bucket: ARCHIVE_BUCKET, Key: key, Body: createReadStream(path) },
    queueSize: 4,
    partSize: 8 * 1024 * 1024,
  });
  await upload.done();
  return key;
}
''',
    '''
  const sizes = await archived<<Noun>>Sizes();
  let totalBytes = 0;
  for (const size of sizes.values()) {
    totalBytes += size;
  }
  result.archived<<Noun>>Bytes = totalBytes;
  if (sizes.size > 0) {
    const firstKey = [...sizes.keys()].sort()[0];
    result.first<<Noun>> = (await loadArchived<<Noun>>(firstKey)).slice(0, 200);
  }
  if (typeof result.exportPath === "string") {
    result.<<noun>>ExportKey = await archive<<Noun>>Export(result.exportPath);
  }
''',
)

ITEM_STORE = (
    [
        ("@aws-sdk/client-dynamodb", ["ConditionalCheckFailedException", "DynamoDBClient"]),
        (
            "@aws-sdk/lib-dynamodb",
            ["DynamoDBDocumentClient", "GetCommand", "PutCommand", "QueryCommand", "UpdateCommand", "paginateScan"],
        ),
    ],
    '''
const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
  marshallOptions: { removeUndefinedValues: true },
});
const ITEMS_TABLE = process.env.ITEMS_TABLE<%!%>;
const STATUS_INDEX = "by-status";

export async function load<<Noun>>(itemId<%: string%>)<%: Promise<Payload | undefined>%> {
  const response = await documents.send(new GetCommand({ TableName: ITEMS_TABLE, Key: { pk: itemId } }));
  return response.Item;
}

export async function save<<Noun>>(item<%: Payload%>)<%: Promise<boolean>%> {
  try {
    await documents.send(
      new PutCommand({ TableName: ITEMS_TABLE, Item: item, ConditionExpression: "attribute_not_exists(pk)" }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) {
      return false;
    }
    throw error;
  }
}

export async function <<noun>>sWithStatus(status<%: string%>)<%: Promise<Payload[]>%> {
  const found<%: Payload[]%> = [];
  let startKey<%: Payload | undefined%>;
  do {
    const page = await documents.send(
      new QueryCommand({
        TableName: ITEMS_TABLE,
        IndexName: STATUS_INDEX,
        KeyConditionExpression: "#status = :status",
        ExpressionAttributeNames: { "#status": "status" },
        ExpressionAttributeValues: { ":status": status },
        ExclusiveStartKey: startKey,
      }),
    );
    found.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return found;
}

export async function count<<Noun>>Items()<%: Promise<number>%> {
  let count = 0;
  for await (const page of paginateScan({ client: documents, pageSize: 500 }, { TableName: ITEMS_TABLE, Select: "COUNT" })) {
    count += page.Count ?? 0;
  }
  return count;
}

export async function count<<Noun>>Visit(itemId<%: string%>)<%: Promise<number>%> {
  try {
    const response = await documents.send(
      new UpdateCommand({
        TableName: ITEMS_TABLE,
        Key: { pk: itemId },
        UpdateExpression: "ADD visits :one",
        ExpressionAttributeValues: { ":one": 1 },
        ReturnValues: "UPDATED_NEW",
      }),
    );
    return Number(response.Attributes?.visits ?? 0);
  } catch (error) {
    console.error(`failed to count a visit of <<noun>> ${itemId}`, error);
    throw error;
  }
}
''',
    '''
  const itemId = String(result.reference ?? "unknown");
  if ((await load<<Noun>>(itemId)) === undefined) {
    await save<<Noun>>({ pk: itemId, status: "NEW", createdAt: new Date().toISOString() });
  }
  result.<<noun>>Visits = await count<<Noun>>Visit(itemId);
  result.open<<Noun>>s = (await <<noun>>sWithStatus("OPEN")).length;
  result.all<<Noun>>s = await count<<Noun>>Items();
''',
)

QUEUE_CLIENT = (
    [("@aws-sdk/client-sqs", ["SQSClient", "SendMessageBatchCommand", "SendMessageCommand"])],
    '''
const sqs = new SQSClient({});
const JOBS_QUEUE_URL = process.env.JOBS_QUEUE_URL<%!%>;
const BATCH_LIMIT = 10;

export async function enqueue<<Noun>>(message<%: Payload%>)<%: Promise<string | undefined>%> {
  const response = await sqs.send(new SendMessageCommand({ QueueUrl: JOBS_QUEUE_URL, MessageBody: JSON.stringify(message) }));
  return response.MessageId;
}

export async function enqueue<<Noun>>Batch(messages<%: Payload[]%>)<%: Promise<number>%> {
  let failed = 0;
  for (let start = 0; start < messages.length; start += BATCH_LIMIT) {
    const entries = messages
      .slice(start, start + BATCH_LIMIT)
      .map((body, number) => ({ Id: String(number), MessageBody: JSON.stringify(body) }));
    const response = await sqs.send(new SendMessageBatchCommand({ QueueUrl: JOBS_QUEUE_URL, Entries: entries }));
    for (const failure of response.Failed ?? []) {
      console.error(`SQS rejected <<noun>> message ${failure.Id}: ${failure.Message}`);
    }
    failed += response.Failed?.length ?? 0;
  }
  return failed;
}
''',
    '''
  result.<<noun>>Message = await enqueue<<Noun>>({ reference: result.reference, kind: "<<noun>>" });
  const lines<%: unknown[]%> = Array.isArray(result.lines) ? result.lines : [];
  result.<<noun>>Failed = await enqueue<<Noun>>Batch(lines.map((line) => ({ line })));
''',
)

NOTIFIER = (
    [("@aws-sdk/client-sns", ["PublishCommand", "SNSClient"])],
    '''
const sns = new SNSClient({});
const EVENTS_TOPIC_ARN = process.env.EVENTS_TOPIC_ARN<%!%>;

export async function announce<<Noun>>(eventType<%: string%>, detail<%: Payload%>)<%: Promise<string | undefined>%> {
  const response = await sns.send(
    new PublishCommand({
      TopicArn: EVENTS_TOPIC_ARN,
      Subject: `<<noun>> ${eventType}`.slice(0, 100),
      Message: JSON.stringify(detail),
      MessageAttributes: { event_type: { DataType: "String", StringValue: eventType } },
    }),
  );
  return response.MessageId;
}
''',
    '''
  result.<<noun>>Announcement = await announce<<Noun>>("<<noun>>.updated", { reference: result.reference });
''',
)

CREDENTIALS = (
    [("@aws-sdk/client-secrets-manager", ["GetSecretValueCommand", "SecretsManagerClient"])],
    '''
const secretsManager = new SecretsManagerClient({});
let cached<<Noun>>Credentials<%: Payload | undefined%>;

export async function <<noun>>Credentials()<%: Promise<Payload>%> {
  if (cached<<Noun>>Credentials === undefined) {
    const secret = await secretsManager.send(new GetSecretValueCommand({ SecretId: process.env.API_SECRET_ARN }));
    cached<<Noun>>Credentials = JSON.parse(secret.SecretString ?? "{}");
  }
  return cached<<Noun>>Credentials<%!%>;
}
''',
    '''
  result.<<noun>>User = (await <<noun>>Credentials()).username ?? "unknown";
''',
)

SETTINGS = (
    [("@aws-sdk/client-ssm", ["GetParameterCommand", "SSMClient", "paginateGetParametersByPath"])],
    '''
const ssm = new SSMClient({});
const SETTINGS_PATH = process.env.SETTINGS_PATH<%!%>;

export async function <<noun>>Settings()<%: Promise<Record<string, string>>%> {
  const values<%: Record<string, string>%> = {};
  for await (const page of paginateGetParametersByPath({ client: ssm }, { Path: SETTINGS_PATH, Recursive: true })) {
    for (const parameter of page.Parameters ?? []) {
      values[parameter.Name<%!%>.split("/").pop()<%!%>] = parameter.Value ?? "";
    }
  }
  return values;
}

export async function <<noun>>FeatureFlags()<%: Promise<string[]>%> {
  const response = await ssm.send(new GetParameterCommand({ Name: `${SETTINGS_PATH}/feature-flags` }));
  return (response.Parameter?.Value ?? "")
    .split(",")
    .map((flag) => flag.trim())
    .filter((flag) => flag.length > 0);
}
''',
    '''
  result.<<noun>>Settings = await <<noun>>Settings();
  result.<<noun>>Flags = await <<noun>>FeatureFlags();
''',
)

TELEMETRY = (
    [("@aws-sdk/client-cloudwatch", ["CloudWatchClient", "PutMetricDataCommand"])],
    '''
const cloudWatch = new CloudWatchClient({});

export async function record<<Noun>>Metrics(count<%: number%>, elapsedMs<%: number%>)<%: Promise<void>%> {
  try {
    await cloudWatch.send(
      new PutMetricDataCommand({
        Namespace: "Benchmark/<<namespace>>",
        MetricData: [
          { MetricName: "<<Noun>>Count", Value: count, Unit: "Count" },
          { MetricName: "<<Noun>>Latency", Value: elapsedMs, Unit: "Milliseconds" },
        ],
      }),
    );
  } catch (error) {
    // Metrics must never fail the request.
    console.warn("failed to publish <<noun>> metrics", error);
  }
}
''',
    '''
  await record<<Noun>>Metrics(Object.keys(result).length, Number(result.elapsedMs ?? 0));
''',
)

# kind -> (SDK imports [(package, names)], module code, entry steps)
NODE_AWS_MODULES = {
    "object_store": OBJECT_STORE,
    "bucket_scan": BUCKET_SCAN,
    "item_store": ITEM_STORE,
    "queue_client": QUEUE_CLIENT,
    "notifier": NOTIFIER,
    "credentials": CREDENTIALS,
    "settings": SETTINGS,
    "telemetry": TELEMETRY,
}
