import { defineConfig } from 'vitest/config';

/**
 * Pure units: no server, browser, bundler or child process (`npm run test:unit`).
 * A new unit test goes under one of these folders or is named `*.unit.test.ts`.
 */
const unit = [
  'test/domain/**/*.test.ts',
  'test/render/**/*.test.ts',
  'test/mail/**/*.test.ts',
  'test/**/*.unit.test.ts',
  // Units of lambdas/http (its middlewares, the response fitting); the end-to-end API
  // scenarios are test/api/ (integration).
  'test/http/**/*.test.ts',
  'test/web/api-client.test.ts',
];

export default defineConfig({
  test: {
    pool: 'forks',
    // 2 cores: two files at a time, each with its own in-process local stack.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', POWERTOOLS_LOG_LEVEL: 'WARN' },
    projects: [
      // Units share their workers' module cache (isolate: false): pure code with no server or global state to
      // leak, and half the project's CPU time was importing the same modules afresh for each of ~66 files.
      { extends: true, test: { name: 'unit', include: unit, isolate: false } },
      // Everything else: the local stack (dynalite, aws-ses-v2-local, the API), Chromium, CDK synths.
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          // A stack, a browser or a synth shares 2 cores with a second worker, and sometimes with
          // a second `npm test` beside it: three times the quiet time, so a slow machine is not
          // a failure. A hang still fails.
          testTimeout: 180_000,
          hookTimeout: 180_000,
          exclude: unit,
          // Chromium unpacked once before any worker starts (two files launching it at
          // once could otherwise run a half-unpacked binary: spawn ETXTBSY).
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
    ],
    // On in `npm test` (--coverage): the handlers run in the test processes (the local
    // stack is in-process), so the integration tests measure them too.
    coverage: {
      provider: 'v8',
      include: ['lambdas/**/*.ts'],
      exclude: [
        'lambdas/**/*.d.ts',
        // Dev tooling, not shipped and not run by npm test: they render the README's pictures
        // (docs/quarter-close-email.png with Debian's Chromium, docs/cabinet-report-first-page.png
        // with LibreOffice and poppler).
        'lambdas/local/email-picture.ts',
        'lambdas/local/cabinet-picture.ts',
      ],
      reporter: ['text-summary', 'json-summary'],
      // The figures even when a test fails, so a red run still says where coverage stands.
      reportOnFailure: true,
      thresholds: {
        'lambdas/domain/**': { lines: 100 },
        'lambdas/!(domain)/**': { lines: 85 },
      },
    },
  },
});
