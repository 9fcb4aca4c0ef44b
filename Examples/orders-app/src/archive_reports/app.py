"""Delete daily reports older than the retention period from the documents bucket.

The bucket is versioned, so a delete adds a delete marker and the lifecycle rule removes
the old version later.
"""

import logging
import os
from datetime import datetime, timedelta, timezone

import boto3

logger = logging.getLogger()
logger.setLevel(os.environ.get("LOG_LEVEL", "INFO"))

s3 = boto3.client("s3")

DOCUMENTS_BUCKET = os.environ["DOCUMENTS_BUCKET"]
RETENTION_DAYS = int(os.environ["REPORT_RETENTION_DAYS"])
REPORTS_PREFIX = "reports/"
DELETE_BATCH_SIZE = 1000  # the DeleteObjects maximum


def expired_report_keys(cutoff: datetime):
    paginator = s3.get_paginator("list_objects_v2")
    for page in paginator.paginate(Bucket=DOCUMENTS_BUCKET, Prefix=REPORTS_PREFIX):
        for obj in page.get("Contents", []):
            if obj["LastModified"] < cutoff:
                yield obj["Key"]


def delete_batch(keys: list) -> int:
    result = s3.delete_objects(
        Bucket=DOCUMENTS_BUCKET,
        Delete={"Objects": [{"Key": key} for key in keys], "Quiet": True},
    )
    for error in result.get("Errors", []):
        logger.error("Failed to delete %s: %s %s", error["Key"], error["Code"], error["Message"])
    return len(keys) - len(result.get("Errors", []))


def lambda_handler(event, context):
    cutoff = datetime.now(timezone.utc) - timedelta(days=RETENTION_DAYS)
    deleted = 0
    batch = []
    for key in expired_report_keys(cutoff):
        batch.append(key)
        if len(batch) == DELETE_BATCH_SIZE:
            deleted += delete_batch(batch)
            batch = []
    if batch:
        deleted += delete_batch(batch)
    logger.info("Deleted %d reports older than %s", deleted, cutoff.date())
    return {"deleted": deleted, "cutoff": cutoff.isoformat()}
