import { describe, expect, it } from 'vitest';
import type { Caller } from '../../lambdas/domain/caller';
import { Conflict, Forbidden, Invalid, VersionConflict } from '../../lambdas/domain/errors';
import {
  checkExpectedVersion,
  givenCommentary,
  versionWritten,
  type WriteAttempt,
  writeRefusal,
} from '../../lambdas/domain/write-rules';

const officer = (directorate: string): Caller => ({ sub: 'u', email: null, roles: ['officer'], directorate });
const admin: Caller = { sub: 'a', email: null, roles: ['admin'], directorate: null };

const attempt = (overrides: Partial<WriteAttempt> = {}): WriteAttempt => ({
  caller: officer('Place'),
  ownerDirectorate: 'Place',
  doing: 'update a1',
  quarter: '2017-18-Q4',
  closed: false,
  status: () => 'green',
  commentary: undefined,
  commentaryDetail: (status) => `Commentary is required when the status is ${status}.`,
  ...overrides,
});

describe('writeRefusal', () => {
  it('lets an officer of the owner directorate write a green status without commentary', () => {
    expect(writeRefusal(attempt())).toBeNull();
  });

  it('refuses an officer of another directorate, naming the owner and what was tried', () => {
    const refusal = writeRefusal(attempt({ caller: officer('People') }));
    expect(refusal).toBeInstanceOf(Forbidden);
    expect(refusal?.message).toBe('Only officers of Place (or admins) may update a1.');
  });

  it('refuses an officer once the quarter is closed, but not an admin', () => {
    const refusal = writeRefusal(attempt({ closed: true }));
    expect(refusal).toBeInstanceOf(Conflict);
    expect(refusal?.message).toBe('2017-18-Q4 is closed; ask the performance team to amend it.');
    expect(writeRefusal(attempt({ closed: true, caller: admin }))).toBeNull();
  });

  it('requires commentary, not blank, with an amber or red status', () => {
    const refusal = writeRefusal(attempt({ status: () => 'red', commentary: '   ' }));
    expect(refusal).toBeInstanceOf(Invalid);
    expect(refusal).toMatchObject({
      message: 'Commentary is required when the status is red.',
      errors: [{ path: '/commentary', message: 'required when the status is amber or red' }],
    });
    expect(writeRefusal(attempt({ status: () => 'amber', commentary: 'Behind plan' }))).toBeNull();
  });

  it('checks ownership, then the item’s rules, then the closed quarter, then the values, then commentary', () => {
    const order: string[] = [];
    const refusal = writeRefusal(
      attempt({
        closed: true,
        itemRules: () => {
          order.push('item');
          return new Invalid('not reported in this quarter');
        },
        valueRules: () => {
          order.push('values');
          return null;
        },
      }),
    );
    expect(refusal?.message).toBe('not reported in this quarter');
    expect(order).toEqual(['item']);
    expect(writeRefusal(attempt({ caller: officer('People'), itemRules: () => new Invalid('x') }))).toBeInstanceOf(
      Forbidden,
    );
    expect(writeRefusal(attempt({ valueRules: () => new Invalid('bad breakdown') }))?.message).toBe('bad breakdown');
  });
});

describe('givenCommentary', () => {
  it('treats blank commentary as none and keeps any other as sent', () => {
    expect(givenCommentary(' \n ')).toBeUndefined();
    expect(givenCommentary(' On track ')).toBe(' On track ');
  });
});

describe('checkExpectedVersion', () => {
  it('passes without If-Match or when it names the current version', () => {
    expect(() => checkExpectedVersion(undefined, 3)).not.toThrow();
    expect(() => checkExpectedVersion(3, 3)).not.toThrow();
  });

  it('refuses another version with a VersionConflict carrying the current one', () => {
    expect(() => checkExpectedVersion(2, 3)).toThrow(
      expect.objectContaining({ name: 'VersionConflict', current: 3, message: 'The item is at version 3, not 2.' }),
    );
  });
});

describe('versionWritten', () => {
  it('returns the version the write stored', async () => {
    await expect(versionWritten(Promise.resolve(4), 'changed')).resolves.toBe(4);
  });

  it('rewords the store’s version conflict for what was written, keeping it as the cause', async () => {
    const stored = new VersionConflict();
    const error = await versionWritten(Promise.reject(stored), 'The result changed.').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VersionConflict);
    expect(error).toMatchObject({ message: 'The result changed.', cause: stored });
  });

  it('passes any other failure on unchanged', async () => {
    const failure = new Error('throttled');
    await expect(versionWritten(Promise.reject(failure), 'changed')).rejects.toBe(failure);
  });
});
