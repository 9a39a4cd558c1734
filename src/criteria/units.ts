import type { Unit } from '../schemas/criterion-schema.ts';
import { wordTable } from './word-table.ts';

/** Every spelling of a unit the grammar reads, lower case, mapped to the unit it means. */
const SPELLINGS: Readonly<Record<string, Unit>> = wordTable({
  '%': '%',
  percent: '%',
  'per cent': '%',
  pct: '%',
  percentage: '%',
  pp: 'pp',
  'p.p.': 'pp',
  'percentage point': 'pp',
  'percentage points': 'pp',
  point: 'pp',
  points: 'pp',
  pts: 'pp',
  pt: 'pp',
  ms: 'ms',
  msec: 'ms',
  msecs: 'ms',
  millisecond: 'ms',
  milliseconds: 'ms',
  毫秒: 'ms',
  ミリ秒: 'ms',
  мс: 'ms',
  s: 's',
  sec: 's',
  secs: 's',
  second: 's',
  seconds: 's',
  // The same units in Italian, Spanish, Portuguese, French, German, Japanese and Chinese.
  secondi: 's',
  sn: 's',
  saniye: 's',
  dakika: 'min',
  dk: 'min',
  saat: 'h',
  segundos: 's',
  secondes: 's',
  sekunden: 's',
  // Ukrainian and Russian; not "год" (hours in Ukrainian, a year in Russian) nor "часов" (hours or watches).
  секунд: 's',
  секунди: 's',
  секунды: 's',
  сек: 's',
  хвилин: 'min',
  хвилини: 'min',
  хвилина: 'min',
  хв: 'min',
  минут: 'min',
  минуты: 'min',
  минута: 'min',
  мин: 'min',
  годин: 'h',
  години: 'h',
  година: 'h',
  秒: 's',
  m: 'min',
  min: 'min',
  mins: 'min',
  minute: 'min',
  minutes: 'min',
  minuti: 'min',
  minutos: 'min',
  minuten: 'min',
  分: 'min',
  分钟: 'min',
  分鐘: 'min',
  h: 'h',
  hr: 'h',
  hrs: 'h',
  hour: 'h',
  hours: 'h',
  ore: 'h',
  horas: 'h',
  heures: 'h',
  stunden: 'h',
  stunde: 'h',
  時間: 'h',
  小时: 'h',
  小時: 'h',
  // Business and working days are not calendar days: their own unit, never converted into hours or days.
  'business day': 'business day',
  'business days': 'business day',
  // Business days in Spanish, Portuguese, Italian, French, German, Japanese and Chinese.
  'días hábiles': 'business day',
  'dias úteis': 'business day',
  'giorni lavorativi': 'business day',
  'jours ouvrés': 'business day',
  'jours ouvrables': 'business day',
  werktage: 'business day',
  arbeitstage: 'business day',
  営業日: 'business day',
  工作日: 'business day',
  'business-day': 'business day',
  'business-days': 'business day',
  'working day': 'business day',
  'working days': 'business day',
  'school day': 'business day',
  'school days': 'business day',
  'working-day': 'business day',
  'working-days': 'business day',
  d: 'd',
  day: 'd',
  days: 'd',
  giorni: 'd',
  días: 'd',
  dias: 'd',
  jours: 'd',
  tage: 'd',
  днів: 'd',
  дні: 'd',
  дней: 'd',
  дня: 'd',
  日: 'd',
  天: 'd',
  'calendar day': 'd',
  'calendar days': 'd',
  w: 'week',
  // German, French, Spanish, Portuguese, Italian and Dutch.
  wochen: 'week',
  woche: 'week',
  semaines: 'week',
  semaine: 'week',
  semanas: 'week',
  semana: 'week',
  settimane: 'week',
  settimana: 'week',
  weken: 'week',
  wk: 'week',
  wks: 'week',
  week: 'week',
  weeks: 'week',
  x: 'x',
  '×': 'x',
  times: 'x',
  // A lone "b" is as often billions ("1.2b") as bytes: bytes are spelled out or written with a prefix.
  byte: 'B',
  bytes: 'B',
  kb: 'KB',
  kilobyte: 'KB',
  kilobytes: 'KB',
  mb: 'MB',
  megabyte: 'MB',
  megabytes: 'MB',
  gb: 'GB',
  gigabyte: 'GB',
  gigabytes: 'GB',
  tb: 'TB',
  terabyte: 'TB',
  terabytes: 'TB',
  kib: 'KiB',
  mib: 'MiB',
  gib: 'GiB',
  tib: 'TiB',
  usd: 'USD',
  $: 'USD',
  us$: 'USD',
  a$: 'AUD',
  au$: 'AUD',
  c$: 'CAD',
  ca$: 'CAD',
  dollar: 'USD',
  dollars: 'USD',
  eur: 'EUR',
  '€': 'EUR',
  euro: 'EUR',
  euros: 'EUR',
  "d'euros": 'EUR',
  gbp: 'GBP',
  '£': 'GBP',
  pound: 'GBP',
  pounds: 'GBP',
  jpy: 'JPY',
  '¥': 'JPY',
  yen: 'JPY',
  円: 'JPY',
  chf: 'CHF',
  cad: 'CAD',
  aud: 'AUD',
  inr: 'INR',
  rs: 'INR',
  '₹': 'INR',
});

