package se.stegvis.localstack;

/**
 * Where a client of the stack gets an identity's access token: the stack's issuer ({@link IssuerTokens}), or in a
 * test that starts services on its own, a test issuer that signs the same claims.
 */
@FunctionalInterface
public interface TokenSource {

    /** A token of the identity, valid for a while yet. */
    String token(String identity);

    /** The value of an {@code Authorization} header carrying the identity's token. */
    default String bearer(String identity) {
        return "Bearer " + token(identity);
    }
}
