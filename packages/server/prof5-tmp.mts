import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
for (const script of ['/tmp/fast.mjs']) {
const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
const url: string = await new Promise(res => { let o = ''; child.stdout!.on('data', (c) => { o += c; const m = /listening on (http:\/\/\S+)/.exec(o); if (m) res(m[1]); }); });
const r = await autocannon({ url, connections: 32, duration: 4 });
console.log(script, Math.round(r.requests.average));
child.kill(); }
