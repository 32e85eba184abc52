import pg from 'pg';

/** How the listener's connection shows in pg_stat_activity. */
export const LISTENER_NAME = 'rabita change listener';

export interface ChangeListener {
  /** Resolves once the first LISTEN succeeded (or at once if it failed: retries go on). */
  readonly ready: Promise<void>;
  readonly listening: boolean;
  stop(): Promise<void>;
}

export interface ChangeListenerOptions {
  connectionString: string;
  channel: string;
  /** The LISTEN is in place: changes from now on will be heard. */
  onUp(): void;
  /** A notification arrived on the channel: a writer committed a change. */
  onChange(): void;
  /** The connection is lost: changes can no longer be heard until `onUp`. */
  onDown(error?: Error): void;
  /** First wait before reconnecting; doubles up to 30 s. */
  retryMs?: number;
}

/**
 * LISTENs on one channel over a dedicated connection (a pooled one would be handed to other
 * queries, and LISTEN belongs to a session), and reconnects with a growing wait when it drops.
 * NOTIFY is delivered only on commit, so `onChange` never fires for a rolled-back write.
 */
export function listenForChanges(options: ChangeListenerOptions): ChangeListener {
  const firstRetry = options.retryMs ?? 1_000;
  let retry = firstRetry;
  let client: pg.Client | null = null;
  let listening = false;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  const down = (error?: Error) => {
    const wasListening = listening;
    listening = false;
    if (client) {
      client.removeAllListeners();
      client.on('error', () => {});
      client.end().catch(() => {});
      client = null;
    }
    if (wasListening) options.onDown(error);
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, retry);
    timer.unref();
    retry = Math.min(retry * 2, 30_000);
  };

  const connect = async () => {
    if (stopped) return;
    // keepAlive: a connection cut without a FIN (a firewall, a failover) is noticed as well.
    const next = new pg.Client({
      connectionString: options.connectionString,
      keepAlive: true,
      application_name: LISTENER_NAME,
    });
    client = next;
    next.on('error', (error) => down(error));
    next.on('end', () => down(new Error('the change listener connection ended')));
    next.on('notification', (message) => {
      if (message.channel === options.channel) options.onChange();
    });
    try {
      await next.connect();
      await next.query(`listen ${next.escapeIdentifier(options.channel)}`);
      if (stopped || client !== next) return;
      listening = true;
      retry = firstRetry;
      options.onUp();
    } catch (error) {
      if (client === next) down(error as Error);
    } finally {
      markReady();
    }
  };

  void connect();
  return {
    ready,
    get listening() {
      return listening;
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      const last = client;
      client = null;
      listening = false;
      if (last) {
        last.removeAllListeners();
        last.on('error', () => {});
        await last.end().catch(() => {});
      }
    },
  };
}
