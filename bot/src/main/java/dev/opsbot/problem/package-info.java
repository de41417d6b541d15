/**
 * Problems: the cause behind recurring incidents. A problem links its incidents, records the root
 * cause, becomes a known error once it has a workaround (which reaches its open incidents and the
 * card of the next similar one), tracks preventive actions as follow-ups and is resolved by a
 * completed fix change or by accepting the risk until a review date. {@link Recurrence} is the
 * rule that finds incidents that look like one problem.
 */
package dev.opsbot.problem;