/** Units of time, with their length in seconds; a month is counted as 30 days. */
export const SECONDS: Readonly<Partial<Record<Unit, number>>> = { ms: 0.001, s: 1, min: 60, h: 3600, d: 86_400, week: 604_800 };

/** Units of data, with their size in bytes; KB is 1,000 bytes and KiB 1,024, as written. */
export const BYTES: Readonly<Partial<Record<Unit, number>>> = { B: 1, KB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3, TiB: 1024 ** 4 };

export const CURRENCIES: ReadonlySet<Unit> = new Set(['USD', 'EUR', 'GBP', 'JPY', 'CHF', 'CAD', 'AUD', 'INR']);

/** Currency signs written before the number: "$500", "£20K". */
export const CURRENCY_SIGNS: ReadonlySet<string> = new Set(['$', '€', '£', '¥', '₹', 'US$', 'A$', 'AU$', 'C$', 'CA$']);

/** The unit a spelling stands for ("minutes" → `min`), or null when it is no unit. */
export function unitOf(spelling: string): Unit | null {
  return SPELLINGS[spelling.toLowerCase()] ?? null;
}

/** Whether a unit measures time, so values in it convert into each other. */
export function isTimeUnit(unit: Unit | null): boolean {
  return unit !== null && SECONDS[unit] !== undefined;
}

/** Converts `value` between units of the same kind (time, data); null when they do not convert. */
export function convertUnit(value: number, from: Unit, to: Unit): number | null {
  if (from === to) return value;
  for (const table of [SECONDS, BYTES]) {
    const a = table[from];
    const b = table[to];
    if (a !== undefined && b !== undefined) return (value * a) / b;
  }
  return null;
}

/** Time words as a rate's denominator or a window is written, for reading back: "day", "hour". */
export const TIME_NAMES: Readonly<Partial<Record<Unit, string>>> = { ms: 'millisecond', s: 'second', min: 'minute', h: 'hour', d: 'day', week: 'week' };

/** A duration in seconds written in the largest unit that divides it: "30 min", "2 weeks", "1 d". */
export function formatDuration(seconds: number): string {
  for (const unit of ['week', 'd', 'h', 'min', 's'] as const) {
    const size = SECONDS[unit] ?? 1;
    if (seconds >= size && Number.isInteger(Math.round((seconds / size) * 1e6) / 1e6)) {
      const count = Math.round(seconds / size);
      return unit === 'week' ? `${count} ${count === 1 ? 'week' : 'weeks'}` : `${count} ${unit}`;
    }
  }
  return `${Math.round(seconds * 1000)} ms`;
}
