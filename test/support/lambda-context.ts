import { lambdaContext as localContext } from '../../lambdas/local/lambda-context';

/** A context for invoking a scheduled job's handler in-process (five minutes, as the close job gets). */
export const lambdaContext = (functionName: string) => localContext(functionName, undefined, 300_000);
