// The one HTTP server on PORT: operations routes (/healthz, /metrics) and, in Slack's HTTP mode, /slack/events.
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export class HttpServer {
  private readonly routes = new Map<string, RequestListener>();
  private readonly server: Server;

  constructor() {
    this.server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0]!;
      const handler = this.routes.get(path);
      if (handler) return handler(req, res);
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
    });
  }

  /** Serves `path` (exact match) with `handler`. */
  route(path: string, handler: RequestListener): void {
    this.routes.set(path, handler);
  }

  get paths(): string[] {
    return [...this.routes.keys()];
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
