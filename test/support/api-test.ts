import { isDeepStrictEqual } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { signLocalToken, type TokenSubject } from '../../lambdas/local/jwt';
import type { LocalStackOptions } from '../../lambdas/local/stack';
import { startTestStack, type TestStack } from './local-stack';

/** A token to sign once the stack runs: a role alone, or who exactly (directorate, email, roles). */
export type TokenFor = TokenSubject['role'] | TokenSubject;

export interface ApiTestOptions<Name extends string> extends LocalStackOptions {
  /** Settings an admin puts through the API before the file's tests (the rest stay the defaults). */
  settings?: Record<string, unknown>;
  /** The tokens the file's tests use, by name (`t.tokens.<name>`). */
  tokens?: Record<Name, TokenFor>;
}

/** An API test file's local stack (`TestStack`), its tokens, and settings changed for one test. */
export interface ApiTest<Name extends string> extends TestStack {
  /** Signed in beforeAll, into this same object (so `const { tokens } = t` at the top of a file works). */
  readonly tokens: Readonly<Record<Name, string>>;
  /**
   * Changes some settings (as an admin, keeping the rest) for the running test only: the
   * settings it found are put back when it ends, passed or failed, before the next test.
   */
  withSettings(changes: Record<string, unknown>): Promise<void>;
  /** For a test of PUT /settings itself: the settings it found are put back when it ends. */
  putBackSettings(): void;
}

type Settings = Record<string, unknown>;

/**
 * One local stack for this API test file (or describe block): started before its tests
 * (beforeAll), stopped after them, as `useWebApp` is for the browser tests. Options go to
 * `startTestStack`; `settings` are put and `tokens` signed before the first test.
 *
 * No test leaves a setting changed for the next: after each test the settings must be what
 * they were before it (what `withSettings` changed is put back first), else that test fails
 * and the settings are put back, so one test's sign-off cannot leak into the others'.
 */
export function useTestStack<Name extends string = never>(options: ApiTestOptions<Name> = {}): ApiTest<Name> {
  const { settings, tokens: wanted, ...stackOptions } = options;
  let stack: TestStack | undefined;
  let admin = '';
  const tokens = {} as Record<Name, string>;
  let before: Settings | undefined;
  let changed = false;

  const ready = (): TestStack => {
    if (!stack) throw new Error('useTestStack: the stack starts in beforeAll');
    return stack;
  };
  const readSettings = async (): Promise<Settings> => {
    const res = await ready().call('GET', '/settings', { token: admin });
    expect(res.status, 'GET /settings').toBe(200);
    return withoutVersion(await res.json());
  };
  const putSettings = async (body: Settings) => {
    const res = await ready().call('PUT', '/settings', { token: admin, body });
    expect(res.status, await res.clone().text()).toBe(200);
  };

  beforeAll(async () => {
    stack = await startTestStack(stackOptions);
    admin = await stack.token('admin');
    for (const [name, who] of Object.entries(wanted ?? {}) as [Name, TokenFor][])
      tokens[name] = await signLocalToken(stack.stack.keys, typeof who === 'string' ? { role: who } : who);
    if (settings) await putSettings({ ...(await readSettings()), ...settings });
    // A seeded stack takes a while on a busy machine: as long as the files gave it before.
  });
  afterAll(async () => {
    await stack?.stop();
  });
  beforeEach(async () => {
    before = await readSettings();
    changed = false;
  });
  afterEach(async () => {
    if (!before) return;
    const found = before;
    before = undefined;
    if (changed) await putSettings(found);
    const after = await readSettings();
    if (isDeepStrictEqual(after, found)) return;
    await putSettings(found);
    expect(after, 'the test left the settings changed: change them with t.withSettings (or t.putBackSettings)').toEqual(
      found,
    );
  });

  const t: ApiTest<Name> = {
    get stack() {
      return ready().stack;
    },
    get url() {
      return ready().url;
    },
    get tokens() {
      return tokens;
    },
    token: (role, directorate) => ready().token(role, directorate),
    call: (method, path, opts) => ready().call(method, path, opts),
    emails: () => ready().emails(),
    clearEmails: () => ready().clearEmails(),
    stop: () => ready().stop(),
    putBackSettings: () => {
      changed = true;
    },
    withSettings: async (changes) => {
      changed = true;
      await putSettings({ ...(await readSettings()), ...changes });
    },
  };
  return t;
}

/** The settings without who saved them when (`version`, `by`, `at` change with every PUT). */
function withoutVersion({ version: _v, by: _b, at: _a, ...settings }: Settings): Settings {
  return settings;
}
