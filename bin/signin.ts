#!/usr/bin/env node
// Sign in to a deployed Ragtime with SRP and print the ID token (docs/deploy.md
// "Signing in from the command line"):
//   TOKEN=$(npm run -s signin -- --user-pool-id eu-west-2_AbC --client-id 1a2b… --username jo@example.gov.uk)
// The password is asked for on the terminal, never taken from the command line (shell
// history, process lists), and with SRP it never leaves this machine. The first sign-in
// sets a permanent password and registers an authenticator app (MFA is required). Only
// the token goes to stdout; prompts go to stderr. Send it to the stack's ApiUrl output:
// the CloudFront distribution, which serves the API behind AWS WAF.
import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserPool,
  type CognitoUserSession,
  type IAuthenticationCallback,
} from 'amazon-cognito-identity-js';

const usage =
  'usage: npm run -s signin -- --user-pool-id <UserPoolId> --client-id <UserPoolClientId> --username <email>\n' +
  '(the stack outputs UserPoolId and UserPoolClientId; the password is asked for, never passed as an argument)';

let values: { 'user-pool-id'?: string; 'client-id'?: string; username?: string };
try {
  // strict: an unknown option such as --password is refused.
  ({ values } = parseArgs({
    options: {
      'user-pool-id': { type: 'string' },
      'client-id': { type: 'string' },
      username: { type: 'string' },
    },
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const userPoolId = values['user-pool-id'];
const clientId = values['client-id'];
const username = values.username;
if (!userPoolId || !clientId || !username) {
  console.error(usage);
  process.exit(2);
}

// One reader for every answer (piped input keeps its buffered lines); hidden answers are not echoed.
let muted = false;
const output = new Writable({
  write(chunk, encoding, done) {
    if (!muted) process.stderr.write(chunk, encoding);
    done();
  },
});
const reader = createInterface({ input: process.stdin, output, terminal: process.stdin.isTTY === true });
async function ask(question: string, hidden = false): Promise<string> {
  const answer = reader.question(question);
  muted = hidden;
  try {
    return await answer;
  } finally {
    muted = false;
    if (hidden) process.stderr.write('\n');
  }
}

const user = new CognitoUser({
  Username: username,
  Pool: new CognitoUserPool({ UserPoolId: userPoolId, ClientId: clientId }),
});
user.setAuthenticationFlowType('USER_SRP_AUTH');

const session = await new Promise<CognitoUserSession>((resolve, reject) => {
  const fail = (error: unknown) => reject(error);
  const callbacks: IAuthenticationCallback = {
    onSuccess: resolve,
    onFailure: fail,
    newPasswordRequired: async () => {
      process.stderr.write(
        'First sign-in: choose a permanent password (14+ characters, upper and lower case, a digit, a symbol).\n',
      );
      const next = await ask('New password: ', true);
      if (next !== (await ask('Again: ', true))) return fail(new Error('The two passwords differ.'));
      user.completeNewPasswordChallenge(next, {}, callbacks);
    },
    mfaSetup: () =>
      user.associateSoftwareToken({
        associateSecretCode: async (secret) => {
          process.stderr.write(
            `Register an authenticator app with this secret (or otpauth://totp/Ragtime:${encodeURIComponent(username)}?secret=${secret}&issuer=Ragtime):\n  ${secret}\n`,
          );
          const code = await ask('Code from the app: ');
          user.verifySoftwareToken(code.trim(), 'cli', { onSuccess: resolve, onFailure: fail });
        },
        onFailure: fail,
      }),
    totpRequired: async () =>
      user.sendMFACode((await ask('Authenticator code: ')).trim(), callbacks, 'SOFTWARE_TOKEN_MFA'),
  };
  ask('Password: ', true).then(
    (password) =>
      user.authenticateUser(new AuthenticationDetails({ Username: username, Password: password }), callbacks),
    fail,
  );
}).catch((error: unknown) => {
  reader.close();
  console.error(`Sign-in failed: ${(error as Error).message ?? String(error)}`);
  process.exit(1);
});
reader.close();
process.stdout.write(`${session.getIdToken().getJwtToken()}\n`);
