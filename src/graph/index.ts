/** graph: see docs/architecture. */
export {};
