// Kumo delivery on loopback: render latency through HTTP against sharp called directly on the same
// input (overhead ratio), and cache-hit throughput against nginx serving the same derived file from
// disk (skipped, and said so, when nginx is not installed). The measurements live in
// packages/server/bench/delivery.ts (TypeScript; `npm run bench` runs under tsx).
export { description, run } from '../packages/server/bench/delivery.ts';
