/**
 * State of one form: values, the record being edited and its version, errors from the shared
 * record validator (checked on every keystroke, same rules as the server) and from the server.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Entity } from '@tessera/core';
import { createRecordValidator } from '@tessera/core';
import { useRenderer, isApiError, type RecordData, useT, useLive } from '@tessera/renderer/kit';
import { buildPayload, issuesByField } from './form-errors.render';
import { friendlyMessage } from './friendly-message.render';
import { isExpression } from '@tessera/core/expressions';

/** Literal defaults of the form's fields prefill a create form (expression defaults are left to the server). */
function defaultsOf(entity: Entity | undefined, fieldIds: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of entity?.fields ?? []) {
    const d = (f as { default?: unknown }).default;
    if (fieldIds.includes(f.id) && d !== undefined && !isExpression(d)) out[f.id] = d;
  }
  return out;
}

const pick = (values: Record<string, unknown> | undefined, ids: string[]) =>
  Object.fromEntries(Object.entries(values ?? {}).filter(([k]) => ids.includes(k)));

export type SubmitResult = { ok: true; record: RecordData } | { ok: false };

export function useFormState(entity: Entity | undefined, mode: 'create' | 'edit', fieldIds: string[], ready: boolean) {
  const { t } = useT();
  const { port, params, mode: renderMode, prefill } = useRenderer();
  const [record, setRecord] = useState<RecordData>();
  // A create form opened from a related list starts with its parent filled in (only fields it shows).
  const initial = () => (mode === 'create' ? { ...defaultsOf(entity, fieldIds), ...pick(prefill, fieldIds) } : {});
  const [values, setValues] = useState<Record<string, unknown>>(initial);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [conflict, setConflict] = useState(false);
  const [loadError, setLoadError] = useState<unknown>();
  const [loading, setLoading] = useState(mode === 'edit');
  const [submitting, setSubmitting] = useState(false);
  const id = params.id;

  const load = useCallback(async () => {
    if (!entity || mode !== 'edit' || !ready) return;
    setLoading(true);
    setLoadError(undefined);
    try {
      // On the builder canvas there is no :id: the first record stands in, so the form looks real.
      const r = id
        ? await port.get(entity.id, id)
        : renderMode === 'design'
          ? (await port.list(entity.id, { limit: 1 })).items[0]
          : undefined;
      setRecord(r);
      setValues(r ? Object.fromEntries(fieldIds.map((f) => [f, r[f]])) : {});
      setTouched(new Set());
      setServerErrors({});
      setConflict(false);
    } catch (err) {
      setLoadError(err);
    } finally {
      setLoading(false);
    }
  }, [entity, mode, ready, id, port, renderMode, fieldIds.join(',')]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => void load(), [load]);

  useLive(mode === 'edit' ? entity?.id : undefined, (e) => {
    if (e.kind === 'change' && e.id === record?.id && !submitting && e.version > (record?.version ?? 0)) setConflict(true);
  });

  const payload = useMemo(() => buildPayload(mode, fieldIds, values, record), [mode, fieldIds, values, record]);
  // The record validator is compiled (~40 ms for a large entity) when it is first needed: once a
  // field is touched or a submit tried, before that no message shows. An open form compiles it
  // while the browser is idle, so the first keystroke does not wait for it; the canvas never does.
  const check = useCallback(() => {
    if (!entity) return { fields: {}, other: [] as string[] };
    const result = createRecordValidator(entity, mode === 'create' ? 'create' : 'update')(payload);
    return issuesByField(
      result.errors.map((e) => ({ ...e, message: friendlyMessage(e.message, t) })),
      t('form.required'),
    );
  }, [entity, mode, payload, t]);
  const checking = touched.size > 0 || submitted;
  const validation = useMemo(() => (checking ? check() : { fields: {}, other: [] as string[] }), [checking, check]);
  useEffect(() => {
    if (!entity || renderMode === 'design') return;
    const warm = () => void createRecordValidator(entity, mode === 'create' ? 'create' : 'update');
    const idle = window.requestIdleCallback?.(warm, { timeout: 2000 });
    const timer = idle === undefined ? setTimeout(warm, 200) : undefined;
    return () => (idle !== undefined ? window.cancelIdleCallback(idle) : clearTimeout(timer));
  }, [entity, mode, renderMode]);

  const setValue = (field: string, value: unknown) => {
    setValues((v) => ({ ...v, [field]: value }));
    setTouched((s) => (s.has(field) ? s : new Set(s).add(field)));
    setServerErrors(({ [field]: _drop, ...rest }) => rest);
  };

  /** A field's message: the server's, else the validator's once the field was touched or a submit tried. */
  const errorOf = (field: string): string | undefined =>
    serverErrors[field] ?? (touched.has(field) || submitted ? (validation.fields as Record<string, string>)[field] : undefined);

  async function submit(): Promise<SubmitResult> {
    setSubmitted(true);
    setFormError(undefined);
    if (!entity) return { ok: false };
    const issues = check();
    if (Object.keys(issues.fields).length || issues.other.length) {
      setFormError(issues.other[0] ?? t('form.fixErrors'));
      return { ok: false };
    }
    setSubmitting(true);
    try {
      const saved =
        mode === 'create' ? await port.create(entity.id, payload) : await port.update(entity.id, record!.id, payload, record!.version);
      if (mode === 'edit') {
        setRecord(saved);
        setValues(Object.fromEntries(fieldIds.map((f) => [f, saved[f]])));
      } else {
        setValues(initial());
      }
      setTouched(new Set());
      setSubmitted(false);
      return { ok: true, record: saved };
    } catch (err) {
      if (isApiError(err, 412)) setConflict(true);
      else if (isApiError(err) && [409, 422, 403].includes(err.status)) {
        const byField = Object.fromEntries(Object.entries(err.fieldErrors()).map(([f, m]) => [f, friendlyMessage(m, t)]));
        const known = Object.fromEntries(Object.entries(byField).filter(([f]) => fieldIds.includes(f)));
        setServerErrors(err.status === 409 ? Object.fromEntries(Object.keys(known).map((f) => [f, t('form.unique')])) : known);
        setFormError(Object.keys(known).length ? t('form.fixErrors') : err.status === 409 ? t('form.unique') : err.message);
      } else setFormError((err as Error).message);
      return { ok: false };
    } finally {
      setSubmitting(false);
    }
  }

  /** "Keep editing" after a conflict: take the latest version but keep what the user typed. */
  const keepEditing = async () => {
    if (!entity || !record) return;
    const latest = await port.get(entity.id, record.id).catch(() => record);
    setRecord({ ...record, version: latest.version });
    setConflict(false);
  };

  return {
    record,
    values,
    setValue,
    errorOf,
    submit,
    submitting,
    loading,
    loadError,
    formError,
    conflict,
    reload: load,
    keepEditing,
    dirty: Object.keys(payload).length > 0,
  };
}
