package se.stegvis.participant.participants.domain;

/**
 * Personal data was rejected. The message names the field and the rule, never the value, because the
 * value may be the name of a person living under a protected identity.
 */
public class InvalidPersonalData extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidPersonalData(String reason) {
        super(reason);
    }
}
