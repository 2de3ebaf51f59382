/**
 * `npm start` on a machine without Electron's binary: it must say so plainly and serve the back
 * office through the node-host, printing an address that opens it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { afterAll, expect, it } from 'vitest';
import { ROOT } from '../support/paths';
import { tempDir } from '../support/temp';

const temp = tempDir('clinic-start-');
let child: ChildProcess | undefined;

afterAll(() => {
  child?.kill('SIGTERM');
  temp.remove();
});

function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, headers: res.headers });
      })
      .on('error', reject);
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

it('starts the sync server, enrolls the desk to the demo center and serves the back office in the browser when Electron is missing', async () => {
  const syncPort = await freePort();
  child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: ROOT,
    env: {
      ...process.env,
      CLINIC_DATA_DIR: `${temp.dir}/desk`,
      CLINIC_PORT: '0',
      SYNC_PORT: String(syncPort),
      SYNC_DATA_DIR: `${temp.dir}/server`,
      ELECTRON_OVERRIDE_DIST_PATH: temp.dir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address printed:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child!.stdout!.on('data', onData);
    child!.stderr!.on('data', onData);
    child!.on('exit', (code) => reject(new Error(`start exited with ${code}:\n${output}`)));
  });
  expect(output).toMatch(/Electron's binary is not installed/);
  expect(output).toContain(`Data folder: ${temp.dir}/desk`);
  expect(output).toContain('enrolled to the demo center');
  expect(output).toMatch(/Log in as the demo manager: mobile 09120000000/);
  const first = await get(url);
  expect(first.status).toBe(303);
  const cookie = String(first.headers['set-cookie']?.[0]).split(';')[0]!;
  const page = await get(new URL('/', url).toString(), { cookie });
  expect(page.status).toBe(200);
}, 120_000);
