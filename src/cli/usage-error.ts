import { ThreadlineError } from '../model/index.ts';

/** A bad flag or argument value detected after parsing; exits with code 2. */
export class UsageError extends ThreadlineError<'usage'> {
  constructor(message: string) {
    super('usage', message);
  }
}
