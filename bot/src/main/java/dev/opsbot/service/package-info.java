/**
 * Services: what incidents (and later changes and assets) are about. A service names its team,
 * its channel, its tier, its owner and the on-call rotation that answers for it.
 */
package dev.opsbot.service;
