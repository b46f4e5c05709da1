/** An error answer of the shop: HTTP status, a stable code and, for a 400, the problems found. */
import type { ValidationIssue } from '@tessera/core';
export declare class ShopError extends Error {
    readonly status: number;
    readonly code: string;
    readonly problems?: ValidationIssue[] | undefined;
    constructor(status: number, code: string, message: string, problems?: ValidationIssue[] | undefined);
    toJSON(): {
        error: {
            code: string;
            message: string;
            problems?: ValidationIssue[];
        };
    };
}
