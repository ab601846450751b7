/**
 * The embedded default's clock (`/local/clock`): tests move time forward instead of waiting for
 * timers, reminders and deadlines.
 */
export async function clockNow(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/local/clock`);
  if (!res.ok) throw new Error(`GET /local/clock answered ${res.status}`);
  return ((await res.json()) as { now: string }).now;
}

/** Moves the clock `ms` forward (never back); gives the new now. */
export async function advanceClock(baseUrl: string, ms: number): Promise<string> {
  const res = await fetch(`${baseUrl}/local/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ advanceMs: Math.max(0, Math.round(ms)) }),
  });
  if (!res.ok) throw new Error(`POST /local/clock answered ${res.status}`);
  return ((await res.json()) as { now: string }).now;
}

/** Moves the clock forward to `instant` (an ISO instant or epoch milliseconds); a past one leaves it. */
export async function advanceClockTo(baseUrl: string, instant: string | number): Promise<string> {
  const target = typeof instant === 'number' ? instant : Date.parse(instant);
  return advanceClock(baseUrl, target - Date.parse(await clockNow(baseUrl)));
}
