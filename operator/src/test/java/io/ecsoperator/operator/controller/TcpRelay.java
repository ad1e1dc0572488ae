package io.ecsoperator.operator.controller;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP relay to a server, that a test can take down and bring back on the same port: the
 * server seen as unreachable and back, without stopping it.
 */
final class TcpRelay implements AutoCloseable {

  private final String host;
  private final int targetPort;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private int port;
  private ServerSocket listener;

  TcpRelay(String host, int targetPort) throws IOException {
    this.host = host;
    this.targetPort = targetPort;
    start();
  }

  int port() {
    return port;
  }

  synchronized void start() throws IOException {
    listener = new ServerSocket();
    // The same port again after stop(), though its old connections may linger in TIME_WAIT.
    listener.setReuseAddress(true);
    listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    port = listener.getLocalPort();
    ServerSocket accepting = listener;
    daemon(() -> accept(accepting));
  }

  /** Refuses new connections and cuts the open ones. */
  synchronized void stop() throws IOException {
    listener.close();
    for (Socket socket : open) {
      socket.close();
    }
    open.clear();
  }

  @Override
  public void close() throws IOException {
    stop();
  }

  private void accept(ServerSocket accepting) {
    while (!accepting.isClosed()) {
      try {
        Socket client = accepting.accept();
        Socket server = new Socket(host, targetPort);
        open.add(client);
        open.add(server);
        pipe(client, server);
        pipe(server, client);
      } catch (IOException closed) {
        return;
      }
    }
  }

  private static void daemon(Runnable task) {
    Thread thread = new Thread(task, "tcp-relay");
    thread.setDaemon(true);
    thread.start();
  }

  private static void pipe(Socket from, Socket to) {
    daemon(
        () -> {
          try (InputStream in = from.getInputStream();
              OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
          } catch (IOException cut) {
            // the other side or stop() closed the connection
          }
        });
  }
}
