import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { LocalStackOptions } from '../../lambdas/local/stack';
import { launchBrowser, openPage, type WatchedPage } from './browser';
import { startTestStack, type TestStack } from './local-stack';

/** A browser test file's local stack (API and web app) and its one Chromium. */
export interface WebAppTest {
  readonly stack: TestStack;
  /** The web app's address, the one `npm start` prints (…/app/). */
  readonly app: string;
  readonly browser: Browser;
  /** A fresh context and page whose relative addresses resolve against the app (for `signInAs`). */
  open(options?: { width?: number; height?: number; locale?: string }): Promise<WatchedPage>;
}

/**
 * One local stack serving the web app and one Chromium for this test file: started before
 * its tests (beforeAll), stopped after them. Options (or a function giving them, read in
 * beforeAll, for options known only once an earlier hook ran) go to `startTestStack`;
 * the web app is built unless they say otherwise.
 */
export function useWebApp(options: LocalStackOptions | (() => LocalStackOptions) = {}): WebAppTest {
  let stack: TestStack | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    const given = typeof options === 'function' ? options() : options;
    const [started, launched] = await Promise.allSettled([startTestStack({ webApp: true, ...given }), launchBrowser()]);
    if (started.status === 'fulfilled') stack = started.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    if (started.status === 'rejected') throw started.reason;
    if (launched.status === 'rejected') throw launched.reason;
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useWebApp: the stack and browser start in beforeAll');
    return value;
  };
  return {
    get stack() {
      return ready(stack);
    },
    get app() {
      return ready(stack?.stack.webAppUrl);
    },
    get browser() {
      return ready(browser);
    },
    open: (opts = {}) => openPage(ready(browser), { app: ready(stack?.stack.webAppUrl), ...opts }),
  };
}
