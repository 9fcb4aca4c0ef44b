"""Payment settings: plain values from SSM Parameter Store and credentials from Secrets Manager."""

import json
import logging
import os
from dataclasses import dataclass

import boto3

logger = logging.getLogger(__name__)

ssm = boto3.client("ssm")
secrets = boto3.client("secretsmanager")

DEFAULT_TIMEOUT_SECONDS = 8.0


@dataclass(frozen=True)
class PaymentSettings:
    merchant_id: str
    api_key: str
    currency: str
    timeout_seconds: float


def read_parameters(path: str) -> dict:
    """Return every parameter under ``path`` keyed by its name relative to the path."""
    values = {}
    paginator = ssm.get_paginator("get_parameters_by_path")
    for page in paginator.paginate(Path=path, Recursive=True):
        for parameter in page["Parameters"]:
            relative_name = parameter["Name"][len(path):].lstrip("/")
            values[relative_name] = parameter["Value"]
    return values


def read_credentials(secret_arn: str) -> dict:
    secret = secrets.get_secret_value(SecretId=secret_arn)
    credentials = json.loads(secret["SecretString"])
    missing = {"merchant_id", "api_key"} - credentials.keys()
    if missing:
        raise RuntimeError(f"Secret {secret_arn} is missing {', '.join(sorted(missing))}")
    return credentials


def load_settings() -> PaymentSettings:
    path = os.environ["PAYMENT_SETTINGS_PATH"]
    parameters = read_parameters(path)
    credentials = read_credentials(os.environ["PAYMENT_GATEWAY_SECRET_ARN"])
    try:
        timeout = float(parameters.get("timeout-seconds", DEFAULT_TIMEOUT_SECONDS))
    except ValueError:
        logger.warning("Ignoring invalid timeout-seconds under %s", path)
        timeout = DEFAULT_TIMEOUT_SECONDS
    return PaymentSettings(
        merchant_id=credentials["merchant_id"],
        api_key=credentials["api_key"],
        currency=parameters.get("currency", "EUR"),
        timeout_seconds=timeout,
    )
