import type { Language } from '../kernel/text';
import { problemTitle } from './messages';

interface Outcome {
  id: string;
  ok: boolean;
  code?: string;
  params?: Record<string, string | number>;
}

/**
 * A group operation's results with each refusal's reason in the request's language: the same
 * title a single-document request would have got as its problem (e.g. the status that forbids it).
 */
export function withReasons<T extends Outcome>(answer: { results: T[] }, lang: Language) {
  return {
    results: answer.results.map((r) =>
      r.ok || !r.code ? r : { ...r, title: problemTitle(r.code, lang, r.params ?? {}) },
    ),
  };
}
