// Makes sure the system programs the tests drive are present: Debian's `chromium` (browser tests,
// end-to-end tests), `ffmpeg` (the server's video pipeline), PostgreSQL's server binaries (the
// catalog's Postgres dialect) and the fonts text overlays are drawn with. Silent when they are.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const postgresInstalled = () => {
  try {
    return readdirSync('/usr/lib/postgresql').some((version) =>
      existsSync(`/usr/lib/postgresql/${version}/bin/initdb`),
    );
  } catch {
    return false;
  }
};

/** Debian package name → how to tell it is installed. */
const REQUIRED = {
  chromium: () => onPath('chromium'),
  ffmpeg: () => onPath('ffmpeg'),
  postgresql: postgresInstalled,
  'fonts-liberation': () => existsSync('/usr/share/fonts/truetype/liberation'),
  'fonts-dejavu-core': () => existsSync('/usr/share/fonts/truetype/dejavu'),
};

const onPath = (command) =>
  (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });

const missing = Object.entries(REQUIRED)
  .filter(([, installed]) => !installed())
  .map(([pkg]) => pkg);

if (missing.length === 0) process.exit(0);

const isRoot = process.getuid?.() === 0;
const isDebian = existsSync('/etc/debian_version');
if (!isRoot || !isDebian) {
  console.error(
    `Kumo's tests need the Debian packages ${missing.join(', ')} (not found).\n` +
      `Install them, e.g.: sudo apt-get update && sudo apt-get install -y ${Object.keys(REQUIRED).join(' ')}`,
  );
  process.exit(1);
}

const run = (args) => {
  console.log(`ensure-system-deps: apt-get ${args.join(' ')}`);
  const result = spawnSync('apt-get', args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) {
    console.error(`ensure-system-deps: apt-get ${args[0]} failed; install ${missing.join(' ')} by hand.`);
    process.exit(1);
  }
};

console.log(`ensure-system-deps: installing missing Debian packages: ${missing.join(' ')}`);
run(['update']);
run(['install', '-y', ...missing]);
