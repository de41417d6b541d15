/**
 * The clock and the features that run on it: Quartz fires routines and due items (MongoDB
 * remembers them), follow-ups and digests are wired here.
 */
package dev.opsbot.app.clock;
