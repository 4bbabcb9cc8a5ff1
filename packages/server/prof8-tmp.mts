import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
const child = spawn(process.execPath, ['--import', 'tsx', process.env.SCRIPT!], { stdio: ['ignore', 'pipe', 'inherit'] });
let url: string = await new Promise(res => { let o = ''; child.stdout!.on('data', (c) => { o += c; const m = /listening on (http:\/\/\S+)/.exec(o); if (m) res(m[1]); }); });
if (process.env.SUFFIX) url = url.replace(/\/demo\/.*/, process.env.SUFFIX);
for (const c of [1, 32]) {
  const r = await autocannon({ url, connections: c, duration: 3 });
  console.log(url, c, Math.round(r.requests.average), 'bytes/req', Math.round(r.throughput.average / r.requests.average));
}
child.kill('SIGINT');
