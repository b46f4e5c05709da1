export type DemoRecord = Record<string, unknown>;
export type DemoData = Record<string, DemoRecord[]>;
export declare const DEMO_COUNTS: {
    readonly company: 20;
    readonly contact: 60;
    readonly lead: 30;
    readonly opportunity: 40;
    readonly activity: 50;
};
export declare const DEMO_OWNERS: readonly ["rep1@example.com", "rep2@example.com", "manager@example.com"];
export declare function generateDemoData(seed?: number): DemoData;
