import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);
const BIN_DIRS = [
  '/usr/lib/postgresql/17/bin',
  '/usr/lib/postgresql/16/bin',
  '/usr/lib/postgresql/15/bin',
  '/usr/local/bin',
  '/usr/bin',
];

export interface PostgresServer {
  readonly url: string;
  stop(): Promise<void>;
}

async function findBinary(name: string): Promise<string | undefined> {
  for (const dir of BIN_DIRS) {
    const candidate = path.join(dir, name);
    if (
      await fs.access(candidate).then(
        () => true,
        () => false,
      )
    )
      return candidate;
  }
  return undefined;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Starts a throwaway PostgreSQL cluster from the system's binaries (Debian's `postgresql`
 * package), or returns undefined when they are not installed. PostgreSQL refuses to run as root,
 * so as root it runs as the `postgres` user.
 */
export async function startPostgres(): Promise<PostgresServer | undefined> {
  const initdb = await findBinary('initdb');
  const postgres = await findBinary('postgres');
  if (!initdb || !postgres) return undefined;
  const asRoot = process.getuid?.() === 0;
  const wrap = (command: string, args: string[]): [string, string[]] =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kumo-pg-'));
  if (asRoot) await execFileAsync('chown', ['postgres', dir]);
  const dataDir = path.join(dir, 'data');
  await execFileAsync(
    ...wrap(initdb, ['-D', dataDir, '-U', 'kumo', '--auth=trust', '-E', 'UTF8', '--no-sync']),
  );
  const port = await freePort();
  const [command, args] = wrap(postgres, [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-k',
    dir,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'fsync=off',
  ]);
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ready = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (ready && /ready to accept connections/.test(log)) break;
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`PostgreSQL did not start: ${log}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url: `postgres://kumo@127.0.0.1:${port}/postgres`,
    async stop() {
      // Signal the postmaster itself: a `runuser` wrapper does not pass signals on.
      const pid = Number(
        (await fs.readFile(path.join(dataDir, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n')[0],
      );
      if (pid > 0) process.kill(pid, 'SIGINT');
      else child.kill('SIGINT');
      await new Promise<void>((resolve) =>
        child.exitCode !== null ? resolve() : child.once('exit', () => resolve()),
      );
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
