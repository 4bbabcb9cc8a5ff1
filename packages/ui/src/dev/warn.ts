/**
 * Development warnings: invalid values and missing configuration are reported once, on the
 * console, with a stable code people can search for. Production builds skip the work: bundlers
 * replace `process.env.NODE_ENV`, and without a bundler the check fails quietly and warnings stay on.
 */

declare const process: { env: { NODE_ENV?: string } };

function isProductionBuild(): boolean {
  try {
    return process.env.NODE_ENV === 'production';
  } catch {
    return false;
  }
}

let enabled = !isProductionBuild();
const reported = new Set<string>();

/** Turns development warnings on or off (they are on unless the build says `NODE_ENV=production`). */
export function setDevWarnings(on: boolean): void {
  enabled = on;
}

/** Whether development warnings are currently reported. */
export function devWarningsEnabled(): boolean {
  return enabled;
}

/**
 * Warns once per distinct code and message, as `[kumo] code: message`. `code` is a short kebab
 * name such as `progress-value-out-of-range`, stable across versions.
 */
export function warnInDev(code: string, message: string): void {
  if (!enabled) return;
  const key = `${code}\n${message}`;
  if (reported.has(key)) return;
  reported.add(key);
  console.warn(`[kumo] ${code}: ${message}`);
}

/** Forgets which warnings were already shown, so they show again (tests, hot reload). */
export function resetDevWarnings(): void {
  reported.clear();
}
