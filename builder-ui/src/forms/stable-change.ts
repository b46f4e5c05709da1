/**
 * Why generated forms stay fast on big drafts: a field re-renders only when its own value (or
 * schema) changes, so typing in one input of a 40-field form renders that input's path, not the
 * form. That needs change handlers whose identity never changes — and which still apply the
 * edit to the parent's latest value, or a skipped sibling would write back a stale object.
 */
import { memo, useCallback, useLayoutEffect, useRef, type ComponentType } from 'react';
import type { WidgetProps } from './widget.types';

export type ChangeHandler = (value: unknown, path?: string[]) => void;

/** `handlerFor(key)` is the same function on every render; it calls the latest `apply`. */
export function useChildChange<K>(apply: (key: K, value: unknown, path?: string[]) => void): (key: K) => ChangeHandler {
  const latest = useRef(apply);
  // After commit, not during render: a render React throws away must not leak its closure.
  useLayoutEffect(() => {
    latest.current = apply;
  });
  const handlers = useRef(new Map<K, ChangeHandler>());
  return useCallback((key: K) => {
    let handler = handlers.current.get(key);
    if (!handler) {
      handler = (value, path) => latest.current(key, value, path);
      handlers.current.set(key, handler);
    }
    return handler;
  }, []);
}

const samePath = (a: string[], b: string[]) => a.length === b.length && a.every((p, i) => p === b[i]);

/**
 * Props equality for form fields. `onChange` is left out on purpose: every parent hands down
 * handlers from useChildChange, which are stable and always read the latest value.
 */
export function sameField(a: WidgetProps, b: WidgetProps): boolean {
  return a.value === b.value && a.schema === b.schema && a.root === b.root && a.label === b.label && samePath(a.path, b.path);
}

export const memoField = <P extends WidgetProps>(c: ComponentType<P>) => memo(c, (a, b) => sameField(a, b));
