/**
 * MongoDB plumbing shared by the features: the database handle (real or embedded), counters for
 * human ids, versioned single-document aggregates, and the audit log.
 */
package dev.opsbot.store;
