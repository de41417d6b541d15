package dev.opsbot.app.slack;

import dev.opsbot.chat.ChannelPoster;
import dev.opsbot.command.CommandRouter;
import dev.opsbot.slack.SlackAdapter;
import dev.opsbot.slack.SlackSettings;
import dev.opsbot.slack.SlackWebApi;
import jakarta.servlet.http.HttpServlet;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Slack, when {@code SLACK_BOT_TOKEN} is set and opsbot runs as a server. The adapter's endpoint
 * answers at {@code /slack/events} on the app's HTTP port and verifies each request's signature
 * from the raw body before Bolt parses it: it is a plain servlet, so no Spring MVC argument
 * resolution touches the body first, and none of Boot's filters read a POST form. Socket Mode
 * connects as well when {@code SLACK_APP_TOKEN} is set. The outbox finds the Slack poster among
 * its posters.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SlackEnabled.class)
public class SlackConfiguration {

    static final String EVENTS_PATH = "/slack/events";

    @Bean
    SlackSettings slackSettings(Environment env) {
        Map<String, String> values = new HashMap<>();
        for (String key : new String[] {"SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "SLACK_API_URL"}) {
            String value = env.getProperty(key);
            if (value != null) {
                values.put(key, value);
            }
        }
        return SlackSettings.fromEnv(values);
    }

    @Bean(destroyMethod = "close")
    SlackWebApi slackWebApi(SlackSettings settings) {
        return SlackWebApi.connect(settings);
    }

    @Bean
    ChannelPoster slackPoster(SlackWebApi api) {
        return api.poster();
    }

    @Bean(destroyMethod = "close")
    SlackAdapter slackAdapter(SlackSettings settings, SlackWebApi api, CommandRouter router) {
        return new SlackAdapter(settings, api, router);
    }

    @Bean
    ServletRegistrationBean<HttpServlet> slackEvents(SlackAdapter adapter) {
        ServletRegistrationBean<HttpServlet> registration =
                new ServletRegistrationBean<>(adapter.endpoint(), EVENTS_PATH);
        registration.setName("slackEvents");
        return registration;
    }

    @Bean
    SocketModeConnection slackSocketMode(SlackSettings settings, SlackAdapter adapter) {
        return new SocketModeConnection(settings.socketMode(), adapter);
    }
}
