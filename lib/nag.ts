// Helpers for cdk-nag 3 acknowledgements (CDK's native `Validations.of(x).acknowledge`).
// Every acknowledgement names its reason; findings are acknowledged on the narrowest
// construct that owns them, never on the whole app.
import { Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}

/**
 * The flat form cdk-nag gives a CloudFormation reference in a finding id, e.g.
 * `{"Fn::GetAtt":["Table","Arn"]}` + "/index/*" → `<Table.Arn>/index/*` (the same
 * algorithm as cdk-nag's flattenCfnReference, which the package does not export).
 */
export function flattenReference(reference: unknown): string {
  if (reference === undefined) return '';
  if (typeof reference === 'string') return reference.replace(/\$\{/g, '<').replace(/}/g, '>');
  if (typeof reference === 'object' && reference !== null) {
    const node = reference as Record<string, unknown>;
    if (Array.isArray(node['Fn::Join'])) {
      const [delimiter, items] = node['Fn::Join'] as [string, unknown[]];
      return items.map(flattenReference).join(delimiter);
    }
    if (node['Fn::Sub'] !== undefined) return flattenReference(node['Fn::Sub']);
    if (Array.isArray(node['Fn::GetAtt'])) {
      const [resource, attribute] = node['Fn::GetAtt'] as [unknown, unknown];
      return `<${flattenReference(resource)}.${flattenReference(attribute)}>`;
    }
    if (node['Fn::ImportValue'] !== undefined) return flattenReference(node['Fn::ImportValue']);
    if (node.Ref !== undefined) return `<${flattenReference(node.Ref)}>`;
  }
  return JSON.stringify(reference);
}

/** The cdk-nag IAM5 finding id for a wildcard resource string (which may hold tokens). */
export function wildcardResourceFinding(scope: IConstruct, resource: string): string {
  return `AwsSolutions-IAM5[Resource::${flattenReference(Stack.of(scope).resolve(resource))}]`;
}
