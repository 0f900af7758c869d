import { expect } from 'vitest';
import type { TestStack } from './local-stack';

/** Changes some settings through the API as the admin `token`, keeping the rest. */
export async function setSettings(t: TestStack, token: string, changes: Record<string, unknown>) {
  const settings = await (await t.call('GET', '/settings', { token })).json();
  const res = await t.call('PUT', '/settings', { token, body: { ...settings, ...changes } });
  expect(res.status, await res.clone().text()).toBe(200);
}
