// Types of the pure helpers console.js exports, for its unit test (the page itself is plain JavaScript, no build).

export interface TaskFilters {
  tab?: string;
  status?: string;
  type?: string;
  assignee?: string;
  caseId?: string;
}
export declare const tasksQuery: (filters: TaskFilters) => string;
export declare const clockRequest: (input: string) => { advance: string } | { now: string };
export interface SampleInput {
  caseId: string;
  partnerOrgId: string;
  creditorOrgId: string;
}
export declare const samples: Record<string, { label: string; events: (input: SampleInput) => unknown[] }>;
export interface HistoryLine {
  at: string;
  action: string;
  actor?: { kind: string; id?: string };
  reason?: string;
  changes?: Record<string, [unknown, unknown]>;
}
export declare const timelineLine: (entry: HistoryLine) => string;
export declare const outboxAbout: (detail?: Record<string, unknown>) => string;
export declare const runOutcome: (run: { summary?: Record<string, unknown>; error?: string }) => string;
export declare const errorText: (status: number, body: unknown) => string;
