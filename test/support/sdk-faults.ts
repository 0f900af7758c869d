import type { FinalizeHandlerArguments, MetadataBearer, MiddlewareStack } from '@smithy/types';

// Fault injection and spying on the app's own AWS SDK clients (db(), sesClient()) through
// their middleware stacks. The middleware sits inside the SDK's retry loop, so an injected
// throttle is retried with backoff exactly as a real one from DynamoDB would be.

export interface SdkCall {
  commandName: string;
  input: Record<string, unknown>;
}

// biome-ignore lint/suspicious/noExplicitAny: any client's middleware stack, whatever its input and output types.
type AnyStack = MiddlewareStack<any, any>;
interface ClientLike {
  middlewareStack: AnyStack;
}

let seq = 0;

/**
 * Adds a middleware that sees every attempt of every command sent by `client`; `fault`
 * may throw to fail that attempt (before it reaches the service). Returns a remover.
 */
export function intercept(
  client: ClientLike,
  hooks: {
    fault?: (call: SdkCall, attempt: number) => void;
    after?: (call: SdkCall, output: unknown) => void;
    failed?: (call: SdkCall, error: unknown) => void;
  },
): () => void {
  const name = `reliability-intercept-${++seq}`;
  const attempts = new WeakMap<object, number>();
  client.middlewareStack.add(
    (next, context) => async (args: FinalizeHandlerArguments<object>) => {
      const call: SdkCall = { commandName: context.commandName ?? '?', input: args.input as Record<string, unknown> };
      const attempt = (attempts.get(context) ?? 0) + 1;
      attempts.set(context, attempt);
      try {
        hooks.fault?.(call, attempt);
        const result = await next(args);
        hooks.after?.(call, result.output);
        return result;
      } catch (error) {
        hooks.failed?.(call, error);
        throw error;
      }
    },
    // Inside the retry middleware (finalizeRequest, high), before the request is sent.
    { step: 'finalizeRequest', name, priority: 'low' },
  );
  return () => {
    client.middlewareStack.remove(name);
  };
}

export const dynamoWriteCommands = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'BatchWriteItemCommand',
  'TransactWriteItemsCommand',
  'ExecuteStatementCommand',
  'BatchExecuteStatementCommand',
  'ExecuteTransactionCommand',
]);

/** Counts the write commands DynamoDB accepted (a write refused by its condition does not count). */
export function spyWrites(client: ClientLike) {
  const accepted: SdkCall[] = [];
  const remove = intercept(client, {
    after: (call) => {
      if (dynamoWriteCommands.has(call.commandName)) accepted.push(call);
    },
  });
  return { accepted, reset: () => accepted.splice(0), remove };
}

/** An error shaped like the SDK's own service exceptions (name, $fault, $metadata). */
export function awsError(name: string, httpStatusCode: number, message = name): Error & MetadataBearer {
  const error = new Error(message) as Error & MetadataBearer & { $fault: string };
  error.name = name;
  error.$fault = httpStatusCode >= 500 ? 'server' : 'client';
  error.$metadata = { httpStatusCode, attempts: 1, totalRetryDelay: 0 };
  return error;
}
