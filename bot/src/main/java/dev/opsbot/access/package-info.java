/**
 * Who may do what: {@link dev.opsbot.access.Role}s and {@link dev.opsbot.access.Grant}s (global or
 * scoped to a service), the router's check ({@link dev.opsbot.access.RolePolicy}), the service a
 * command touches ({@link dev.opsbot.access.ServiceScope}), and {@code /role}.
 */
package dev.opsbot.access;
