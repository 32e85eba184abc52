import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { until } from '../../support/rabita-process.js';

// The cluster of deploy/cluster on loopback ports of this machine: the configuration files come
// from deploy/cluster/cluster.sh (`render`) and its templates, so what is tested is what ships;
// the processes are started here rather than by `cluster.sh start`, so that the test knows each
// one, can kill -9 any of them, and ends every one of them whatever happens.

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SCRIPT = path.join(REPO, 'deploy', 'cluster', 'cluster.sh');

/** Low timings, so a dead primary is replaced within seconds (production: 30 / 10 / 10). */
const TTL = 10;
const LOOP_WAIT = 1;
const RETRY_TIMEOUT = 4;

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Started {
  name: string;
  child: ChildProcess;
}

export interface PatroniMember {
  name: string;
  role: string;
  state: string;
  timeline?: number;
  lag?: number | string;
}

export class Cluster {
  readonly dir: string;
  readonly nodes: string[];
  private readonly started = new Map<string, Started>();
  private readonly ports: Record<string, number>;
  private readonly secrets: Record<string, string>;
  readonly pgPorts: number[];
  readonly restPorts: number[];

  private constructor(
    dir: string,
    ports: Record<string, number>,
    pgPorts: number[],
    restPorts: number[],
  ) {
    this.dir = dir;
    this.ports = ports;
    this.pgPorts = pgPorts;
    this.restPorts = restPorts;
    this.nodes = pgPorts.map((_, i) => `pg${i + 1}`);
    this.secrets = Object.fromEntries(
      fs
        .readFileSync(path.join(dir, 'secrets.env'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => line.split('=') as [string, string]),
    );
  }

  /** Renders every configuration file with deploy/cluster/cluster.sh on free ports. */
  static async render(nodes = 3): Promise<Cluster> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rabita-cluster-'));
    fs.chmodSync(dir, 0o755);
    const free = async (n: number) => {
      const list: number[] = [];
      while (list.length < n) {
        const port = await freePort();
        if (!list.includes(port)) list.push(port);
      }
      return list;
    };
    const [etcd, etcdPeer, primary, replica, nginx, app1, app2] = await free(7);
    const pgPorts = await free(nodes);
    const restPorts = await free(nodes);
    const ports = {
      etcd: etcd as number,
      etcdPeer: etcdPeer as number,
      primary: primary as number,
      replica: replica as number,
      nginx: nginx as number,
      app1: app1 as number,
      app2: app2 as number,
    };
    execFileSync('bash', [SCRIPT, 'render', dir], {
      env: {
        ...process.env,
        NODES: String(nodes),
        PG_PORTS: pgPorts.join(' '),
        REST_PORTS: restPorts.join(' '),
        ETCD_PORT: String(ports.etcd),
        ETCD_PEER_PORT: String(ports.etcdPeer),
        PRIMARY_PORT: String(ports.primary),
        REPLICA_PORT: String(ports.replica),
        NGINX_PORT: String(ports.nginx),
        APP_PORTS: `${ports.app1} ${ports.app2}`,
        PATRONI_TTL: String(TTL),
        PATRONI_LOOP_WAIT: String(LOOP_WAIT),
        PATRONI_RETRY_TIMEOUT: String(RETRY_TIMEOUT),
        PG_SHARED_BUFFERS: '32MB',
      },
      stdio: 'pipe',
    });
    return new Cluster(dir, ports, pgPorts, restPorts);
  }

  get nginxUrl() {
    return `http://127.0.0.1:${this.ports.nginx}`;
  }

  get etcdPort() {
    return this.ports.etcd as number;
  }

  get primaryPort() {
    return this.ports.primary as number;
  }

  get appPorts() {
    return [this.ports.app1 as number, this.ports.app2 as number];
  }

  /** A superuser connection through HAProxy's primary port, or straight to one node. */
  superuserUrl(node?: string, database = 'postgres') {
    const port = node ? this.pgPorts[this.nodes.indexOf(node)] : this.ports.primary;
    return `postgres://postgres:${this.secrets.SUPERUSER_PASSWORD}@127.0.0.1:${port}/${database}`;
  }

  /** A connection as `role` with `password` through HAProxy's primary port. */
  roleUrl(role: string, password: string, database: string) {
    return `postgres://${role}:${encodeURIComponent(password)}@127.0.0.1:${this.ports.primary}/${database}`;
  }

