// The Word and Excel writers (docs/documents.md):
// docx and exceljs are megabytes of code, so they live in one function of their own,
// render-document, with no API route and no table or SES access. API Gateway routes by
// path only and GET /reports/{quarter} serves every format, so get-report (and the close,
// for the email's Word draft) invoke it with the report; only those functions may.
import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { type FunctionShared, RagtimeFunction } from './function';

export interface RagtimeDocumentsProps {
  shared: FunctionShared;
}

export class RagtimeDocuments extends Construct {
  readonly renderer: RagtimeFunction;
  /** The functions allowed to invoke the renderer (for tests and the README). */
  readonly callers: RagtimeFunction[] = [];

  constructor(scope: Construct, id: string, props: RagtimeDocumentsProps) {
    super(scope, id);
    this.renderer = new RagtimeFunction(this, 'RenderDocument', {
      handler: 'render-document',
      description:
        'Ragtime: a report as a Word draft or an Excel workbook (invoked by get-report and the close; no route)',
      table: 'none',
      sendsEmail: false,
      // Callers wait 20 s (lambdas/services/documents.ts renderWaitMs); a little more lets a slow
      // write finish rather than die mid-way, but nobody waits for a minute.
      timeout: Duration.seconds(25),
      // The writers build the whole document in memory and are bound by garbage collection
      // (a 10,000-measure draft peaks near 1.4 GB); more memory is also more CPU.
      memorySize: 2048,
      shared: props.shared,
    });
  }

  /** Lets `caller` invoke the renderer (this function's ARN only) and tells it the name. */
  allow(caller: RagtimeFunction): void {
    caller.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['lambda:InvokeFunction'],
        resources: [this.renderer.function.functionArn],
      }),
    );
    caller.function.addEnvironment('RENDER_DOCUMENT_FUNCTION', this.renderer.function.functionName);
    this.callers.push(caller);
  }
}
