import { Logger } from '@aws-lambda-powertools/logger';

/** One structured logger for every function; never given tokens, passwords or email bodies. */
export const logger = new Logger({ serviceName: 'ragtime' });
