/**
 * Limits login attempts per client address (fixed window, in memory). Per-account lockout is the
 * durable defence and lives in the database; this one slows down spraying many accounts from one
 * address. With several app servers each counts its own requests (see docs/security.md).
 */
export class LoginRateLimiter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(
    private readonly maxAttempts = 30,
    private readonly windowMs = 10 * 60 * 1000,
  ) {}

  /** Counts an attempt; returns the seconds to wait when the address is over the limit, else 0. */
  hit(key: string, nowMs: number): number {
    const w = this.windows.get(key);
    if (!w || nowMs - w.startedAt >= this.windowMs) {
      if (this.windows.size > 10_000) this.prune(nowMs);
      this.windows.set(key, { startedAt: nowMs, count: 1 });
      return 0;
    }
    w.count += 1;
    return w.count > this.maxAttempts ? Math.ceil((w.startedAt + this.windowMs - nowMs) / 1000) : 0;
  }

  private prune(nowMs: number) {
    for (const [k, w] of this.windows) if (nowMs - w.startedAt >= this.windowMs) this.windows.delete(k);
  }
}
