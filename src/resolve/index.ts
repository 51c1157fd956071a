/** resolve: see docs/architecture. */
export {};
