import { fullFormats } from 'ajv-formats/dist/formats';

/**
 * The one rule for an email address: ajv-formats' `email` format, which email fields are
 * validated with. Accounts (users, the first admin) use it too, so an address accepted anywhere
 * is accepted everywhere (`admin@localhost` was taken at first start and then refused by the
 * sign-in form). Sign-in forms check nothing but presence: an account exists or it does not.
 */
const EMAIL = fullFormats.email as RegExp;

export function isEmailAddress(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 254 && EMAIL.test(value);
}
