import { StorageFullError, UniqueViolationError } from '@tessera/core/store';
import { mapMongoError } from './mongo.errors';

const ctx = { name: 'r_crm_contact', indexFields: new Map([['ux_email', ['email']]]) };

describe("MongoDB's errors as the port's", () => {
  it('a full disk (OutOfDiskSpace, 14031) is a StorageFullError, as SQLITE_FULL is', () => {
    const err = Object.assign(new Error('Write failed: out of disk space'), { code: 14031 });
    const mapped = mapMongoError(ctx, err);
    expect(mapped).toBeInstanceOf(StorageFullError);
    expect((mapped as StorageFullError).cause).toBe(err);
  });

  it('a duplicate key names its fields, from keyPattern or the index name', () => {
    expect(mapMongoError(ctx, { code: 11000, keyPattern: { email: 1 } })).toEqual(new UniqueViolationError('r_crm_contact', ['email']));
    expect(
      (mapMongoError(ctx, { code: 11000, message: 'E11000 duplicate key error index: ux_email dup key' }) as UniqueViolationError).fields,
    ).toEqual(['email']);
  });

  it('leaves other errors as they are', () => {
    const other = { code: 2, message: 'bad value' };
    expect(mapMongoError(ctx, other)).toBe(other);
  });
});
