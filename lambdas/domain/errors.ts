// What can go wrong with a request, in the product's terms: no layer below the HTTP one
// knows status codes. `lambdas/http/problem-errors.ts` maps each to its problem+json
// answer, in one place. The message is the detail a client reads.

/** A field a request got wrong: a JSON Pointer into the request (`/path/period`, `/line/3`) and why. */
export interface FieldError {
  path: string;
  message: string;
}

interface ErrorOptions {
  cause?: unknown;
}

/** There is no such thing (a measure, an action, a result). */
export class NotFound extends Error {
  override readonly name = 'NotFound';
}

/** A refusal that can name the fields (or CSV lines) at fault. */
abstract class RefusalOfFields extends Error {
  constructor(
    message: string,
    readonly errors: FieldError[] = [],
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The caller may not do this (e.g. a measure another directorate owns). */
export class Forbidden extends RefusalOfFields {
  override readonly name = 'Forbidden';
}

/** Conflicts with the state of things: a closed quarter, a retired measure, nothing to reissue. */
export class Conflict extends Error {
  override readonly name = 'Conflict';
}

/** Well-formed, but breaks a schema or a rule; `errors` names each field. */
export class Invalid extends RefusalOfFields {
  override readonly name = 'Invalid';
}

/** The answer is too large to send back (narrow the request). */
export class TooLarge extends Error {
  override readonly name = 'TooLarge';
}

/** Cannot be read at all (e.g. a CSV body that does not parse). */
export class Malformed extends Error {
  override readonly name = 'Malformed';
}

/**
 * The item is not at the version the writer expected (or, for an import, already
 * carries this write). `current`, when known, is the version it is at.
 */
export class VersionConflict extends Error {
  override readonly name = 'VersionConflict';
  constructor(
    message = 'the item changed since the version given',
    readonly current?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A dependency is busy or down; what the message says about what was kept holds, and a retry may succeed. */
export class Unavailable extends Error {
  override readonly name = 'Unavailable';
  constructor(
    message: string,
    readonly retryAfterSeconds = 1,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * An import stopped part way (SPEC §5 "Imports are all or nothing under any error"): `stored`
 * of its `total` writes landed, and sending the same file again finishes it without
 * repeating them (docs/rules.md "Imports").
 */
export class ImportInterrupted extends Unavailable {
  constructor(
    message: string,
    readonly stored: number,
    readonly total: number,
    options?: ErrorOptions,
  ) {
    super(message, 1, options);
  }
}
