/** Today's date in the county (Asia/Shanghai), as YYYY-MM-DD: the day deadlines are counted from. */
export function todayInCounty(now: Date = new Date()): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Calendar days from `today` to `date` (both YYYY-MM-DD): negative once the date has passed. */
export function daysUntil(date: string, today: string): number {
  const at = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((at(date) - at(today)) / 86_400_000);
}
