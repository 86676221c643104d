package se.stegvis.schemas.serde;

import java.io.IOException;

import org.apache.avro.Schema;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.Encoder;

/** Writes a datum as one known branch of a union: the branch index, then the datum in the branch's schema. */
final class UnionBranchWriter implements DatumWriter<Object> {

    private final int branch;
    private final DatumWriter<Object> branchWriter;

    UnionBranchWriter(int branch, DatumWriter<Object> branchWriter) {
        this.branch = branch;
        this.branchWriter = branchWriter;
    }

    @Override
    public void setSchema(Schema schema) {
        throw new UnsupportedOperationException("the union branch is fixed when the writer is made");
    }

    @Override
    public void write(Object datum, Encoder out) throws IOException {
        out.writeIndex(branch);
        branchWriter.write(datum, out);
    }
}
