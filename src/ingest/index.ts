/** ingest: see docs/architecture. */
export {};
