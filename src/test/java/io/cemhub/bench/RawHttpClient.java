package io.cemhub.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal blocking HTTP/1.1 keep-alive client for one connection, used by one thread. Raw sockets
 * rather than java.net.http: the socket gets TCP_NODELAY explicitly (no Nagle delay between a
 * request's head and body, or behind a delayed ACK), each request leaves in ONE write, and the client
 * costs little CPU on a machine it shares with the hub. Tomcat answers with chunked bodies and closes
 * a connection after server.tomcat.max-keep-alive-requests (100): both are handled.
 */
final class RawHttpClient implements Closeable {

    record Response(int status, String body) {
    }

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private int connects;

    /** The hub's ingest needs a login: bench/ingest-load.sh gives the generator an API key (role SOURCE). */
    private static final String AUTH = System.getenv("CEM_BENCH_API_KEY") == null ? ""
            : "\r\nX-API-Key: " + System.getenv("CEM_BENCH_API_KEY");

    RawHttpClient(URI base) {
        this.host = base.getHost();
        this.port = base.getPort() < 0 ? 80 : base.getPort();
    }

    int connects() {
        return connects;
    }

    Response postJson(String path, byte[] body) throws IOException {
        boolean reused = socket != null;
        if (!reused) {
            connect();
        }
        byte[] request = request(path, body);
        try {
            out.write(request);
            out.flush();
            return read();
        } catch (EOFException e) {
            close();
            if (!reused) {
                throw e;
            }
            // The server closed an idle kept-alive connection before reading our request: nothing was
            // processed, so sending it once more on a new connection is safe.
            connect();
            out.write(request);
            out.flush();
            return read();
        }
    }

    private void connect() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.setSoTimeout(120_000);
        s.connect(new InetSocketAddress(host, port), 5_000);
        socket = s;
        in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
        out = s.getOutputStream();
        connects++;
    }

    private byte[] request(String path, byte[] body) {
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\nContent-Type: application/json\r\nAccept: application/json" + AUTH + "\r\nContent-Length: "
                + body.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    private Response read() throws IOException {
        String statusLine = line();
        if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
            throw new IOException("not an HTTP/1.1 status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closeAfter = false;
        for (String h = line(); !h.isEmpty(); h = line()) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closeAfter = true;
            }
        }
        String body = chunked ? readChunked() : new String(readFully(Math.max(0, length)), StandardCharsets.UTF_8);
        if (closeAfter) {
            close();
        }
        return new Response(status, body);
    }

    private String readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(256);
        for (int chunks = 0; chunks < 100_000; chunks++) {
            String sizeLine = line();
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                // Trailers carry nothing we need: skip them, at most 100.
                int trailers = 0;
                while (!line().isEmpty()) {
                    if (++trailers > 100) {
                        throw new IOException("more than 100 trailer lines");
                    }
                }
                return body.toString(StandardCharsets.UTF_8);
            }
            body.write(readFully(size));
            if (!line().isEmpty()) {
                throw new IOException("chunk not followed by CRLF");
            }
        }
        throw new IOException("more than 100000 chunks in one response");
    }

    private byte[] readFully(long length) throws IOException {
        if (length > 16 * 1024 * 1024) {
            throw new IOException("response body too large: " + length);
        }
        byte[] bytes = in.readNBytes((int) length);
        if (bytes.length < length) {
            throw new EOFException("connection closed inside a response body");
        }
        return bytes;
    }

    /** One header line, without its CRLF; at most 8 KiB. */
    private String line() throws IOException {
        StringBuilder sb = new StringBuilder(64);
        for (int i = 0; i < 8192; i++) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("connection closed by the server");
            }
            if (c == '\n') {
                int len = sb.length();
                return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
            }
            sb.append((char) c);
        }
        throw new IOException("header line longer than 8 KiB");
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a socket we no longer use; nothing to recover
            }
            socket = null;
        }
    }
}
