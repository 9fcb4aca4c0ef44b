// Serve the HTML receipt of a paid order for API Gateway `GET /orders/{orderId}/receipt`.
//
// SendReceiptFunction writes receipts to `receipts/<order id>.html` in the documents bucket
// and records the key on the order. This function reads a receipt only after the order shows
// that key, and then counts the download on the order.

import { GetObjectCommand, NoSuchKey, S3Client } from "@aws-sdk/client-s3";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";

const s3 = new S3Client({});
const orders = DynamoDBDocumentClient.from(new DynamoDBClient({}));

const ORDERS_TABLE_NAME = process.env.ORDERS_TABLE_NAME;
const DOCUMENTS_BUCKET = process.env.DOCUMENTS_BUCKET;
const ORDER_ID_PATTERN = /^[A-Za-z0-9-]{8,64}$/;

class HttpError extends Error {
  constructor(statusCode, message) {
    super(message);
    this.statusCode = statusCode;
  }
}

function jsonResponse(statusCode, body) {
  return {
    statusCode,
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  };
}

async function loadOrderWithReceipt(orderId) {
  const { Item: order } = await orders.send(
    new GetCommand({
      TableName: ORDERS_TABLE_NAME,
      Key: { order_id: orderId },
      ProjectionExpression: "order_id, #status, receipt_key",
      ExpressionAttributeNames: { "#status": "status" },
    }),
  );
  if (!order) {
    throw new HttpError(404, `order ${orderId} not found`);
  }
  if (!order.receipt_key) {
    throw new HttpError(409, `order ${orderId} has no receipt yet (status ${order.status})`);
  }
  return order;
}

async function readReceipt(orderId) {
  const key = `receipts/${orderId}.html`;
  try {
    const object = await s3.send(new GetObjectCommand({ Bucket: DOCUMENTS_BUCKET, Key: key }));
    return await object.Body.transformToString("utf-8");
  } catch (error) {
    // S3 answers NoSuchKey only to a caller with s3:ListBucket on the bucket. This role has
    // none, so a missing receipt arrives as AccessDenied and is logged below as a failure.
    if (error instanceof NoSuchKey) {
      throw new HttpError(404, `receipt for order ${orderId} not found in s3://${DOCUMENTS_BUCKET}/${key}`);
    }
    throw error;
  }
}

async function countDownload(orderId) {
  await orders.send(
    new UpdateCommand({
      TableName: ORDERS_TABLE_NAME,
      Key: { order_id: orderId },
      UpdateExpression:
        "SET receipt_downloads = if_not_exists(receipt_downloads, :zero) + :one, last_receipt_download_at = :now",
      ExpressionAttributeValues: { ":zero": 0, ":one": 1, ":now": new Date().toISOString() },
    }),
  );
}

export const handler = async (event) => {
  const orderId = event.pathParameters?.orderId ?? "";
  if (!ORDER_ID_PATTERN.test(orderId)) {
    return jsonResponse(400, { message: "orderId must be 8 to 64 letters, digits or dashes" });
  }
  try {
    await loadOrderWithReceipt(orderId);
    const html = await readReceipt(orderId);
    try {
      await countDownload(orderId);
    } catch (error) {
      // The count is statistics only; a failed update must not withhold the receipt.
      console.warn(`failed to count the receipt download of order ${orderId}`, error);
    }
    return {
      statusCode: 200,
      headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, max-age=300" },
      body: html,
    };
  } catch (error) {
    if (error instanceof HttpError) {
      console.info(`receipt request for order ${orderId} rejected: ${error.message}`);
      return jsonResponse(error.statusCode, { message: error.message });
    }
    console.error(`failed to serve the receipt of order ${orderId}`, error);
    return jsonResponse(500, { message: "internal error" });
  }
};
