/** report: see docs/architecture. */
export {};
