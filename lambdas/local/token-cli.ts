import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadOrCreateKeys, signLocalToken, type TokenSubject } from './jwt';

// `npm run -s token -- admin | emt | officer --directorate Place | approver --directorate Place`: prints only the token.
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { directorate: { type: 'string' }, email: { type: 'string' }, expires: { type: 'string', default: '12h' } },
});
const roles: readonly TokenSubject['role'][] = ['admin', 'emt', 'officer', 'approver'];
const role = roles.find((r) => r === positionals[0]);
if (!role) {
  console.error(
    'usage: npm run -s token -- admin | emt | officer --directorate <name> | approver --directorate <name>',
  );
  process.exit(2);
}
if ((role === 'officer' || role === 'approver') && !values.directorate) {
  console.error(`an ${role} token needs --directorate, e.g. --directorate Place`);
  process.exit(2);
}
const keys = await loadOrCreateKeys(resolve(process.env.RAGTIME_DATA_DIR ?? '.data'));
process.stdout.write(
  `${await signLocalToken(keys, {
    role,
    directorate: values.directorate,
    email: values.email,
    expiresIn: values.expires,
  })}\n`,
);
