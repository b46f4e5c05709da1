/**
 * A tiny seeded PRNG (mulberry32) and the few helpers the demo generator needs. Demo data must be
 * identical on every machine and run (it is a test fixture), so nothing here touches Math.random.
 */
export interface Random {
    /** Uniform in [0, 1). */
    next(): number;
    /** Integer in [min, max], both inclusive. */
    int(min: number, max: number): number;
    pick<T>(items: readonly T[]): T;
    /** Picks by relative weight: `weighted([['a', 3], ['b', 1]])` gives 'a' three times as often. */
    weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T;
    chance(p: number): boolean;
    /** `n` distinct items in random order. */
    sample<T>(items: readonly T[], n: number): T[];
}
export declare function createRandom(seed: number): Random;
