import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
const child = spawn(process.execPath, ['--cpu-prof', '--cpu-prof-dir=/tmp/prof', '--import', 'tsx', 'srv-tmp.mts'], { stdio: ['ignore', 'pipe', 'inherit'] });
const url: string = await new Promise(res => { let o = ''; child.stdout!.on('data', (c) => { o += c; const m = /listening on (http:\/\/\S+)/.exec(o); if (m) res(m[1]); }); });
for (const c of [1, 32]) {
const r = await autocannon({ url, connections: c, duration: 3 });
console.log(c, Math.round(r.requests.average), r.latency.p50, r.latency.p99);
}
child.kill('SIGINT'); await new Promise(r => child.on('exit', r));
