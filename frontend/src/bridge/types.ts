// The JSON types of app/API.md, as Go writes them. Durations are integer
// nanoseconds, []byte fields are base64 strings, times are RFC 3339.

export type DiagKind = 'error' | 'warning' | 'info';

export interface Location {
  file: string;
  line: number; // 1-based
  column: number; // 0-based, bytes
  length: number;
  lineText: string;
  suggestion: string;
}

export interface Diag {
  kind: DiagKind;
  id?: string;
  text: string;
  location?: Location;
  notes?: { text: string; location?: Location }[];
}

export type RouteState = 'building' | 'ok' | 'failed' | 'nodejs';

export interface BuildInput {
  path: string;
  bytes: number;
}

export interface BuildResult {
  id: number;
  file: string;
  raw: number;
  gzip: number;
  limit: number;
  inputs: BuildInput[]; // heaviest first; project-relative paths
  imports: Record<string, string[]>; // importer -> imported
  diagnostics: Diag[];
  duration: number; // ns
  nodeImports?: string[];
}

export interface RouteInfo {
  pattern: string; // "/api/users/[id]"
  file: string; // "pages/api/users/[id].ts"
  runtime: 'edge' | 'nodejs';
  state: RouteState;
  build?: BuildResult;
  diagnostics?: Diag[];
  builtAt?: string;
  oversize?: boolean;
}

export interface Header {
  name: string;
  value: string;
}

export interface Chunk {
  index: number;
  offset: number; // ns since the exchange started
  size: number;
  data: string; // base64, ≤ 4 KiB preview
}

export type LogLevel = 'log' | 'info' | 'debug' | 'warn' | 'error';

export interface Log {
  time: string;
  level: LogLevel;
  text: string;
  route?: string;
  seq?: number;
}

export interface ErrorInfo {
  name: string;
  message: string;
  stack: string;
  file?: string;
  line?: number;
  column?: number; // 1-based
}

export interface Timing {
  queue: number; // ns
  ttfb: number; // ns
  total: number; // ns
}

export interface Exchange {
  seq: number;
  start: string;
  method: string;
  url: string;
  path: string;
  client?: string;
  route?: string;
  file?: string;
  buildId?: number;
  requestHeaders: Header[];
  requestBody?: string;
  requestBodySize: number;
  status: number;
  responseHeaders: Header[];
  responseBody?: string;
  responseSize: number;
  stream: boolean;
  chunks?: Chunk[];
  chunkCount: number;
  logs?: Log[];
  error?: ErrorInfo;
  /** The route's event.waitUntil work, which runs on after the response. */
  background?: { done: boolean; at?: number; error?: string };
  timing: Timing;
  done: boolean;
}

export interface Plan {
  name: string;
  bytes: number;
}

export interface Info {
  project: { name: string; dir: string; sample: boolean };
  url: string;
  limit: number; // gzip bytes
  plans: Plan[];
  mode: 'desktop' | 'browser';
  version: string;
}

export type BodyKind = 'none' | 'text' | 'json' | 'form' | 'file';

export interface ComposerRequest {
  method: string;
  url: string;
  headers: Header[];
  body: string; // for 'file': base64 of the bytes
  bodyKind: BodyKind;
}

export interface SavedRequest extends ComposerRequest {
  id: string;
  name: string;
}

export interface HistoryEntry extends ComposerRequest {
  time: string;
  status: number;
  seq: number;
}

export interface SendResult {
  client: string;
}

export interface BundleInfo {
  route: RouteInfo;
  current?: BuildResult;
  previous?: BuildResult;
}

export interface Settings {
  editor: string;
  recent: string[];
  lastProject: string;
  theme: 'system' | 'light' | 'dark';
}

export type TrafficKind =
  | 'exchange:start'
  | 'exchange:head'
  | 'exchange:chunk'
  | 'exchange:log'
  | 'exchange:end';

export interface TrafficEvent {
  kind: string;
  seq: number;
  exchange?: Exchange; // start, head, end: a snapshot of the whole exchange
  chunk?: Chunk; // chunk: only the new chunk
  log?: Log; // log: only the new line
}

export type EngineEventType =
  | 'routes'
  | 'build:start'
  | 'build:done'
  | 'diagnostics'
  | 'log'
  | 'ready'
  | TrafficKind;

export interface EngineEvent {
  type: EngineEventType;
  routes?: RouteInfo[];
  route?: RouteInfo;
  diagnostics?: Diag[];
  log?: Log;
  url?: string;
  traffic?: TrafficEvent;
}

/** The methods of app.App with their argument and result types. */
export interface Api {
  Info(): Info;
  Routes(): RouteInfo[];
  Diagnostics(): Diag[];
  Exchanges(): Exchange[];
  Exchange(seq: number): Exchange;
  ClearTraffic(): void;
  Send(req: ComposerRequest): SendResult;
  CurlFor(seq: number): string;
  ExportHAR(seqs: number[], mask: boolean): string;
  ImportCurl(cmd: string): ComposerRequest;
  SavedRequests(): SavedRequest[];
  SaveRequest(r: SavedRequest): SavedRequest;
  DeleteRequest(id: string): void;
  History(): HistoryEntry[];
  Bundle(file: string): BundleInfo;
  SetLimit(bytes: number): void;
  OpenInEditor(file: string, line: number, column: number): void;
  Settings(): Settings;
  SetEditor(cmd: string): void;
  SetTheme(theme: 'system' | 'light' | 'dark'): void;
  OpenProject(dir: string): Info;
  PickProject(): string;
}

export type Method = keyof Api;
