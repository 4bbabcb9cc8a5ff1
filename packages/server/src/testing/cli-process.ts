import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TEST_CLOUD, TEST_KEY, TEST_SECRET } from './test-server.js';

const CLI = fileURLToPath(new URL('../cli.ts', import.meta.url));

export interface Started {
  readonly child: ChildProcess;
  readonly url: string;
  /** What the process printed up to the moment it was listening. */
  readonly output: string;
}

/** Runs `kumo serve` from source in a child process on a random port. */
export function startCli(
  dataDir: string,
  extraEnv: Record<string, string> = {},
  options: { withoutCredentials?: boolean } = {},
): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve', '--port', '0'], {
    env: {
      PATH: process.env.PATH,
      KUMO_DATA_DIR: dataDir,
      ...(options.withoutCredentials ? {} : { KUMO_URL: `kumo://${TEST_KEY}:${TEST_SECRET}@${TEST_CLOUD}` }),
      KUMO_SAMPLES: 'false',
      KUMO_LOG_LEVEL: 'silent',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, output });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

export function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
  );
}
