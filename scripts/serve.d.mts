export interface StartedServer {
  url: string;
  port: number;
  close(): Promise<void>;
  requests: Array<{ method: string; host: string; path: string; query: string; range?: string; origin?: string }>;
}
export function startServer(opts?: {
  root?: string;
  host?: string;
  port?: number;
  routes?: Record<string, (req: unknown, res: unknown) => unknown>;
  tls?: { key: string | Buffer; cert: string | Buffer };
  /** host → path (exact, or ending in `*` for a prefix) → what to serve. */
  sites?: Record<string, Record<string, SiteRoute>>;
}): Promise<StartedServer>;
export interface SiteRoute {
  file?: string;
  type?: string;
  status?: number;
  failFirst?: number;
}
