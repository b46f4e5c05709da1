/**
 * The signed-in user's own account, outside any app: `POST /api/auth/password`. Same-origin with
 * the session cookie; a refusal becomes an ApiError carrying the server's problem+json (its
 * message and the pointer of the field at fault).
 */
import { toApiError } from './api-error';

export async function changeOwnPassword(currentPassword: string, newPassword: string, baseUrl = ''): Promise<void> {
  const res = await fetch(`${baseUrl}/api/auth/password`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify({ currentPassword, newPassword }),
  });
  if (!res.ok) throw await toApiError(res);
}
