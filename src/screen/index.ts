/** screen: see docs/architecture. */
export {};