  /** Starts a long-running process in a process group of its own, keeping its output. */
  private launch(
    name: string,
    command: string,
    args: string[],
    options: { uid?: number; gid?: number; env?: Record<string, string> } = {},
  ) {
    // Output to a file of the cluster's folder (kept with RABITA_CLUSTER_KEEP=1), its tail here.
    const log = fs.openSync(path.join(this.dir, `${name}.log`), 'a');
    const child = spawn(command, args, {
      cwd: this.dir,
      detached: true,
      stdio: ['ignore', log, log],
      env: { ...process.env, ...options.env },
      ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.gid }),
    });
    fs.closeSync(log);
    const entry: Started = { name, child };
    this.started.set(name, entry);
    return entry;
  }

  /** The end of what a component printed. */
  output(name: string) {
    const file = path.join(this.dir, `${name}.log`);
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').slice(-5_000) : '';
  }

  startEtcd() {
    const args = fs.readFileSync(path.join(this.dir, 'etcd.args'), 'utf8').trim().split(/\s+/);
    this.launch('etcd', 'etcd', args);
  }

  startNode(node: string) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    this.launch(node, 'patroni', [path.join(this.dir, node, 'patroni.yml')], {
      uid,
      gid,
      env: { HOME: path.join(this.dir, node), USER: 'postgres' },
    });
  }

  startHaproxy() {
    this.launch('haproxy', 'haproxy', ['-db', '-f', path.join(this.dir, 'haproxy.cfg')]);
  }

  startNginx() {
    const dir = path.join(this.dir, 'nginx');
    this.launch('nginx', '/usr/sbin/nginx', [
      '-p',
      dir,
      '-c',
      path.join(dir, 'nginx.conf'),
      '-e',
      path.join(dir, 'error.log'),
    ]);
  }

  /** The cluster as node `via` sees it (Patroni's GET /cluster). */
  async members(via?: string): Promise<PatroniMember[]> {
    const ports = via ? [this.restPorts[this.nodes.indexOf(via)]] : this.restPorts;
    for (const port of ports) {
      try {
        const answer = await fetch(`http://127.0.0.1:${port}/cluster`, {
          signal: AbortSignal.timeout(1_000),
        });
        if (answer.ok) return ((await answer.json()) as { members: PatroniMember[] }).members;
      } catch {}
    }
    return [];
  }

  /** The leader, once it runs and `replicas` others stream from it (one of them synchronous). */
  async waitForHealthy(replicas: number, withinMs: number, not?: string): Promise<string> {
    return until(
      `a leader${not ? ` other than ${not}` : ''} with ${replicas} streaming replicas`,
      async () => {
        const members = await this.members();
        const leader = members.find((m) => m.role === 'leader' && m.state === 'running');
        if (!leader || leader.name === not) return undefined;
        const running = members.filter(
          (m) =>
            m.name !== leader.name &&
            ['streaming', 'running'].includes(m.state) &&
            m.timeline === leader.timeline,
        );
        const sync = members.some((m) => m.role === 'sync_standby');
        return running.length >= replicas && sync ? leader.name : undefined;
      },
      withinMs,
    );
  }

  /** Waits until HAProxy's primary port reaches a writable PostgreSQL. */
  async waitForPrimaryPort(withinMs: number) {
    await until(
      "HAProxy's primary port to reach a primary",
      async () => {
        const client = new pg.Client({
          connectionString: this.superuserUrl(),
          connectionTimeoutMillis: 1_000,
        });
        try {
          await client.connect();
          const { rows } = await client.query('select pg_is_in_recovery() as recovery');
          return rows[0]?.recovery === false;
        } catch {
          return false;
        } finally {
          await client.end().catch(() => {});
        }
      },
      withinMs,
    );
  }

  /** The postmaster's process id of a node, from its data folder. */
  postmasterPid(node: string): number | null {
    const file = path.join(this.dir, node, 'data', 'postmaster.pid');
    if (!fs.existsSync(file)) return null;
    const pid = Number(fs.readFileSync(file, 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  }

  /** kill -9 of a whole node, as the loss of its machine: Patroni and its PostgreSQL. */
  async killNode(node: string) {
    const postmaster = this.postmasterPid(node);
    const patroni = this.started.get(node)?.child;
    patroni?.kill('SIGKILL');
    if (postmaster) killQuietly(postmaster, 'SIGKILL');
    if (patroni && patroni.exitCode === null && patroni.signalCode === null) {
      await new Promise((resolve) => patroni.once('exit', resolve));
    }
    if (postmaster)
      await until('the killed postmaster to go', async () => !alive(postmaster), 10_000);
  }

  /** Stops everything this cluster started; kill -9 for whatever does not stop in time. */
  async stop() {
    const postmasters = this.nodes.map((n) => this.postmasterPid(n)).filter((p) => p !== null);
    const order = ['nginx', 'haproxy', ...this.nodes, 'etcd'];
    for (const name of order) {
      const entry = this.started.get(name);
      if (!entry || entry.child.exitCode !== null || entry.child.signalCode !== null) continue;
      const exited = new Promise((resolve) => entry.child.once('exit', resolve));
      killGroup(entry.child.pid, 'SIGTERM');
      const timer = setTimeout(() => killGroup(entry.child.pid, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    // Patroni starts PostgreSQL in a session of its own: a killed Patroni leaves it running.
    for (const pid of postmasters) killQuietly(pid as number, 'SIGKILL');
    for (const pid of postmasters) {
      await until('PostgreSQL to stop', async () => !alive(pid as number), 10_000).catch(() => {});
    }
  }

  /** Synchronous last resort (process exit): kill -9 of every process group and postmaster. */
  killEverythingNow() {
    for (const entry of this.started.values()) killGroup(entry.child.pid, 'SIGKILL');
    for (const node of this.nodes) {
      const pid = this.postmasterPid(node);
      if (pid) killQuietly(pid, 'SIGKILL');
    }
  }

  remove() {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

function killGroup(pid: number | undefined, signal: NodeJS.Signals) {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    killQuietly(pid, signal);
  }
}

function killQuietly(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(pid, signal);
  } catch {}
}

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    // A zombie is gone for our purpose.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/\) Z /.test(stat);
  } catch {
    return false;
  }
}
