import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  displayName,
  isMachineId,
  recordedWho,
  sampleWho,
  stampOf,
  unrecordedWho,
} from '../../lambdas/domain/display-name';
import { claimsOf } from '../../lambdas/domain/people';

// SPEC §12 "Words, not data": a person's display name is People's name, else the token's
// name, else the email's local part; never a sub, a local id, "sample-data" or "Unknown".
const uuid = 'a3c1e0f2-9b7d-4c55-8e21-0f6b2d9c1a77';
const machineText = fc.oneof(
  fc.uuid(),
  fc.string({ maxLength: 20 }).map((s) => `local-${s}`),
  fc.constantFrom('sample-data', 'Unknown', 'unknown', ''),
);
/** Text a person could be called (no machine id). */
const aName = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => !isMachineId(s));
const machineLike = (text: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text.trim()) ||
  /^local-/i.test(text.trim()) ||
  /^(sample-data|unknown)$/i.test(text.trim());

describe('displayName', () => {
  it("People's name first, then the token's, then the email's local part", () => {
    expect(displayName({ peopleName: 'Jane Smith', tokenName: 'J Smith', email: 'jane.smith@council.gov.uk' })).toBe(
      'Jane Smith',
    );
    expect(displayName({ tokenName: 'J Smith', email: 'jane.smith@council.gov.uk' })).toBe('J Smith');
    expect(displayName({ email: 'jane.smith@council.gov.uk' })).toBe('jane.smith');
    expect(displayName({})).toBeNull();
  });
  it('never a sub, a local id, "sample-data" or "Unknown", whatever it is given', () => {
    fc.assert(
      fc.property(
        fc.option(fc.oneof(aName, machineText)),
        fc.option(fc.oneof(aName, machineText)),
        fc.option(
          fc.oneof(
            fc.emailAddress(),
            machineText,
            machineText.map((m) => `${m}@localhost`),
          ),
        ),
        (peopleName, tokenName, email) => {
          const name = displayName({ peopleName, tokenName, email });
          if (name !== null) expect(machineLike(name), name).toBe(false);
        },
      ),
    );
  });
  it('a name that is a machine id is passed over', () => {
    expect(displayName({ peopleName: uuid, tokenName: 'local-officer-place', email: 'o.p@x.org' })).toBe('o.p');
  });
});

describe('recordedWho (who made a stored version, in words)', () => {
  const names = new Map([['jane.smith@council.gov.uk', 'Jane Smith']]);
  it('the People name of the email kept with the version wins over the name kept then', () => {
    expect(recordedWho({ by: uuid, byName: 'J S', byEmail: 'Jane.Smith@council.gov.uk' }, names)).toEqual({
      name: 'Jane Smith',
      email: 'jane.smith@council.gov.uk',
    });
    expect(recordedWho({ by: uuid, email: 'jane.smith@council.gov.uk' }, names).name).toBe('Jane Smith');
  });
  it('older versions: an email as `by` (people), the sample plan, or words for nobody known', () => {
    expect(recordedWho({ by: 'jane.smith@council.gov.uk' }, new Map()).name).toBe('jane.smith');
    expect(recordedWho({ by: 'sample-data' }, names)).toEqual({ name: sampleWho, email: null });
    expect(recordedWho({ by: 'local-officer-place' }, names)).toEqual({ name: unrecordedWho, email: null });
    expect(recordedWho({ by: uuid }, names).name).toBe(unrecordedWho);
    expect(recordedWho({}, names).name).toBe(unrecordedWho);
  });
  it('is never a machine id', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            by: fc.option(fc.oneof(machineText, fc.emailAddress())),
            byName: fc.option(fc.oneof(aName, machineText)),
            byEmail: fc.option(fc.emailAddress()),
          },
          { requiredKeys: [] },
        ),
        (recorded) => {
          expect(machineLike(recordedWho(recorded, names).name)).toBe(false);
        },
      ),
    );
  });
});

describe('stampOf and the token name', () => {
  it('keeps the sub for sign-off, the name and the email in lower case', () => {
    expect(stampOf({ sub: uuid, name: 'Jane Smith', email: 'Jane.Smith@Council.gov.uk' })).toEqual({
      by: uuid,
      byName: 'Jane Smith',
      byEmail: 'jane.smith@council.gov.uk',
    });
    expect(stampOf({ sub: uuid, email: null })).toEqual({ by: uuid });
  });
  it("a People record's name reaches the token; none, no name claim", () => {
    expect(claimsOf({ roles: ['emt'], name: ' Jane Smith ' }, 'j@x.org', null)).toEqual({
      groups: ['emt'],
      directorate: null,
      name: 'Jane Smith',
    });
    expect(claimsOf({ roles: ['emt'] }, 'j@x.org', null)).toEqual({ groups: ['emt'], directorate: null });
  });
});
