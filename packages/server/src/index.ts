export { createApp } from './app.js';
export type { ApiKey, Cloud, Config } from './config.js';
export { ConfigError, resolveConfig } from './config.js';
export * from './signing/index.js';
