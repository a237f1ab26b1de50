/**
 * The one i18n layer: zh-CN by default, English on request, the choice remembered in localStorage.
 * A tiny external store (no context needed): components read it with `useI18n()`, plain modules
 * (the API client) with `translate()`. Switching also switches dayjs and the <html lang>.
 */
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { useCallback, useSyncExternalStore } from 'react';
import { en } from './en.ts';
import { type MessageKey, zhCN } from './zh-CN.ts';

export type { MessageKey } from './zh-CN.ts';
export type Lang = 'zh-CN' | 'en';
export const LANGS: Lang[] = ['zh-CN', 'en'];

const STORAGE_KEY = 'sgpt.lang';
const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

function storedLang(): Lang {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (v === 'en' || v === 'zh-CN') return v;
  } catch {
    // Storage blocked (private mode …): fall back to Chinese.
  }
  return 'zh-CN';
}

let current: Lang = storedLang();
const subscribers = new Set<() => void>();

function applyToDocument(lang: Lang): void {
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  if (typeof document !== 'undefined') {
    document.documentElement.lang = lang;
    document.title = DICTIONARIES[lang]['app.name'];
  }
}
applyToDocument(current);

export function getLang(): Lang {
  return current;
}

export function setLang(lang: Lang): void {
  if (lang === current) return;
  current = lang;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered, still switched.
  }
  applyToDocument(lang);
  for (const s of subscribers) s();
}

function subscribe(listener: () => void): () => void {
  subscribers.add(listener);
  return () => {
    subscribers.delete(listener);
  };
}

export type TParams = Record<string, string | number>;

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zhCN, key);
}

/** The message for `key` with `{name}` placeholders filled in. */
export function translate(key: MessageKey, params?: TParams, lang: Lang = current): string {
  const text = DICTIONARIES[lang][key] ?? zhCN[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export type TFunction = (key: MessageKey, params?: TParams) => string;

export function useI18n(): { lang: Lang; setLang: (lang: Lang) => void; t: TFunction; tx: (key: string, fallback?: string) => string } {
  const lang = useSyncExternalStore(subscribe, getLang, getLang);
  const t = useCallback<TFunction>((key, params) => translate(key, params, lang), [lang]);
  /** For keys built at run time (`audit.action.${action}`): the fallback when there is no such key. */
  const tx = useCallback((key: string, fallback?: string) => (isMessageKey(key) ? translate(key, undefined, lang) : (fallback ?? key)), [lang]);
  return { lang, setLang, t, tx };
}
