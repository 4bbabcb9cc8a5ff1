/** Reported by `GET /health` and `kumo --version`; kept in step with package.json. */
export const SERVER_VERSION = '0.1.0';
