/** A development warning found by a pure mapping function; the caller reports it with `warnInDev`. */
export interface DevWarning {
  /** Stable kebab-case code people can search for, e.g. `embed-unknown-option`. */
  readonly code: string;
  readonly message: string;
}
