export declare const SLOW_SUITES: readonly string[];
export declare function inProcessSuites(): string[];
