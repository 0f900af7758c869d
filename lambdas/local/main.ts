import './quiet-sdk-node-warning';
import { parseArgs } from 'node:util';
import { startLocalStack } from './stack';

// `npm start`: the whole system on this machine, no AWS account needed.
const { values } = parseArgs({
  options: { memory: { type: 'boolean', default: false }, 'no-seed': { type: 'boolean', default: false } },
});
const port = (name: string, fallback: number) => {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535)
    throw new Error(`${name} must be a port number, not ${raw}`);
  return value;
};

const stack = await startLocalStack({
  dataDir: process.env.RAGTIME_DATA_DIR,
  memory: values.memory,
  seed: !values['no-seed'],
  // A newcomer sees sign-off's whole loop (docs/sign-off.md); the sample results are seeded as approved.
  signOff: 'on',
  port: port('PORT', 3000),
  sesPort: port('SES_PORT', 8005),
  dynamodbPort: port('DYNAMODB_PORT', 8000),
  // With RAGTIME_DYNAMODB_ENDPOINT, RAGTIME_TABLE_NAME reuses a table (else a fresh one).
  tableName: process.env.RAGTIME_TABLE_NAME || undefined,
  webApp: true,
});

console.log(`Ragtime local stack is up${values.memory ? ' (in memory: nothing is kept)' : ` (data in ${stack.dataDir})`}
  Web app   ${stack.webAppUrl}    sign in (local mode) as any role and directorate
  API       ${stack.apiUrl}        try: curl ${stack.apiUrl}/health
  SES UI    ${stack.sesUrl}/        every email sent, with attachments
  DynamoDB  ${stack.dynamodbUrl}    table ${stack.tableName}
${stack.seeded ? '  Loaded the sample plan (CIP 2017-18, illustrative values); 2017-18-Q4 is open.\n' : ''}
Get a token:  TOKEN=$(npm run -s token -- admin)      (or: emt, officer --directorate Place, approver --directorate Place)
Close Q4:     curl -X POST -H "Authorization: Bearer $TOKEN" ${stack.apiUrl}/reports/2017-18-Q4/close
Stop with Ctrl+C.`);

let stopping = false;
const shutdown = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the local stack`);
  stack.stop().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGHUP', () => shutdown('SIGHUP'));
// If whatever started us dies without passing a signal on (a shell between npm and
// node, or npm itself killed), stop rather than linger as an orphan holding the ports.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) shutdown('parent process gone');
}, 500).unref();
