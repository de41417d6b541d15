/** The runnable application: Spring Boot wiring of the core and adapters, settings, health, modes. */
package dev.opsbot.app;
