import dayjs from 'dayjs';
import type React from 'react';
import type { Lang } from '../i18n/index.ts';

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const compactEn = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** Full figure with thousands separators, for tables: 38,562,148. */
export function formatNumber(n: number | null | undefined): string {
  return n === null || n === undefined ? '' : grouped.format(n);
}

/**
 * Headline figure for cards. Chinese: 9,999 · 3,856.2万 · 14.12亿 (万 with one decimal, 亿 with two);
 * English: 9,999 · 38.6M · 1.4B.
 */
export function formatCompact(n: number | null | undefined, lang: Lang): string {
  if (n === null || n === undefined) return '';
  if (lang === 'en') return Math.abs(n) < 10_000 ? grouped.format(n) : compactEn.format(n);
  if (Math.abs(n) >= 100_000_000) return `${twoDecimals.format(n / 100_000_000)}亿`;
  if (Math.abs(n) >= 10_000) return `${oneDecimal.format(n / 10_000)}万`;
  return grouped.format(n);
}

export function formatDateTime(iso: string | null | undefined, seconds = true): string {
  return iso ? dayjs(iso).format(seconds ? 'YYYY-MM-DD HH:mm:ss' : 'YYYY-MM-DD HH:mm') : '';
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD') : '';
}

const oneDecimalMax = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** Up to one decimal with thousands separators (training hours: 7.5, 1,024). */
export function formatDecimal(n: number | null | undefined): string {
  return n === null || n === undefined ? '' : oneDecimalMax.format(n);
}

/** Props for a table row carrying a data-testid (antd's onRow type has no data-* keys). */
export const rowTestId = (id: string) => ({ 'data-testid': id }) as React.HTMLAttributes<HTMLElement>;

/** 贵州省 / 贵阳市 / …: a region path as text, without the country root (every path starts there). */
export const regionPathText = (path: readonly { code: string; name: string }[]) =>
  path
    .filter((r) => r.code !== '000000000000')
    .map((r) => r.name)
    .join(' / ');
