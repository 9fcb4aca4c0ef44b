"""Count visits per page: read the current count, then store the incremented one."""

import json
import logging
import os

import boto3

logger = logging.getLogger()
logger.setLevel(logging.INFO)

table = boto3.resource("dynamodb").Table(os.environ["VISITS_TABLE"])


def lambda_handler(event, context):
    page = (event.get("pathParameters") or {}).get("page", "home")
    item = table.get_item(Key={"page": page}).get("Item") or {"page": page, "visits": 0}
    visits = int(item["visits"]) + 1
    # NOTE: read-then-write can lose a count under concurrent requests; an atomic
    # update_item with ADD would not, but this example keeps to two simple calls.
    table.put_item(Item={"page": page, "visits": visits})
    logger.info("Page %s has %d visits", page, visits)
    return {"statusCode": 200, "body": json.dumps({"page": page, "visits": visits})}
