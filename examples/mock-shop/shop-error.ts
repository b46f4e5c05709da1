/** An error answer of the shop: HTTP status, a stable code and, for a 400, the problems found. */
import type { ValidationIssue } from '@tessera/core';

export class ShopError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems?: ValidationIssue[],
  ) {
    super(message);
  }

  toJSON(): { error: { code: string; message: string; problems?: ValidationIssue[] } } {
    return { error: { code: this.code, message: this.message, ...(this.problems ? { problems: this.problems } : {}) } };
  }
}
