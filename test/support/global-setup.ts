import { unpackChromium } from './browser';

// vitest `globalSetup`: runs once in the main process before any test file's worker starts.
export default async function setup(): Promise<void> {
  await unpackChromium();
}
