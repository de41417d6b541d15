/** Benchmark programs: run by hand, results recorded in docs/benchmarks.md. */
package dev.opsbot.bench;
