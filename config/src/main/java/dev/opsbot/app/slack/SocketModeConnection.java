package dev.opsbot.app.slack;

import dev.opsbot.slack.SlackAdapter;
import org.springframework.context.SmartLifecycle;

/**
 * Opens the Socket Mode connection once the application is up, so commands arriving over it find
 * every bean ready. Closing the adapter closes the connection.
 */
final class SocketModeConnection implements SmartLifecycle {

    private final boolean enabled;
    private final SlackAdapter adapter;
    private volatile boolean running;

    SocketModeConnection(boolean enabled, SlackAdapter adapter) {
        this.enabled = enabled;
        this.adapter = adapter;
    }

    @Override
    public void start() {
        if (enabled) {
            try {
                adapter.connectSocketMode();
            } catch (Exception e) {
                throw new IllegalStateException("could not open the Slack Socket Mode connection: " + e.getMessage(), e);
            }
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
