package se.stegvis.localstack.demo;

import java.io.PrintStream;

/**
 * A line such as {@code [demo] 120/300 participants enrolled …} after every tenth of the work (every fifth item at
 * least), and at its end.
 */
record Progress(PrintStream out, String what, int total) {

    void after(int done) {
        if (done % Math.max(5, total / 10) == 0 || done == total) {
            out.println(DemoData.PREFIX + done + "/" + total + " " + what + (done == total ? "" : " …"));
            out.flush();
        }
    }
}
