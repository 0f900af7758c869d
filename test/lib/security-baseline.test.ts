// The security baseline of docs/deploy.md (what a council's security review asks),
// checked on the synthesised template.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltApp, buildApp } from './helpers';

describe('region', () => {
  let built: BuiltApp;
  const before = process.env.CDK_DEFAULT_REGION;
  beforeAll(() => {
    // Whatever the deployer's shell says, the stack goes to London unless context says otherwise.
    process.env.CDK_DEFAULT_REGION = 'us-east-1';
    built = buildApp();
  });
  afterAll(() => {
    built?.cleanup();
    if (before === undefined) delete process.env.CDK_DEFAULT_REGION;
    else process.env.CDK_DEFAULT_REGION = before;
  });

  it("is eu-west-2 by default, not the shell's CDK_DEFAULT_REGION", () => {
    expect(built.stack.region).toBe('eu-west-2');
    const template = JSON.stringify(built.template().toJSON());
    expect(template.includes('https://cognito-idp.eu-west-2.')).toBe(true);
    expect(template.includes(':execute-api:eu-west-2:')).toBe(true);
    expect(template.includes('us-east-1')).toBe(false);
  });

  it('follows context region', () => {
    const other = buildApp({ region: 'eu-west-1' });
    try {
      expect(other.stack.region).toBe('eu-west-1');
      expect(JSON.stringify(other.template().toJSON()).includes('https://cognito-idp.eu-west-1.')).toBe(true);
    } finally {
      other.cleanup();
    }
  });
});
