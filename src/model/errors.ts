/**
 * Base class for Threadline's expected-failure errors. Every subclass carries a literal `code`
 * so callers and tests branch on the code, never on the message.
 */
export class ThreadlineError<C extends string = string> extends Error {
  readonly code: C;
  constructor(code: C, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

/** A value failed validation at a constructor (bad id, bad date, missing provenance…). */
export class ValidationError extends ThreadlineError<'invalid_value' | 'missing_provenance'> {}

/** The caller asked for something that does not exist (entity, dataset, shipment). */
export class NotFoundError extends ThreadlineError<'not_found'> {
  constructor(what: string) {
    super('not_found', `${what} not found`);
  }
}
