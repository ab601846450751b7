import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * Amazon DynamoDB Local bound to 127.0.0.1 only. The jar's own main() has no bind-address option and
 * its Jetty listens on every interface; this launcher builds the same server from the same command
 * line, sets the host of each of its connectors to the loopback address before they open, then starts
 * it. Telemetry is never configured (the embedded default passes -disableTelemetry anyway).
 */
public final class LoopbackDynamoDbLocal {
  private static final String HOST = "127.0.0.1";

  private LoopbackDynamoDbLocal() {}

  public static void main(String[] args) throws Exception {
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server server = (Server) field.get(proxy);
    Connector[] connectors = server.getConnectors();
    if (connectors.length == 0) fail("DynamoDB Local has no connector to bind");
    for (Connector connector : connectors) {
      if (!(connector instanceof ServerConnector)) {
        fail("unexpected connector " + connector.getClass().getName() + ": cannot bind it to " + HOST);
      }
      ((ServerConnector) connector).setHost(HOST);
    }
    proxy.start();
    // start() reports a port it could not bind on stderr and stops the server instead of throwing.
    if (!server.isStarted()) fail("DynamoDB Local did not start");
    for (Connector connector : connectors) {
      String host = ((ServerConnector) connector).getHost();
      if (!HOST.equals(host)) fail("DynamoDB Local listens on " + host + ", not " + HOST);
    }
    proxy.join();
  }

  private static void fail(String message) {
    System.err.println(message);
    System.exit(1);
  }
}
