package dev.opsbot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import jakarta.servlet.Servlet;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * A servlet at {@code /slack/events} in an embedded Tomcat on loopback, as the Boot app serves it:
 * the adapter's endpoint, or a bare Bolt app behind Bolt's own servlet.
 */
public final class BoltServer implements AutoCloseable {

    private final Tomcat tomcat = new Tomcat();
    private final Connector connector = new Connector();

    /** The adapter's endpoint, with its checks in front of Bolt, as the application serves it. */
    public BoltServer(SlackAdapter adapter) throws Exception {
        this(adapter.endpoint());
    }

    /** A Bolt app behind Bolt's own servlet. */
    public BoltServer(App app) throws Exception {
        this(new SlackAppServlet(app));
    }

    private BoltServer(Servlet servlet) throws Exception {
        Path base = Files.createTempDirectory("opsbot-tomcat");
        tomcat.setBaseDir(base.toString());
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.getService().addConnector(connector);
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", base.toString());
        Tomcat.addServlet(context, "slack", servlet);
        context.addServletMappingDecoded("/slack/events", "slack");
        tomcat.start();
    }

    public URI events() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/slack/events");
    }

    @Override
    public void close() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }
}
