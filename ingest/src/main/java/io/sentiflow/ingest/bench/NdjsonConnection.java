package io.sentiflow.ingest.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One bench client's keep-alive HTTP/1.1 connection: posts an NDJSON body and reads the whole
 * answer. Deliberately this small: the bench's clients share the machine with the service they
 * load, and the JDK's HttpClient spends several times more CPU per request, CPU that a real
 * firehose's clients spend on their own machines.
 */
final class NdjsonConnection implements AutoCloseable {

  /** The status and body of one answer. */
  record Answer(int status, byte[] body) {

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** Far beyond any answer the service gives while healthy: past it the bench fails instead of hanging. */
  private static final int READ_TIMEOUT_MILLIS = 60_000;

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  /** The request line and headers, up to the value of Content-Length. */
  private final byte[] head;

  NdjsonConnection(String host, int port, String path, String bearerToken) throws IOException {
    socket = new Socket(host, port);
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(READ_TIMEOUT_MILLIS);
    in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
    out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
    head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: Bearer " + bearerToken
        + "\r\nContent-Type: application/x-ndjson\r\nContent-Length: ").getBytes(StandardCharsets.US_ASCII);
  }

  Answer post(byte[] ndjson) throws IOException {
    out.write(head);
    out.write((ndjson.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(ndjson);
    out.flush();
    int status = Integer.parseInt(line().split(" ", 3)[1]);
    int length = -1;
    boolean chunked = false;
    for (String header = line(); !header.isEmpty(); header = line()) {
      String lower = header.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Integer.parseInt(header.substring("content-length:".length()).strip());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      }
    }
    if (chunked) {
      return new Answer(status, chunkedBody());
    }
    if (length < 0) {
      throw new IOException("an answer with neither a length nor chunks cannot be read on a kept-alive connection");
    }
    return new Answer(status, bytes(length));
  }

  private byte[] chunkedBody() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int size = chunkSize(); size > 0; size = chunkSize()) {
      body.write(bytes(size));
      line();
    }
    while (!line().isEmpty()) {
      // Trailer fields: none expected, none needed.
    }
    return body.toByteArray();
  }

  private int chunkSize() throws IOException {
    String line = line();
    int extension = line.indexOf(';');
    return Integer.parseInt((extension < 0 ? line : line.substring(0, extension)).strip(), 16);
  }

  private byte[] bytes(int count) throws IOException {
    byte[] bytes = in.readNBytes(count);
    if (bytes.length < count) {
      throw new EOFException("the connection closed mid-answer");
    }
    return bytes;
  }

  /** One header-section line, without its CRLF. */
  private String line() throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new EOFException("the connection closed mid-answer");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
