/** Word lists for the demo data: an international customer base, as a B2B team really has. */
export interface CompanySeed {
    name: string;
    domain: string;
    city: string;
    country: string;
}
export declare const COMPANIES: readonly CompanySeed[];
/** Calling codes of the countries above, so phone numbers match the company's country. */
export declare const DIAL_CODES: Record<string, number>;
export declare const STREETS: string[];
export declare const FIRST_NAMES: string[];
export declare const LAST_NAMES: string[];
export declare const JOB_TITLES: string[];
/** Companies that only appear as text on leads (not yet customers). */
export declare const PROSPECT_COMPANIES: string[];
export declare const PRODUCTS: string[];
export declare const ACTIVITY_SUBJECTS: Record<string, readonly string[]>;
/** ASCII for emails: strips accents, spells out letters that have no decomposition. */
export declare function asciiSlug(s: string): string;
