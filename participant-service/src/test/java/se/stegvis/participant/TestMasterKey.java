package se.stegvis.participant;

/** A master key for tests only: 32 bytes, base64. */
final class TestMasterKey {

    static final String BASE64 = "c3RlZ3Zpcy10ZXN0LW1hc3Rlci1rZXktMzItYnl0ZXM=";

    private TestMasterKey() {
    }
}
