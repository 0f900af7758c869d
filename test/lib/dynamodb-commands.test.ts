// What each handler really sends to DynamoDB, against what the route table (and the job
// definitions) declare, which is exactly what IAM grants (lib/function.ts). Each handler
// is bundled with esbuild's tree shaking, as for Lambda, and the bundle's
// `new <Command>(` calls of the AWS SDK are read off: a request the table does not
// declare would be AccessDenied in AWS; a declared one the code never sends is a wider
// grant than needed.
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { dynamoActions, handlerEntry } from '../../lib/function';
import { buildApp } from './helpers';

/** SDK command class → IAM action (lib-dynamodb's document commands drop "Item"). */
function iamAction(module: string, command: string): string {
  const name = command.replace(/Command$/, '');
  if (module === 'lib-dynamodb') {
    if (['Get', 'Put', 'Update', 'Delete', 'BatchGet', 'BatchWrite'].includes(name)) return `dynamodb:${name}Item`;
    if (['TransactGet', 'TransactWrite'].includes(name)) return `dynamodb:${name}Items`;
  }
  return `dynamodb:${name}`;
}

/** The DynamoDB actions the bundled handler's code can send. */
async function sentBy(handler: string): Promise<string[]> {
  const result = await build({
    entryPoints: [handlerEntry(handler)],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    external: ['@aws-sdk/*'],
    treeShaking: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.text;
  // esbuild renames clashing imports (`PutCommand as PutCommand2`): map each local name back.
  const localToCommand = new Map<string, { module: string; command: string }>();
  for (const m of code.matchAll(/import\s*\{([^}]*)\}\s*from\s*"@aws-sdk\/(lib-dynamodb|client-dynamodb)"/g)) {
    for (const part of m[1]!.split(',')) {
      const [imported, local] = part.trim().split(/\s+as\s+/);
      if (imported) localToCommand.set(local ?? imported, { module: m[2]!, command: imported });
    }
  }
  const sent = new Set<string>();
  for (const m of code.matchAll(/new\s+(\w+)\s*\(/g)) {
    const found = localToCommand.get(m[1]!);
    if (found?.command.endsWith('Command')) sent.add(iamAction(found.module, found.command));
  }
  return [...sent].sort();
}

// Every function of the stack (API handlers, jobs, and any other), as lib/ builds it.
const built = buildApp();
const functions = [
  ...new Map(built.stack.functions.map((fn) => [fn.handler, { handler: fn.handler, table: fn.tableAccess }])).values(),
];
built.cleanup();
const sent = new Map<string, string[]>();

beforeAll(async () => {
  const all = await Promise.all(functions.map(async (f) => [f.handler, await sentBy(f.handler)] as const));
  for (const [handler, actions] of all) sent.set(handler, actions);
});

describe('DynamoDB requests per handler', () => {
  it.each(functions.map((f) => [f.handler, f.table] as const))(
    '%s declares exactly the requests it sends',
    (handler, table) => {
      expect(sent.get(handler), `${handler}: set its route-table (or job) "table" to what it sends`).toEqual(
        dynamoActions(table).sort(),
      );
    },
  );

  it('covers the API handlers, the jobs and the document renderer', () => {
    expect(functions.map((f) => f.handler)).toEqual(
      expect.arrayContaining(['put-result', 'close-job', 'watchdog-job', 'reminder-job', 'render-document']),
    );
  });

  it('finds what a handler sends (the analysis itself works)', () => {
    expect(sent.get('put-result')).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
    ]);
    expect(sent.get('health')).toEqual([]);
  });

  it('sends no Scan, transaction or PartiQL anywhere', () => {
    for (const [handler, actions] of sent)
      for (const action of actions)
        expect(action, handler).not.toMatch(/Scan|Transact|ExecuteStatement|ExecuteTransaction|BatchExecute/);
  });
});
