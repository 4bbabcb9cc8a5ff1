import type { FastifyInstance } from 'fastify';

/** `GET /health`: answers while the process can serve requests (load balancers poll it). */
export function registerHealthRoute(app: FastifyInstance, version: string): void {
  app.get('/health', async () => ({ status: 'ok', version }));
}
