// The one HTTP server on PORT: operations routes (/healthz, /metrics), the calendar feeds (/calendar/<token>.ics)
// and, in Slack's HTTP mode, /slack/events.
import { createServer, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The one answer to any path nobody serves (and to a feed token that matches nothing). */
export const notFound = (res: ServerResponse) =>
  res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');

export class HttpServer {
  private readonly routes = new Map<string, RequestListener>();
  private readonly prefixes = new Map<string, RequestListener>();
  private readonly server: Server;

  constructor() {
    this.server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0]!;
      const handler =
        this.routes.get(path) ??
        [...this.prefixes].find(([prefix]) => path.startsWith(prefix) && path.length > prefix.length)?.[1];
      if (handler) return handler(req, res);
      notFound(res);
    });
  }

  /** Serves `path` (exact match) with `handler`. */
  route(path: string, handler: RequestListener): void {
    this.routes.set(path, handler);
  }

  /** Serves every path below `prefix` (which ends with a slash) with `handler`; it reads the rest of the path itself. */
  routePrefix(prefix: string, handler: RequestListener): void {
    if (!prefix.endsWith('/')) throw new Error(`a route prefix ends with a slash: ${prefix}`);
    this.prefixes.set(prefix, handler);
  }

  get paths(): string[] {
    return [...this.routes.keys(), ...[...this.prefixes.keys()].map((p) => `${p}*`)];
  }

  async listen(port: number, host?: string): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve());
    });
  }

  get port(): number | undefined {
    return (this.server.address() as AddressInfo | null)?.port;
  }

  async close(): Promise<void> {
    if (!this.server.listening) return;
    this.server.closeIdleConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
