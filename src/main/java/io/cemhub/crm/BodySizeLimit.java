package io.cemhub.crm;

import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * Refuses a request body larger than {@code cem.crm.max-body-bytes} before the XML parser reads it: at
 * once when Content-Length says so, otherwise (chunked) as soon as the stream passes the limit.
 */
public class BodySizeLimit extends AbstractPhaseInterceptor<Message> {

    private final long maxBytes;

    public BodySizeLimit(long maxBytes) {
        super(Phase.RECEIVE);
        this.maxBytes = maxBytes;
    }

    @Override
    public void handleMessage(Message message) {
        long declared = contentLength(message);
        if (declared > maxBytes) {
            throw tooLarge(declared + " bytes");
        }
        InputStream in = message.getContent(InputStream.class);
        if (in != null) {
            message.setContent(InputStream.class, new Limited(in));
        }
    }

    private Fault tooLarge(String size) {
        return CrmFaults.client("body-too-large", "the request body (" + size + ") is larger than the "
                + maxBytes + " bytes the hub takes (cem.crm.max-body-bytes)");
    }

    @SuppressWarnings("unchecked")
    private static long contentLength(Message message) {
        Object headers = message.get(Message.PROTOCOL_HEADERS);
        if (headers instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if ("content-length".equalsIgnoreCase(String.valueOf(e.getKey())) && e.getValue() instanceof List<?> l
                        && !l.isEmpty()) {
                    try {
                        return Long.parseLong(String.valueOf(l.get(0)).trim());
                    } catch (NumberFormatException ignored) {
                        return -1;
                    }
                }
            }
        }
        return -1;
    }

    /** Counts what the parser reads and stops it past the limit. */
    private final class Limited extends FilterInputStream {
        private long read;

        Limited(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > maxBytes) {
                throw new IOException(tooLarge("more than " + maxBytes + " bytes").getMessage());
            }
        }
    }
}
