/** Word lists for the shop's seeded data: a small online store for office and outdoor gear. */
export declare const PRODUCT_CATEGORIES: Record<string, readonly string[]>;
export declare const PRODUCT_ADJECTIVES: string[];
export declare const CONSUMER_DOMAINS: string[];
export declare const COUNTRIES: string[];
/** The shop's blog: customers reading these are the "article reads". */
export declare const ARTICLES: ReadonlyArray<{
    id: string;
    title: string;
}>;
export declare const TICKET_SUBJECTS: string[];
