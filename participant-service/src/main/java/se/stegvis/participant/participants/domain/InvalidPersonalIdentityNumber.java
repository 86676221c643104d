package se.stegvis.participant.participants.domain;

/**
 * A personal identity number was rejected. The message is a short, fixed reason and never contains the
 * number, so it can be logged and returned to the caller as it is. No cause is attached: JDK exceptions
 * about dates or digits may quote parts of the input.
 */
public class InvalidPersonalIdentityNumber extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidPersonalIdentityNumber(String reason) {
        super(reason);
    }
}
