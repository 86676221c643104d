package se.stegvis.issuer;

import java.text.ParseException;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Reads a token's claims only after its RS256 signature checks out against a key of the issuer's JWKS. */
final class SignedTokens {

    private SignedTokens() {
    }

    static JWTClaimsSet verifiedClaims(String token, String jwks) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
                throw new AssertionError("Signed with " + jwt.getHeader().getAlgorithm() + ", not RS256");
            }
            RSAKey key = (RSAKey) JWKSet.parse(jwks).getKeyByKeyId(jwt.getHeader().getKeyID());
            if (key == null) {
                throw new AssertionError("No key " + jwt.getHeader().getKeyID() + " in the JWKS");
            }
            if (!jwt.verify(new RSASSAVerifier(key))) {
                throw new AssertionError("The signature does not verify against the JWKS");
            }
            return jwt.getJWTClaimsSet();
        } catch (ParseException | JOSEException e) {
            throw new AssertionError("Not a signed JWT: " + e.getMessage(), e);
        }
    }
}
