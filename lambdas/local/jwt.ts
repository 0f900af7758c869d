import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type CryptoKey,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from 'jose';

// Local tokens mimic Cognito's: an issuer, an audience (the app client), and the
// `cognito:groups` and `custom:directorate` claims the handlers read.
export const localIssuer = 'https://ragtime.local/cognito';
export const localAudience = 'ragtime-local-client';
const alg = 'ES256';
const keyFile = 'local-jwt-key.json';

export interface LocalKeys {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

/** The signing key lives under the data dir (also with --memory); whichever command runs first creates it. */
export async function loadOrCreateKeys(dataDir: string): Promise<LocalKeys> {
  const path = join(dataDir, keyFile);
  let jwk: JWK;
  try {
    jwk = JSON.parse(readFileSync(path, 'utf8')) as JWK;
  } catch {
    const pair = await generateKeyPair(alg, { extractable: true });
    jwk = await exportJWK(pair.privateKey);
    mkdirSync(dataDir, { recursive: true });
    try {
      // 'wx': if another process created it meanwhile, use theirs.
      writeFileSync(path, JSON.stringify(jwk), { flag: 'wx', mode: 0o600 });
    } catch {
      jwk = JSON.parse(readFileSync(path, 'utf8')) as JWK;
    }
  }
  const { d: _d, ...publicJwk } = jwk;
  return {
    privateKey: (await importJWK(jwk, alg)) as CryptoKey,
    publicKey: (await importJWK(publicJwk, alg)) as CryptoKey,
  };
}

export interface TokenSubject {
  role: 'admin' | 'emt' | 'officer' | 'approver';
  /** Every role the token carries (a person from the table, possibly none); default [role]. */
  roles?: readonly ('admin' | 'emt' | 'officer' | 'approver')[];
  directorate?: string;
  email?: string;
  /** The `name` claim; default a realistic name for the role and directorate (localName). */
  name?: string;
  sub?: string;
  expiresIn?: string;
}

const firstNames: Record<TokenSubject['role'], string> = {
  officer: 'Olivia',
  approver: 'Aled',
  emt: 'Eleri',
  admin: 'Adam',
};
const surnames = [
  'Hughes',
  'Morgan',
  'Price',
  'Jenkins',
  'Evans',
  'Thomas',
  'Rees',
  'Powell',
  'Davies',
  'Lewis',
  'Owen',
];

/**
 * A realistic name for a local token of a role (and directorate), as Cognito's `name`
 * would be, so pages show a person and never the token's local id (SPEC §12): one name
 * per role and directorate, e.g. "Olivia Price" for Place's officer.
 */
export function localName(role: TokenSubject['role'], directorate?: string): string {
  const key = directorate ?? '';
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (hash * 5 + key.charCodeAt(i) * (i + 1)) % 1_000_003;
  return `${firstNames[role]} ${surnames[directorate ? hash % surnames.length : 0]}`;
}

export async function signLocalToken(keys: LocalKeys, subject: TokenSubject): Promise<string> {
  const email =
    subject.email ?? `${subject.role}${subject.directorate ? `.${subject.directorate.toLowerCase()}` : ''}@localhost`;
  // A token for a person of the table (an email given) carries their record's name, or none (their email's local part shows).
  const name = subject.name ?? (subject.email === undefined ? localName(subject.role, subject.directorate) : undefined);
  const claims: JWTPayload = { email, 'cognito:groups': [...(subject.roles ?? [subject.role])], token_use: 'id' };
  if (name) claims.name = name;
  if (subject.directorate) claims['custom:directorate'] = subject.directorate;
  return new SignJWT(claims)
    .setProtectedHeader({ alg })
    .setSubject(
      subject.sub ?? `local-${subject.role}${subject.directorate ? `-${subject.directorate.toLowerCase()}` : ''}`,
    )
    .setIssuer(localIssuer)
    .setAudience(localAudience)
    .setIssuedAt()
    .setExpirationTime(subject.expiresIn ?? '12h')
    .sign(keys.privateKey);
}

/**
 * What API Gateway's JWT authorizer does: verify signature, issuer, expiry and the
 * audience, which is `aud` or, in a token without `aud` (Cognito's access tokens),
 * `client_id`. Like the gateway, it does not look at token_use: the handlers do.
 */
export async function verifyLocalToken(keys: LocalKeys, token: string): Promise<JWTPayload | null> {
  try {
    const { payload } = await jwtVerify(token, keys.publicKey, { issuer: localIssuer, algorithms: [alg] });
    const audience = payload.aud === undefined ? payload.client_id : payload.aud;
    const matches = Array.isArray(audience) ? audience.includes(localAudience) : audience === localAudience;
    return matches ? payload : null;
  } catch {
    return null;
  }
}
