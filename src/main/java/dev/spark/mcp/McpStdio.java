package dev.spark.mcp;

import dev.spark.access.Caller;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;

/** Spark's MCP server on a pair of streams, for as long as the client keeps its end open. */
public final class McpStdio {

    private McpStdio() {
    }

    /**
     * Serves {@code tools} on {@code in} and {@code out} and returns when {@code in} ends (the client closed it or
     * exited). Nothing but protocol messages is written to {@code out}.
     */
    public static void serve(SparkTools tools, InputStream in, OutputStream out) throws InterruptedException {
        serve(tools, Caller.anonymous(), in, out);
    }

    /** As {@link #serve(SparkTools, InputStream, OutputStream)}, every call made as {@code caller} (the key given at start). */
    public static void serve(SparkTools tools, Caller caller, InputStream in, OutputStream out) throws InterruptedException {
        CountDownLatch ended = new CountDownLatch(1);
        McpSyncServer server = SparkMcpServer.over(new StdioServerTransportProvider(SparkMcpServer.json(), new EndWatch(in, ended), out),
                tools, caller);
        try {
            ended.await();
        } finally {
            server.closeGracefully();
        }
    }

    /** Counts down when the stream ends or fails, which is how a stdio client says goodbye. */
    private static final class EndWatch extends FilterInputStream {

        private final CountDownLatch ended;

        EndWatch(InputStream in, CountDownLatch ended) {
            super(in);
            this.ended = ended;
        }

        @Override
        public int read() throws IOException {
            return watched(readOne());
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return watched(super.read(buffer, offset, length));
            } catch (IOException e) {
                ended.countDown();
                throw e;
            }
        }

        private int readOne() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                ended.countDown();
                throw e;
            }
        }

        private int watched(int read) {
            if (read < 0) {
                ended.countDown();
            }
            return read;
        }
    }
}
