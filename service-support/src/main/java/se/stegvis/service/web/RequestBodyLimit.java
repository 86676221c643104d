package se.stegvis.service.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Request bodies of at most {@link #MAX_BYTES}. A command here is a few kB; a parser handed a larger body would hold
 * all of it (a 20-million-character name, say) in memory before any rule could refuse it. Reading a body stops with
 * {@link BodyTooLarge} as soon as its declared length, or the bytes read so far, pass the limit, and
 * {@link ProblemResponses} answers 413 problem+json pointing at the whole body. Nothing is parsed, nothing stored.
 */
public class RequestBodyLimit extends OncePerRequestFilter implements Ordered {

    public static final int MAX_BYTES = 1024 * 1024;

    /** Thrown by a body's stream that passes the limit. */
    public static final class BodyTooLarge extends IOException {

        BodyTooLarge() {
            super("The request body is larger than " + MAX_BYTES + " bytes");
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new Limited(request), response);
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private ServletInputStream stream;

        Limited(HttpServletRequest request) {
            super(request);
        }

        @Override
        public synchronized ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), getContentLengthLong());
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream body;
        private final long declared;
        private long read;

        LimitedStream(ServletInputStream body, long declared) {
            this.body = body;
            this.declared = declared;
        }

        @Override
        public int read() throws IOException {
            refuseBeyondTheLimit(0);
            int next = body.read();
            if (next >= 0) {
                refuseBeyondTheLimit(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            refuseBeyondTheLimit(0);
            int count = body.read(buffer, offset, length);
            if (count > 0) {
                refuseBeyondTheLimit(count);
            }
            return count;
        }

        private void refuseBeyondTheLimit(int more) throws BodyTooLarge {
            read += more;
            if (declared > MAX_BYTES || read > MAX_BYTES) {
                throw new BodyTooLarge();
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
