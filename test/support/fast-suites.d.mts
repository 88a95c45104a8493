export declare const SLOW_SUITES: readonly string[];
export declare function fastGroups(): Record<'in-process' | 'processes-1' | 'processes-2', string[]>;
