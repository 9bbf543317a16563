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
}): Promise<StartedServer>;
