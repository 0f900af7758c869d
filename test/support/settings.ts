import { expect } from 'vitest';
import type { TestStack } from './local-stack';

/** Changes some settings through the API as the admin `token`, keeping the rest. */
export async function setSettings(t: TestStack, token: string, changes: Record<string, unknown>) {
  const settings = await (await t.call('GET', '/settings', { token })).json();
  const res = await t.call('PUT', '/settings', { token, body: { ...settings, ...changes } });
  expect(res.status, await res.clone().text()).toBe(200);
}

/** An admin's and the Place officer's and approver's tokens: who a close's scenarios need. */
export async function placeTokens(t: TestStack) {
  return {
    admin: await t.token('admin'),
    officer: await t.token('officer', 'Place'),
    approver: await t.token('approver', 'Place'),
  };
}
