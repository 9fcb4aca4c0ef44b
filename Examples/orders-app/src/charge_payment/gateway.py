"""A small client for the payment gateway's REST API (no AWS calls)."""

import json
import logging
import urllib.error
import urllib.request
from dataclasses import dataclass
from decimal import Decimal

logger = logging.getLogger(__name__)


class GatewayUnavailableError(RuntimeError):
    """The gateway timed out or returned a server error, so the workflow retries."""


class PaymentDeclinedError(RuntimeError):
    def __init__(self, reason: str):
        super().__init__(f"payment declined: {reason}")
        self.reason = reason


@dataclass(frozen=True)
class Charge:
    charge_id: str
    amount: Decimal
    currency: str


class PaymentGateway:
    def __init__(self, base_url: str, merchant_id: str, api_key: str, timeout_seconds: float):
        self._base_url = base_url.rstrip("/")
        self._merchant_id = merchant_id
        self._api_key = api_key
        self._timeout = timeout_seconds

    def charge(self, order_id: str, amount: Decimal, currency: str) -> Charge:
        # Minor units avoid floating point in the gateway's JSON.
        body = {"merchant": self._merchant_id, "amount_minor": int(amount * 100), "currency": currency}
        request = urllib.request.Request(
            f"{self._base_url}/charges",
            data=json.dumps(body).encode(),
            method="POST",
            headers={
                "Authorization": f"Bearer {self._api_key}",
                "Content-Type": "application/json",
                "Idempotency-Key": f"order-{order_id}",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=self._timeout) as reply:
                result = json.load(reply)
        except urllib.error.HTTPError as error:
            if error.code == 402:
                raise PaymentDeclinedError(json.load(error).get("decline_code", "unknown")) from error
            raise GatewayUnavailableError(f"gateway returned HTTP {error.code}") from error
        except (urllib.error.URLError, TimeoutError) as error:
            raise GatewayUnavailableError(str(error)) from error
        logger.debug("Gateway accepted charge %s", result.get("id"))
        return Charge(charge_id=result["id"], amount=amount, currency=currency)
