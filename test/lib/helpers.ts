// Builds the app the way bin/ragtime.ts does, for the CDK tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppProps } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { createRagtimeApp, type RagtimeApp } from '../../lib/app';

export const requiredContext = {
  senderEmail: 'performance@example.gov.uk',
  emtRecipients: 'emt@example.gov.uk',
};

/** Federation with Entra ID over OIDC (docs/people.md). */
export const oidcContext = {
  oidcIssuer: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0',
  oidcClientId: '11111111-1111-1111-1111-111111111111',
  oidcClientSecretName: 'ragtime/entra-client-secret',
};

/** Skips esbuild (fast): every stack gets a placeholder asset instead of a bundle. */
export const noBundling = { 'aws:cdk:bundling-stacks': [] as string[] };

export interface BuiltApp extends RagtimeApp {
  outdir: string;
  template(): Template;
  cleanup(): void;
}

export function buildApp(
  context: Record<string, unknown> = {},
  props: Omit<AppProps, 'context' | 'outdir'> = {},
): BuiltApp {
  const outdir = mkdtempSync(join(tmpdir(), 'ragtime-cdk-'));
  let built: RagtimeApp;
  try {
    built = createRagtimeApp({
      // CloudFormation's own schema validation takes seconds per synth; the nag test turns it back on.
      builtinCloudFormationValidation: false,
      ...props,
      outdir,
      context: { ...requiredContext, ...noBundling, ...context },
    });
  } catch (error) {
    rmSync(outdir, { recursive: true, force: true });
    throw error;
  }
  let template: Template | undefined;
  return {
    ...built,
    outdir,
    template: () => (template ??= Template.fromStack(built.stack)),
    cleanup: () => rmSync(outdir, { recursive: true, force: true }),
  };
}

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation properties are untyped JSON, read by path in assertions.
export type Resources = Record<string, { Type: string; Properties?: Record<string, any>; [key: string]: any }>;

/** The logical id of a construct's CloudFormation resource. */
export function logicalId(built: RagtimeApp, resource: { node: { defaultChild?: unknown } } | unknown): string {
  const element = (resource as { node: { defaultChild?: unknown } }).node?.defaultChild ?? resource;
  return built.stack.resolve((element as { logicalId: string }).logicalId) as string;
}
