package se.stegvis.participant.participants.adapter.out.persistence;

import java.nio.charset.StandardCharsets;

import org.bson.Document;

import se.stegvis.participant.participants.domain.PersonalData;
import se.stegvis.participant.participants.domain.PersonalIdentityNumber;
import se.stegvis.participant.participants.domain.Protection;

/** Personal data as the plaintext that gets sealed: a small JSON document. Only ever handled in memory. */
final class PersonalDataCodec {

    private PersonalDataCodec() {
    }

    static byte[] encode(PersonalData person) {
        return new Document("personalIdentityNumber", person.personalIdentityNumber().canonical())
                .append("givenName", person.givenName()).append("familyName", person.familyName())
                .append("protection", person.protection().name())
                .toJson().getBytes(StandardCharsets.UTF_8);
    }

    static PersonalData decode(byte[] plaintext) {
        Document document = Document.parse(new String(plaintext, StandardCharsets.UTF_8));
        return new PersonalData(PersonalIdentityNumber.parse(document.getString("personalIdentityNumber")),
                document.getString("givenName"), document.getString("familyName"),
                Protection.valueOf(document.getString("protection")));
    }
}
