/**
 * Escalation: each service's policy (levels and an acknowledge timeout per severity), paging the
 * on-call when an incident is declared, and stepping up a level each time nobody acknowledges.
 */
package dev.opsbot.escalation;
