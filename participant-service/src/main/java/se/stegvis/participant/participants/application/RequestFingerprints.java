package se.stegvis.participant.participants.application;

/**
 * A keyed, one-way fingerprint of a request, so a retried enrolment can be recognised without keeping the request:
 * it holds an identity number and names, and a plain hash of those could be reversed by trying every number.
 */
@FunctionalInterface
public interface RequestFingerprints {

    String of(String canonicalRequest);
}
