export interface RequestLogEntry {
  method: string;
  path: string;
  status: number;
  durationMs: number;
  /** Set for requests that ran inside a $batch: the inner request's id. */
  batchId?: string;
  at: string;
}

const MAX_ENTRIES = 50_000;

/** In-memory log of Graph requests (bounded; the oldest entries are dropped). */
export class RequestLog {
  private entries: RequestLogEntry[] = [];

  add(entry: RequestLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }

  list(): RequestLogEntry[] {
    return this.entries.map((e) => ({ ...e }));
  }

  clear(): void {
    this.entries = [];
  }
}
