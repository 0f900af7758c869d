// Counts DynamoDB requests by command with middleware on the handlers' own document
// client (lambdas/store/client.ts db()), so every request the in-process handlers make
// is seen, retries included (the middleware sits inside the SDK's retry loop).
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface CapturedRequest {
  command: string;
  /** The request as sent (marshalled, low-level AttributeValues). */
  input: Record<string, unknown>;
}

export interface RequestCounter {
  reset(): void;
  total(): number;
  byCommand(): Record<string, number>;
  /** Records the inputs of the requests made from now on (until reset). */
  capture(on: boolean): void;
  captured(): CapturedRequest[];
  /** Requests sent and not yet answered. */
  inFlight(): number;
}

export function countRequests(client: DynamoDBDocumentClient): RequestCounter {
  let counts: Record<string, number> = {};
  let capturing = false;
  let captured: CapturedRequest[] = [];
  let inFlight = 0;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = String((context as { commandName?: string }).commandName ?? 'unknown').replace(/Command$/, '');
      counts[command] = (counts[command] ?? 0) + 1;
      if (capturing) captured.push({ command, input: structuredClone(args.input as Record<string, unknown>) });
      inFlight++;
      try {
        return await next(args);
      } finally {
        inFlight--;
      }
    },
    { step: 'finalizeRequest', priority: 'low', name: 'benchRequestCounter' },
  );
  return {
    reset() {
      counts = {};
      captured = [];
      capturing = false;
    },
    total: () => Object.values(counts).reduce((a, b) => a + b, 0),
    byCommand: () => ({ ...counts }),
    capture(on) {
      capturing = on;
    },
    captured: () => captured,
    inFlight: () => inFlight,
  };
}
