import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildWebApp } from '../../web/build';
import { unpackChromium } from './browser';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder this run's one build of the web app is in (startTestStack serves it). */
    prebuiltWebApp: string;
  }
}

// vitest `globalSetup`: runs once in the main process before any test file's worker starts.
// Chromium is unpacked here so that two files launching it at once cannot run a half-unpacked
// binary (spawn ETXTBSY); the web app is built here once rather than by each of the ~25 files
// that serve it (a few CPU-seconds each: esbuild and sass).
export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'ragtime-web-'));
  await Promise.all([unpackChromium(), buildWebApp(dir)]);
  project.provide('prebuiltWebApp', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
