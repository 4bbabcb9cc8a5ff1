import { spawn } from 'node:child_process';
import http from 'node:http';
const child = spawn(process.execPath, [process.env.SCRIPT ?? 'srv-tmp.mts'], { stdio: ['ignore', 'pipe', 'inherit'] });
const url: string = await new Promise(res => { let o = ''; child.stdout!.on('data', (c) => { o += c; const m = /listening on (http:\/\/\S+)/.exec(o); if (m) res(m[1]); }); });
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const times: number[] = [];
for (let i = 0; i < 300; i++) {
  const s = performance.now();
  await new Promise<void>((res) => http.get(url, { agent }, (r) => { r.resume(); r.on('end', res); }));
  times.push(performance.now() - s);
}
times.sort((a, b) => a - b);
console.log('p50', times[150].toFixed(3), 'p90', times[270].toFixed(3));
child.kill('SIGINT');
