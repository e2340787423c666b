export declare const PROXY_PATH: string;
export interface Couch {
  url: string;
  port: number;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Stops it and removes the folder it made for itself (not a `dir` given). */
  dispose(): Promise<void>;
}
export interface CentrePlan {
  db: string;
  label: string;
  role: string;
  name: string;
  password: string;
}
export interface NetworkPlan {
  admin?: { name: string; password: string };
  centres: CentrePlan[];
  coordinator?: { name: string; password: string };
}
export declare function startCouch(options?: { port?: number; dir?: string }): Promise<Couch>;
export declare function provision(url: string, plan: NetworkPlan): Promise<void>;
export declare function validateFunction(role: string): string;
export declare function serveApp(options: {
  dist?: string;
  couchUrl: string;
  networkJson?: unknown;
  port?: number;
  headers?: Record<string, string>;
}): Promise<{ origin: string; close(): Promise<void> }>;
export declare const DEMO: NetworkPlan & { centres: CentrePlan[]; coordinator: { name: string; password: string } };
export declare function networkJsonOf(plan: NetworkPlan): { address: string; databases: { db: string; label: string }[] };
