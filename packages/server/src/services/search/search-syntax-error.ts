import { ServiceError } from '../service-error.js';

/**
 * A search expression that does not parse, or asks for something the language does not have.
 * `position` is the 0-based offset in the expression where the problem starts; routes answer 400
 * with the message, as for any other refused request.
 */
export class SearchSyntaxError extends ServiceError {
  override name = 'SearchSyntaxError';
  constructor(
    readonly position: number,
    readonly reason: string,
  ) {
    super(400, `Invalid search expression at position ${position}: ${reason}`);
  }
}
