// Quote a basket for API Gateway `POST /quotes`: price it, check it against the order limit
// in SSM, and announce the quote on the order events topic for the sales dashboards.

import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import { GetParameterCommand, ParameterNotFound, SSMClient } from "@aws-sdk/client-ssm";
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from "aws-lambda";
import { randomUUID } from "node:crypto";

import { InvalidQuoteError, parseLines, priceLines, type Quote } from "./pricing";

const sns = new SNSClient({});
const ssm = new SSMClient({});

const ORDER_EVENTS_TOPIC_ARN = process.env.ORDER_EVENTS_TOPIC_ARN!;
const MAX_ORDER_TOTAL_PARAMETER = process.env.MAX_ORDER_TOTAL_PARAMETER!;
const CURRENCY_PARAMETER = process.env.CURRENCY_PARAMETER!;
// Operators change the limit and currency in SSM, so a warm container rereads them after this.
const SETTINGS_TTL_MS = 5 * 60 * 1000;

interface Settings {
  maxTotalMinor: number;
  currency: string;
  loadedAt: number;
}

let cachedSettings: Settings | undefined;

async function readParameter(name: string): Promise<string> {
  try {
    const response = await ssm.send(new GetParameterCommand({ Name: name }));
    const value = response.Parameter?.Value;
    if (value === undefined) {
      throw new Error(`SSM parameter ${name} has no value`);
    }
    return value;
  } catch (error) {
    if (error instanceof ParameterNotFound) {
      throw new Error(`SSM parameter ${name} not found. Deploy the stack, which creates it`);
    }
    throw error;
  }
}

async function loadSettings(): Promise<Settings> {
  if (cachedSettings && Date.now() - cachedSettings.loadedAt < SETTINGS_TTL_MS) {
    return cachedSettings;
  }
  const [maxTotal, currency] = await Promise.all([
    readParameter(MAX_ORDER_TOTAL_PARAMETER),
    readParameter(CURRENCY_PARAMETER),
  ]);
  const maxTotalMinor = Math.round(Number(maxTotal) * 100);
  if (!Number.isFinite(maxTotalMinor) || maxTotalMinor <= 0) {
    throw new Error(`SSM parameter ${MAX_ORDER_TOTAL_PARAMETER} is '${maxTotal}', not a positive amount`);
  }
  cachedSettings = { maxTotalMinor, currency: currency.trim(), loadedAt: Date.now() };
  return cachedSettings;
}

async function announceQuote(quoteId: string, quote: Quote): Promise<void> {
  await sns.send(
    new PublishCommand({
      TopicArn: ORDER_EVENTS_TOPIC_ARN,
      Message: JSON.stringify({ quote_id: quoteId, total_minor: quote.totalMinor, currency: quote.currency }),
      MessageAttributes: {
        event_type: { DataType: "String", StringValue: "order.quoted" },
      },
    }),
  );
}

function jsonResponse(statusCode: number, body: unknown): APIGatewayProxyResult {
  return { statusCode, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
}

export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  let quote: Quote;
  try {
    const settings = await loadSettings();
    quote = priceLines(parseLines(JSON.parse(event.body ?? "null")), settings.currency);
    if (quote.totalMinor > settings.maxTotalMinor) {
      return jsonResponse(422, {
        message: `the total ${quote.totalMinor} exceeds the order limit of ${settings.maxTotalMinor} ${quote.currency} cents`,
      });
    }
  } catch (error) {
    if (error instanceof InvalidQuoteError || error instanceof SyntaxError) {
      console.info(`quote request rejected: ${error.message}`);
      return jsonResponse(400, { message: error.message });
    }
    console.error("failed to price the quote", error);
    return jsonResponse(500, { message: "internal error" });
  }

  const quoteId = randomUUID();
  try {
    await announceQuote(quoteId, quote);
  } catch (error) {
    // The dashboards miss one quote; the customer still gets the price.
    console.warn(`failed to publish quote ${quoteId}`, error);
  }
  return jsonResponse(200, { quoteId, ...quote });
};
