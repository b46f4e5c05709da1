/**
 * Hand-written validation of a Contact create body: the rules bench/data/contacts-app.json states
 * declaratively, spelled out as code, the way a developer without a platform would write them.
 */
import { CONTACT_STATUSES, type ContactInput, type ContactStatus } from '../data/contacts';

export interface FieldError {
  field: string;
  message: string;
}

export type ContactCreate = Omit<ContactInput, 'phone' | 'company' | 'score'> & {
  phone: string | null;
  company: string | null;
  score: number | null;
};

export type Validation = { ok: true; value: ContactCreate } | { ok: false; errors: FieldError[] };

const ALLOWED = new Set(['firstName', 'lastName', 'email', 'phone', 'status', 'company', 'score']);
const STATUSES: ReadonlySet<string> = new Set(CONTACT_STATUSES);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function validateContactCreate(body: unknown): Validation {
  if (!isObject(body)) return { ok: false, errors: [{ field: '', message: 'body must be a JSON object' }] };
  const errors: FieldError[] = [];

  for (const key of Object.keys(body)) {
    if (!ALLOWED.has(key)) errors.push({ field: key, message: 'unknown field' });
  }

  const text = (field: string, max: number, required: boolean): string | null => {
    const v = body[field];
    if (v === undefined || v === null) {
      if (required) errors.push({ field, message: 'is required' });
      return null;
    }
    if (typeof v !== 'string') {
      errors.push({ field, message: 'must be a string' });
      return null;
    }
    if (required && v.length === 0) errors.push({ field, message: 'must not be empty' });
    if (v.length > max) errors.push({ field, message: `must be at most ${max} characters` });
    return v;
  };

  const firstName = text('firstName', 100, true);
  const lastName = text('lastName', 100, true);
  const email = text('email', 254, true);
  if (email !== null && email.length > 0 && !EMAIL.test(email)) errors.push({ field: 'email', message: 'must be an email address' });
  const phone = text('phone', 40, false);
  const company = text('company', 32, false);

  let status: ContactStatus = 'lead';
  const rawStatus = body.status;
  if (rawStatus !== undefined && rawStatus !== null) {
    if (typeof rawStatus === 'string' && STATUSES.has(rawStatus)) status = rawStatus as ContactStatus;
    else errors.push({ field: 'status', message: `must be one of ${CONTACT_STATUSES.join(', ')}` });
  }

  let score: number | null = null;
  const rawScore = body.score;
  if (rawScore !== undefined && rawScore !== null) {
    if (typeof rawScore !== 'number' || !Number.isInteger(rawScore)) errors.push({ field: 'score', message: 'must be an integer' });
    else if (rawScore < 0 || rawScore > 100) errors.push({ field: 'score', message: 'must be between 0 and 100' });
    else score = rawScore;
  }

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    // Non-null: a required field that is null or missing has produced an error above.
    value: { firstName: firstName!, lastName: lastName!, email: email!, phone, status, company, score },
  };
}
