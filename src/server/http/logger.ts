/**
 * Application log lines: JSON, one per line, with request ids and record ids only — never names, CPR
 * numbers, e-mail addresses, notes or query strings (a search may contain a name).
 */
let level: "debug" | "info" | "warn" | "error" | "silent" = "info";
const ORDER = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 } as const;

export function setLogLevel(l: typeof level) {
  level = l;
}

export function logInfo(fields: Record<string, unknown>) {
  if (ORDER[level] <= ORDER.info)
    console.log(JSON.stringify({ level: "info", time: new Date().toISOString(), ...fields }));
}

export function logError(requestId: string | undefined, err: unknown) {
  if (ORDER[level] > ORDER.error) return;
  const e = err instanceof Error ? err : new Error(String(err));
  // Database errors can carry parameter values; log the message class and stack, not the params.
  const message = e.message.split("\nparams:")[0];
  console.error(
    JSON.stringify({
      level: "error",
      time: new Date().toISOString(),
      requestId,
      error: e.name,
      message,
      stack: e.stack?.split("\n").slice(1, 6).join("\n"),
    }),
  );
}
